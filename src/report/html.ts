/**
 * Self-contained HTML reports (one file, inline CSS and SVG, no script, no network) of a stored
 * experiment, comparison or run: what was run and how to run it again, the sources and parameters,
 * the results as charts and tables.
 */
import type { ExperimentResult } from '../experiments/execute.ts';
import { LAYER_INDICATORS } from '../experiments/coupling.ts';
import { INDICATORS } from '../sim/index.ts';
import type { ComparisonRecord, IndicatorRow, RunRecord, StatRow } from '../store/index.ts';
import { esc, fmt, forestPlot, lineChart, morrisChart } from './svg.ts';
import type { LineSeries } from './svg.ts';

const CSS = `body{font:14px/1.45 system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}table{border-collapse:collapse;margin:.5em 0}
td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}th{background:#f6f6f6}
code,pre{background:#f4f4f4;padding:1px 4px}pre{padding:8px;overflow-x:auto}.verdict{font-size:1.3em;font-weight:700}
.holds{color:#2ca02c}.does_not_hold{color:#d62728}.inconclusive{color:#7f7f7f}.by_construction{color:#9467bd}figure{margin:1em 0}svg{max-width:100%;height:auto}
.muted{color:#666;font-size:.9em}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${CSS}</style></head><body>${body}<p class="muted">Written by <code>regimes report</code> (Mobility Regimes). Self-contained: no scripts, no network.</p></body></html>\n`;
}

function table(head: string[], rows: (string | number)[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${typeof c === 'number' ? esc(fmt(c)) : c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function definition(indicator: string): string {
  const d = INDICATORS[indicator] ?? LAYER_INDICATORS[indicator];
  return d ? `${d.definition} (${d.unit})` : '';
}

/** Per-label line series of world totals from statistics rows. */
function seriesOf(stats: readonly StatRow[], indicator: string, labels: readonly string[]): LineSeries[] {
  return labels.map((label) => ({
    label,
    points: stats
      .filter((s) => s.indicator === indicator && s.label === label && s.country === 'WLD')
      .map((s) => ({ x: s.year, y: s.mean, lo: s.lo, hi: s.hi })),
  }));
}

/** The report of a stored experiment. */
export function experimentReport(r: ExperimentResult): string {
  const arms = r.arms.map((a) => a.id);
  const parts: string[] = [];
  parts.push(`<h1>${esc(r.title)}</h1>`);
  const words = (v: string) => v.replace(/_/g, ' ');
  parts.push(
    `<p class="verdict ${esc(r.verdict)}">Verdict: ${esc(words(r.verdict))}${r.verdict === 'by_construction' && r.criterionVerdict ? ` <span class="muted">(the criterion gives: ${esc(words(r.criterionVerdict))}; no setting inside the documented parameter ranges changes it)</span>` : ''}</p>`,
  );
  parts.push(`<p><strong>Claim.</strong> ${esc(r.claim)}</p>`);
  parts.push(
    `<p>Experiment <code>${esc(r.experiment)}</code> (document <code>${esc(r.document)}</code>), scenario <code>${esc(r.scenario)}</code>, ${r.from}–${r.to}, ${r.seeds.length} seeds per arm, ${esc(r.scale)} persons per agent, ${esc(r.codeVersion)}.</p>`,
  );
  parts.push(`<h2>Criterion (declared before the runs)</h2>`);
  parts.push(
    `<p>The claim holds when every condition's ${Math.round(r.criterion.confidence * 100)}% interval lies beyond its threshold; it does not hold when one lies wholly on the other side; otherwise the result is inconclusive. Intervals: ${esc(r.criterion.intervalMethod)}.</p>`,
  );
  const label = (e: ExperimentResult['criterion']['conditions'][number]['effect']) => {
    const when = e.year !== undefined ? `in ${e.year}` : e.over;
    return e.arm === e.baseline
      ? `${e.indicator} in ${e.arm} (${when})`
      : `${e.statistic.replace(/_/g, ' ')} of ${e.indicator} (${when}), ${e.arm} vs ${e.baseline}`;
  };
  parts.push(
    `<figure>${forestPlot({
      title: 'Effects with intervals and thresholds',
      rows: r.criterion.conditions.map((c) => ({
        label: c.text,
        estimate: c.effect.estimate,
        low: c.effect.low,
        high: c.effect.high,
        threshold: c.value,
        op: c.op,
        verdict: c.verdict,
      })),
    })}</figure>`,
  );
  const seedsOnly = (c: ExperimentResult['criterion']['conditions'][number]) => {
    const so = c.effect.interval_sources?.seedsOnly;
    return so ? `${esc(fmt(so.estimate))} [${esc(fmt(so.low))}, ${esc(fmt(so.high))}]` : '—';
  };
  parts.push(
    table(
      [
        'condition',
        'effect',
        'estimate',
        'interval',
        'seeds only (nominal parameters)',
        'threshold',
        'verdict',
      ],
      r.criterion.conditions.map((c) => [
        esc(c.text),
        esc(label(c.effect)),
        c.effect.estimate,
        `[${esc(fmt(c.effect.low))}, ${esc(fmt(c.effect.high))}]`,
        seedsOnly(c),
        `${c.op === 'gt' ? '&gt;' : '&lt;'} ${esc(fmt(c.value))}`,
        `<span class="${esc(c.verdict)}">${esc(words(c.verdict))}</span>`,
      ]),
    ),
  );
  if (r.reported?.length)
    parts.push(
      `<p>Reported beside the criterion (they do not decide the verdict):</p>`,
      table(
        ['effect', 'what', 'estimate', 'interval', 'seeds only (nominal parameters)'],
        r.reported.map((e) => [
          esc(e.text),
          esc(label(e)),
          e.estimate,
          `[${esc(fmt(e.low))}, ${esc(fmt(e.high))}]`,
          e.interval_sources?.seedsOnly
            ? `${esc(fmt(e.interval_sources.seedsOnly.estimate))} [${esc(fmt(e.interval_sources.seedsOnly.low))}, ${esc(fmt(e.interval_sources.seedsOnly.high))}]`
            : '—',
        ]),
      ),
    );
  const sources = r.criterion.conditions[0]?.effect.interval_sources;
  if (sources)
    parts.push(
      `<p class="muted">Interval sources: ${sources.seeds} seeds; parameters: ${esc(sources.parameters)}${sources.varied.length ? ` (${sources.varied.length} parameters drawn per seed: ${esc(sources.varied.join(', '))})` : ''}.</p>`,
    );
  if (r.audit) parts.push(auditSection(r.audit, r.criterion.conditions, r.criterionVerdict ?? r.verdict));
  parts.push(`<h2>Arms</h2>`);
  parts.push(
    table(
      ['arm', 'regime', 'policy changes', 'parameters', 'description'],
      r.arms.map((a) => [
        `<code>${esc(a.id)}</code>`,
        `<code>${esc(a.regime)}</code>`,
        String(a.policy),
        esc(
          Object.entries(a.parameters)
            .map(([k, v]) => `${k} = ${v}`)
            .join(', ') || '—',
        ),
        esc(a.title ?? ''),
      ]),
    ),
  );
  parts.push(`<h2>Indicators by arm (world, mean and 90% interval over seeds)</h2>`);
  for (const ind of r.indicators) {
    const s = seriesOf(r.series, ind, arms);
    if (!s.some((x) => x.points.length)) continue;
    parts.push(
      `<figure>${lineChart({ title: ind, series: s, yLabel: (INDICATORS[ind] ?? LAYER_INDICATORS[ind])?.unit })}<figcaption class="muted">${esc(definition(ind))}</figcaption></figure>`,
    );
  }
  parts.push(`<h2>Sensitivity</h2>`);
  if (r.sensitivitySummary) {
    const s = r.sensitivitySummary;
    parts.push(
      `<p>Morris screening: ${s.trajectories} trajectories, ${s.points} design points, ${s.seeds} seeds per point and arm. The verdict at the design points: holds ${s.verdicts.holds}, does not hold ${s.verdicts.does_not_hold}, inconclusive ${s.verdicts.inconclusive} — ${s.robust ? 'the same as the main runs everywhere in the ranges' : `the main verdict at ${Math.round(100 * s.agreement)}% of points`}. μ* is the mean absolute elementary effect of a parameter on a condition's effect estimate (parameter range scaled to 0–1), σ their standard deviation.</p>`,
    );
    r.criterion.conditions.forEach((c, ci) => {
      parts.push(
        `<figure>${morrisChart({
          title: `Morris μ* and σ: ${c.text}`,
          bars: r.sensitivity.map((p) => ({
            label: p.parameter,
            muStar: p.effects[ci].muStar,
            sigma: p.effects[ci].sigma,
          })),
        })}</figure>`,
      );
    });
    parts.push(
      table(
        ['parameter', 'range', 'source'],
        r.sensitivity.map((p) => [
          `<code>${esc(p.parameter)}</code>`,
          `${esc(fmt(p.low))} – ${esc(fmt(p.high))}`,
          esc(p.source),
        ]),
      ),
    );
  } else parts.push(`<p>No sensitivity analysis was run.</p>`);
  parts.push(
    `<h2>Sources</h2><ul>${r.sources
      .map(
        (s) =>
          `<li>${esc([s.seed && `Overbeek 2002 ${s.seed}`, s.instrument, s.article, s.note, s.url].filter(Boolean).join('; '))}</li>`,
      )
      .join('')}</ul>`,
  );
  parts.push(`<h2>Reproduce</h2><pre>${esc(r.reproduce)}</pre>`);
  parts.push(
    `<p class="muted">Stored as ${esc(r.id ?? '—')} (arms' runs: comparison ${esc(r.comparisonId ?? '—')}); made by <code>${esc(r.commandLine)}</code>, ${r.threads} threads, ${Math.round(r.wallMs / 1000)} s.</p>`,
  );
  return page(`${r.experiment}: ${r.verdict}`, parts.join('\n'));
}

/** The audit: what is assumed, what emerges, and the setting that changes the verdict (or why none). */
function auditSection(
  a: NonNullable<ExperimentResult['audit']>,
  conditions: ExperimentResult['criterion']['conditions'],
  main: string,
): string {
  const out = [`<h2>Audit: what the verdict rests on</h2>`];
  if (a.inputs.length)
    out.push(
      `<p><strong>Assumed</strong> (inputs):</p>`,
      table(
        ['quantity', 'source'],
        a.inputs.map((i) => [esc(i.quantity), esc(i.source)]),
      ),
    );
  if (a.emergent.length)
    out.push(
      `<p><strong>Emergent</strong> (from the simulation):</p>`,
      table(
        ['quantity', 'mechanism'],
        a.emergent.map((e) => [esc(e.quantity), esc(e.mechanism)]),
      ),
    );
  if (a.flip) {
    const f = a.flip;
    out.push(
      `<p><strong>Flip.</strong> With ${esc(
        Object.entries(f.values)
          .map(([k, v]) => `${k} = ${fmt(v)}`)
          .join(', '),
      )} (inside the documented ranges; found at a ${f.found === 'morris' ? 'Morris design point' : 'directed corner'}) the criterion gives <span class="${esc(f.verdict)}">${esc(f.verdict.replace(/_/g, ' '))}</span> instead of ${esc(main.replace(/_/g, ' '))}. ${esc(a.reason)}.</p>`,
      table(
        ['condition', 'estimate', 'interval', 'verdict'],
        f.conditions.map((c, i) => [
          esc(conditions[i]?.text ?? c.text),
          c.estimate,
          `[${esc(fmt(c.low))}, ${esc(fmt(c.high))}]`,
          `<span class="${esc(c.verdict)}">${esc(c.verdict.replace(/_/g, ' '))}</span>`,
        ]),
      ),
    );
  } else out.push(`<p><strong>Flip:</strong> none — ${esc(a.reason)}.</p>`);
  return out.join('\n');
}

/** The report of a stored comparison. */
export function comparisonReport(c: ComparisonRecord, stats: readonly StatRow[]): string {
  const parts: string[] = [];
  parts.push(`<h1>Comparison ${esc(c.id)}: ${esc(c.regimes.join(' vs '))}</h1>`);
  parts.push(
    `<p>Scenario <code>${esc(c.scenario)}</code>, ${c.from}–${c.to}, seeds ${esc(c.seeds.join(', '))}, ${esc(c.scale)} persons per agent, ${esc(c.codeVersion)}. Intervals: ${esc(c.intervalMethod)}.</p>`,
  );
  const indicators = [...new Set(stats.filter((s) => s.country === 'WLD').map((s) => s.indicator))].sort();
  parts.push(`<h2>World indicators by regime</h2>`);
  for (const ind of indicators) {
    const s = seriesOf(stats, ind, c.regimes);
    if (!s.some((x) => x.points.length)) continue;
    parts.push(
      `<figure>${lineChart({ title: ind, series: s, yLabel: INDICATORS[ind]?.unit })}<figcaption class="muted">${esc(definition(ind))}</figcaption></figure>`,
    );
  }
  const final = stats.filter((s) => s.kind === 'difference' && s.country === 'WLD' && s.year === c.to);
  if (final.length) {
    parts.push(`<h2>Differences in ${c.to} (paired by seed)</h2>`);
    parts.push(
      table(
        ['indicator', 'difference', 'mean', 'interval'],
        final.map((s) => [esc(s.indicator), esc(s.label), s.mean, `[${esc(fmt(s.lo))}, ${esc(fmt(s.hi))}]`]),
      ),
    );
  }
  parts.push(`<h2>Reproduce</h2><pre>${esc(c.commandLine)}</pre>`);
  return page(`Comparison ${c.id}`, parts.join('\n'));
}

/** The report of a stored run. */
export function runReport(run: RunRecord, rows: readonly IndicatorRow[]): string {
  const parts: string[] = [];
  parts.push(`<h1>Run ${esc(run.id)}: ${esc(run.scenario)} under ${esc(run.regime)}</h1>`);
  parts.push(
    table(
      ['parameter', 'value'],
      [
        ['scenario', `<code>${esc(run.scenario)}</code>`],
        ['regime', `<code>${esc(run.regime)}</code>`],
        ['seed', String(run.seed)],
        ['persons per agent', String(run.scale)],
        ['years', `${run.from}–${run.to}`],
        ['code', esc(run.codeVersion)],
        ['engine digest', `<code>${esc(run.engineDigest)}</code>`],
        ['agents at the end', String(run.agents)],
      ],
    ),
  );
  const world = rows.filter((r) => r.country === 'WLD');
  const indicators = [...new Set(world.map((r) => r.indicator))].sort();
  parts.push(`<h2>World indicators</h2>`);
  for (const ind of indicators) {
    const points = world.filter((r) => r.indicator === ind).map((r) => ({ x: r.year, y: r.value }));
    parts.push(
      `<figure>${lineChart({ title: ind, series: [{ label: run.regime, points }], yLabel: INDICATORS[ind]?.unit, height: 220 })}<figcaption class="muted">${esc(definition(ind))}</figcaption></figure>`,
    );
  }
  parts.push(`<h2>Reproduce</h2><pre>${esc(run.commandLine)}</pre>`);
  return page(`Run ${run.id}`, parts.join('\n'));
}
