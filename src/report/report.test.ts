/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { ExperimentResult } from '../experiments/execute.ts';
import { checkReportOut, esc, experimentReport, forestPlot, lineChart, ticks } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'regimes-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small experiment result as the store keeps it. */
function sample(): ExperimentResult {
  const years = [1990, 1991, 1992];
  const series = ['a', 'b'].flatMap((label, i) =>
    years.map((year) => ({
      year,
      indicator: 'smuggling_price_usd',
      country: 'WLD',
      kind: 'regime' as const,
      label,
      mean: 1000 + 300 * i + 10 * (year - 1990),
      lo: 950 + 300 * i,
      hi: 1050 + 300 * i + 20,
      n: 3,
    })),
  );
  const effect = {
    indicator: 'smuggling_price_usd',
    country: 'WLD',
    arm: 'b',
    baseline: 'a',
    statistic: 'relative_difference' as const,
    over: 'mean' as const,
    estimate: 0.3,
    low: 0.2,
    high: 0.4,
    n: 3,
    interval_sources: {
      seeds: 3,
      parameters: 'documented-ranges' as const,
      varied: ['betaCost'],
      interval: 'prediction' as const,
      seedsOnly: { estimate: 0.31, low: 0.29, high: 0.33 },
    },
  };
  return {
    experiment: 'prohibition',
    id: 'exp-20260101-000000-abcdef',
    document: 'prohibition',
    title: 'Prohibition <test>',
    claim: 'Enforcement raises the price & not the flow.',
    verdict: 'by_construction',
    criterionVerdict: 'holds',
    criterion: {
      confidence: 0.9,
      intervalMethod: '90% t',
      conditions: [{ text: 'price rises', op: 'gt', value: 0.1, verdict: 'holds', effect }],
    },
    effects: [{ ...effect, perSeed: [0.2, 0.3, 0.4] }],
    reported: [{ ...effect, text: 'reported beside <the criterion>', perSeed: [0.2, 0.3, 0.4] }],
    audit: {
      inputs: [{ quantity: 'the price elasticity to enforcement', source: 'Roberts et al. 2010' }],
      emergent: [{ quantity: 'irregular entries', mechanism: 'decisions to move' }],
      flip: null,
      reason: 'no setting moved the effects across their thresholds',
      search: null,
    },
    sensitivity: [
      {
        parameter: 'smugglingPriceEnforcement',
        low: 0.75,
        high: 2.25,
        source: 'Roberts et al. 2010',
        effects: [
          { condition: 'price rises', indicator: 'smuggling_price_usd', mu: 0.1, muStar: 0.12, sigma: 0.05 },
        ],
      },
    ],
    sensitivitySummary: {
      method: 'morris',
      trajectories: 2,
      seeds: 2,
      points: 4,
      verdicts: { holds: 4, does_not_hold: 0, inconclusive: 0 },
      robust: true,
      agreement: 1,
      design: [],
    },
    arms: [
      { id: 'a', regime: 'neoliberal', parameters: {}, policy: 0 },
      { id: 'b', regime: 'neoliberal', parameters: { betaCost: 0.6 }, policy: 1 },
    ],
    indicators: ['smuggling_price_usd'],
    series,
    scenario: 'world-1990-2020',
    seeds: [1, 2, 3],
    scale: 20000,
    from: 1990,
    to: 1992,
    threads: 2,
    wallMs: 1000,
    codeVersion: 'mobility-regimes@0.1.0',
    commandLine: 'regimes experiment prohibition',
    reproduce: 'regimes experiment prohibition',
    comparisonId: 'cmp-20260101-000000-abcdef',
    store: null,
    sources: [{ seed: '§4', note: 'prohibition' }],
  };
}

describe('charts and pages', () => {
  it('escapes text and picks round ticks', () => {
    expect(esc('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
    expect(ticks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
  });
  it('draws lines with bands and a forest plot with the threshold', () => {
    const svg = lineChart({
      title: 't',
      series: [
        {
          label: 'x',
          points: [
            { x: 1, y: 1, lo: 0, hi: 2 },
            { x: 2, y: 2, lo: 1, hi: 3 },
          ],
        },
      ],
    });
    expect(svg).toContain('data-chart="line"');
    expect(svg).toContain('fill-opacity');
    const f = forestPlot({
      title: 'f',
      rows: [{ label: 'r', estimate: 1, low: 0.5, high: 1.5, threshold: 0, op: 'gt', verdict: 'holds' }],
    });
    expect(f).toContain('stroke-dasharray');
    expect(f).toContain('&gt; 0');
  });
  it('writes a page with the verdict, charts, sources, parameters and the command to reproduce, and no script', () => {
    const html = experimentReport(sample());
    expect(html).toContain('Verdict: by construction');
    expect(html).toContain('the criterion gives: holds');
    expect(html).toContain('Audit: what the verdict rests on');
    expect(html).toContain('0.31 [0.29, 0.33]');
    expect(html).toContain('reported beside &lt;the criterion&gt;');
    expect(html).toContain('Prohibition &lt;test&gt;');
    expect(html).toContain('regimes experiment prohibition');
    expect(html).toContain('smugglingPriceEnforcement');
    expect(html).toContain('Roberts et al. 2010');
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
  it('refuses an output that is not an .html file in an existing folder', () => {
    expect(() => checkReportOut(join(dir, 'x.txt'))).toThrow(/html/);
    expect(() => checkReportOut(join(dir, 'missing', 'x.html'))).toThrow(/no such folder/);
  });
});

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

describe('the report in a browser', () => {
  it('opens without a network in chromium and shows its charts', async () => {
    const exe = chromiumPath();
    if (!exe)
      throw new Error('no chromium: install Debian chromium (tools/system-deps.sh) or set CHROMIUM_PATH');
    const file = join(dir, 'report.html');
    writeFileSync(file, experimentReport(sample()));
    const browser = await chromium.launch({
      executablePath: exe,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
    try {
      const context = await browser.newContext();
      const requests: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (!url.startsWith('file:')) requests.push(url);
        return url.startsWith('file:') ? route.continue() : route.abort();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(file).href);
      await expect(page.title()).resolves.toBe('prohibition: by_construction');
      const charts = await page.$$eval('svg[data-chart]', (els) =>
        els.map((e) => ({
          kind: e.getAttribute('data-chart'),
          w: e.getBoundingClientRect().width,
          h: e.getBoundingClientRect().height,
          paths: e.querySelectorAll('path,circle,rect,line').length,
        })),
      );
      expect(charts.map((c) => c.kind)).toEqual(expect.arrayContaining(['forest', 'line', 'morris']));
      for (const c of charts) {
        expect(c.w).toBeGreaterThan(100);
        expect(c.h).toBeGreaterThan(20);
        expect(c.paths).toBeGreaterThan(0);
      }
      await expect(page.textContent('.verdict')).resolves.toContain('holds');
      const artifacts = join(process.cwd(), 'test-artifacts', 'report');
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, 'experiment-report.png'), fullPage: true });
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
