import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReport } from '../report/index.ts';
import { ResultStore } from '../store/index.ts';
import { reproduceCommand, runExperiment } from './execute.ts';
import { parameterEnsemble } from '../sim/index.ts';
import { localBackend } from '../distributed/local-backend.ts';
import type { EnsembleBackend } from '../distributed/backend.ts';

const dir = mkdtempSync(join(tmpdir(), 'regimes-exp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A tiny capital-for-labour experiment: 2 seeds, 3 years, a coarse scale. */
function tinyExperiment(
  id: string,
  fdiSubstitution: number | null,
  sensitivity = '- { name: fdiJobsPerMillion, low: 4, high: 16, source: { note: "test" } }',
): string {
  const arm = fdiSubstitution === null ? '' : `fdiSubstitution: ${fdiSubstitution}, `;
  const file = join(dir, `${id}.yaml`);
  writeFileSync(
    file,
    `kind: Experiment
id: ${id}
title: tiny capital for labour
claim: FDI into the periphery lowers emigration pressure
sources: [{ seed: "§1" }]
scenario: world-1990-2020
years: { from: 1990, to: 1992 }
arms:
  - { id: data, regime: neoliberal, parameters: { ${arm}fdiPeripheryMultiplier: 1 } }
  - { id: more_fdi, regime: neoliberal, parameters: { ${arm}fdiPeripheryMultiplier: 3 } }
indicators: [potential_movers, emigration]
seeds: 2
scale: 200000
criterion:
  conditions:
    - effect: { indicator: potential_movers, arm: more_fdi, baseline: data, statistic: relative_difference, over: mean }
      op: lt
      value: 0
      text: more FDI lowers the number considering emigration
sensitivity:
  method: morris
  trajectories: 1
  parameters:
    ${sensitivity}
`,
  );
  return file;
}

describe('experiments on the engine', () => {
  const base = { threads: 1, commandLine: 'test', storeFile: null } as const;

  it('takes the verdict from the runs: switching off the FDI-substitution mechanism flips it', async () => {
    const on = await runExperiment({
      ...base,
      name: 'tiny-fdi-on',
      files: [tinyExperiment('tiny-fdi-on', 1)],
      sensitivity: false,
      parameterUncertainty: false,
    });
    const off = await runExperiment({
      ...base,
      name: 'tiny-fdi-off',
      files: [tinyExperiment('tiny-fdi-off', 0)],
      sensitivity: false,
      parameterUncertainty: false,
    });
    expect(on.effects[0].interval_sources).toMatchObject({ parameters: 'none', seedsOnly: null });
    expect(on.audit.flip).toBeNull();
    expect(on.audit.reason).toMatch(/not searched/);
    expect(on.verdict).toBe('holds');
    expect(on.effects[0].high).toBeLessThan(0);
    expect(off.verdict).not.toBe('holds');
    expect(off.effects[0].estimate).toBeGreaterThan(on.effects[0].estimate);
  }, 120_000);

  it('gives the same verdict, effects and sensitivity for the same seeds, and stores the result for reports', async () => {
    const file = tinyExperiment('tiny-fdi-same', 1);
    const storeFile = join(dir, 'store.duckdb');
    const exact = { ...base, parameterUncertainty: false };
    const a = await runExperiment({ ...exact, name: 'tiny-fdi-same', files: [file], storeFile });
    const b = await runExperiment({ ...exact, name: 'tiny-fdi-same', files: [file], storeFile: null });
    expect(a.verdict).toBe(b.verdict);
    expect(a.effects).toEqual(b.effects);
    expect(a.sensitivity).toEqual(b.sensitivity);
    expect(a.sensitivity.map((s) => s.parameter)).toEqual(['fdiJobsPerMillion']);
    expect(a.sensitivitySummary?.points).toBe(2);
    // jobs per million FDI only scale the effect: no setting in its range changes the verdict
    expect(a.criterionVerdict).toBe('holds');
    expect(a.verdict).toBe('by_construction');
    expect(a.audit.flip).toBeNull();
    expect(a.audit.search?.parameters.map((p) => p.name)).toEqual(['fdiJobsPerMillion']);
    let runId: string;
    const store = await ResultStore.open(storeFile, 'read');
    try {
      const stored = await store.getExperiment('tiny-fdi-same');
      expect(stored.id).toBe(a.id);
      expect(stored.verdict).toBe(a.verdict);
      expect((stored.result as { effects: unknown }).effects).toEqual(JSON.parse(JSON.stringify(a.effects)));
      const cmp = await store.getComparison(a.comparisonId!);
      expect(cmp.regimes).toEqual(['data', 'more_fdi']);
      expect(cmp.members).toHaveLength(4);
      runId = cmp.members[0].runId;
    } finally {
      store.close();
    }
    // A report can be written later from the stored experiment, its comparison and its runs.
    for (const target of ['tiny-fdi-same', a.comparisonId!, runId]) {
      const out = join(dir, `${target}.html`);
      const written = await writeReport(storeFile, target, out);
      const html = readFileSync(out, 'utf8');
      expect(written.bytes).toBe(Buffer.byteLength(html));
      expect(html).toContain('<svg');
      expect(html).not.toContain('<script');
    }
  }, 120_000);

  it('runs its members on a distributed backend when given one, with the same result as locally', async () => {
    const file = tinyExperiment('tiny-fdi-remote', 1);
    const seen: { ensemble: string; jobs: number }[] = [];
    // A backend that is not `local` (as BullMQ is not) but runs its members here, recording what it got.
    const inner = localBackend({ threads: 1 });
    const remote: EnsembleBackend = {
      kind: 'bullmq',
      describe: () => 'recording backend',
      close: () => inner.close(),
      run: (jobs, run) => {
        seen.push({ ensemble: run.ensemble, jobs: jobs.length });
        return inner.run(jobs, run);
      },
    };
    const local = await runExperiment({
      ...base,
      name: 'tiny-fdi-remote',
      files: [file],
      sensitivity: false,
    });
    const distributed = await runExperiment({
      ...base,
      name: 'tiny-fdi-remote',
      files: [file],
      sensitivity: false,
      backend: remote,
    });
    // 2 seeds × 2 arms with drawn parameters, and the same at the nominal ones
    expect(seen).toEqual([{ ensemble: 'tiny-fdi-remote', jobs: 8 }]);
    expect(distributed.verdict).toBe(local.verdict);
    expect(distributed.effects).toEqual(local.effects);
    // seed i ran with parameter set i of the ensemble in use; the nominal runs give the seeds-only part
    const sources = local.effects[0].interval_sources;
    expect(sources.parameters).toBe(parameterEnsemble().source);
    expect(sources.interval).toBe('prediction');
    expect(sources.varied).toContain('betaWage');
    expect(sources.seedsOnly?.estimate).toBeLessThan(0);
    expect(local.effects[0].perSeed[0]).not.toBe(sources.seedsOnly?.estimate);
  }, 120_000);

  it('finds a flip inside the documented ranges: without FDI substitution more FDI lowers nothing', async () => {
    const r = await runExperiment({
      ...base,
      name: 'tiny-fdi-flip',
      files: [
        tinyExperiment(
          'tiny-fdi-flip',
          null,
          '- { name: fdiSubstitution, low: 0, high: 1, source: { note: "test: from none to every job" } }',
        ),
      ],
      seeds: 3,
      parameterUncertainty: false,
    });
    expect(r.criterionVerdict).toBe('holds');
    expect(r.verdict).toBe('holds');
    expect(r.audit.flip).not.toBeNull();
    expect(r.audit.flip!.values.fdiSubstitution).toBe(0);
    expect(r.audit.flip!.verdict).not.toBe('holds');
    expect(r.audit.flip!.conditions[0].estimate).toBeGreaterThanOrEqual(r.effects[0].estimate);
  }, 120_000);
});

describe('the command that reproduces an experiment', () => {
  const doc = { seeds: 4, scale: 1000, years: { from: 1990, to: 2005 } } as unknown as Parameters<
    typeof reproduceCommand
  >[1]['doc'];
  const o = {
    seeds: 4,
    scale: 1000,
    from: 1990,
    to: 2005,
    doc,
    files: [],
    sensitivity: true,
    trajectories: 10,
  };
  it('names the parameter source only when one was chosen, and no source without parameter uncertainty', () => {
    expect(reproduceCommand('x', o)).toBe('regimes experiment x');
    expect(reproduceCommand('x', { ...o, parameterSource: 'documented-ranges' })).toBe(
      'regimes experiment x --parameter-source documented-ranges',
    );
    expect(
      reproduceCommand('x', { ...o, parameterUncertainty: false, parameterSource: 'documented-ranges' }),
    ).toBe('regimes experiment x --no-parameter-uncertainty');
  });
});
