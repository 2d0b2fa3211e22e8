import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReport } from '../report/index.ts';
import { ResultStore } from '../store/index.ts';
import { runExperiment } from './execute.ts';
import { localBackend } from '../distributed/local-backend.ts';
import type { EnsembleBackend } from '../distributed/backend.ts';

const dir = mkdtempSync(join(tmpdir(), 'regimes-exp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A tiny capital-for-labour experiment: 2 seeds, 3 years, a coarse scale. */
function tinyExperiment(id: string, fdiSubstitution: number): string {
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
  - { id: data, regime: neoliberal, parameters: { fdiSubstitution: ${fdiSubstitution} } }
  - { id: more_fdi, regime: neoliberal, parameters: { fdiSubstitution: ${fdiSubstitution}, fdiPeripheryMultiplier: 3 } }
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
    - { name: fdiJobsPerMillion, low: 4, high: 16, source: { note: "test" } }
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
    });
    const off = await runExperiment({
      ...base,
      name: 'tiny-fdi-off',
      files: [tinyExperiment('tiny-fdi-off', 0)],
      sensitivity: false,
    });
    expect(on.verdict).toBe('holds');
    expect(on.effects[0].high).toBeLessThan(0);
    expect(off.verdict).not.toBe('holds');
    expect(off.effects[0].estimate).toBeGreaterThan(on.effects[0].estimate);
  }, 120_000);

  it('gives the same verdict, effects and sensitivity for the same seeds, and stores the result for reports', async () => {
    const file = tinyExperiment('tiny-fdi-same', 1);
    const storeFile = join(dir, 'store.duckdb');
    const a = await runExperiment({ ...base, name: 'tiny-fdi-same', files: [file], storeFile });
    const b = await runExperiment({ ...base, name: 'tiny-fdi-same', files: [file], storeFile: null });
    expect(a.verdict).toBe(b.verdict);
    expect(a.effects).toEqual(b.effects);
    expect(a.sensitivity).toEqual(b.sensitivity);
    expect(a.sensitivity.map((s) => s.parameter)).toEqual(['fdiJobsPerMillion']);
    expect(a.sensitivitySummary?.points).toBe(2);
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
    expect(seen).toEqual([{ ensemble: 'tiny-fdi-remote', jobs: 4 }]);
    expect(distributed.verdict).toBe(local.verdict);
    expect(distributed.effects).toEqual(local.effects);
  }, 120_000);
});
