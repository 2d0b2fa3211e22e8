import { describe, expect, it } from 'vitest';
import type { Evaluator, LossValue } from './calibration-loss.ts';
import {
  RIDGE,
  abcEnsemble,
  abcThreshold,
  ensembleMember,
  ensembleModule,
  latinHypercube,
  withoutRidge,
} from './calibration-ensemble.ts';
import { SEARCH_SPACE, encode } from './calibration-space.ts';
import type { Parameters } from './parameters.ts';
import { parameters } from './parameters.ts';

describe('the ABC proposals', () => {
  it('visit each of the n strata of every coordinate exactly once, inside [−1, 1]', () => {
    const n = 40;
    const pts = latinHypercube(n, 3);
    expect(pts).toHaveLength(n);
    for (let k = 0; k < 3; k++) {
      const strata = pts.map((p) => Math.floor(((p[k] + 1) / 2) * n)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
    }
    expect(latinHypercube(n, 3)).toEqual(pts);
  });

  it('hold the common shift of ascStay and the region constants at the optimum and leave the rest', () => {
    const d = SEARCH_SPACE.map((_, k) => 0.1 * (k + 1));
    const r = withoutRidge(d);
    const ridge = SEARCH_SPACE.map((c, k) => (RIDGE.includes(c.name) ? r[k] : 0));
    expect(ridge.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    SEARCH_SPACE.forEach((c, k) => {
      if (!RIDGE.includes(c.name)) expect(r[k]).toBe(d[k]);
    });
    // a pure shift along the ridge is removed whole
    expect(
      withoutRidge(SEARCH_SPACE.map((c) => (RIDGE.includes(c.name) ? 2 : 0))).every(
        (v) => Math.abs(v) < 1e-12,
      ),
    ).toBe(true);
  });

  it('keep a proposal when its loss is within two standard deviations above the optimum’s mean, and refuse one seed', () => {
    const t = abcThreshold([1, 2, 3]);
    expect(t.mean).toBe(2);
    expect(t.sd).toBeCloseTo(1, 12);
    expect(t.threshold).toBeCloseTo(4, 12);
    expect(() => abcThreshold([1])).toThrow(/2 seeds/);
  });
});

describe('the ABC ensemble', () => {
  // a loss that rises with the distance from the optimum in flightShare's coordinate, with a little seed noise
  const center = encode(parameters());
  const k = SEARCH_SPACE.findIndex((c) => c.name === 'flightShare');
  const lossOf = (over: Partial<Parameters>, seed = 1): LossValue => {
    const x = encode({ ...parameters(), ...over } as Parameters);
    return { total: 1 + 10 * (x[k] - center[k]) ** 2 + 0.01 * (seed % 3), groups: {} as LossValue['groups'] };
  };
  const e: Evaluator = { targets: {} as Evaluator['targets'], run: () => [], loss: lossOf };
  const fit = abcEnsemble(e, {}, { proposals: 60, referenceSeeds: 6, halfWidth: 1, scale: 1000 });

  it('keeps only the proposals whose loss is within the tolerance, near the optimum in the direction the loss sees', () => {
    expect(fit.members.length).toBeGreaterThan(0);
    expect(fit.members.length).toBeLessThan(60);
    for (const l of fit.losses) expect(l).toBeLessThanOrEqual(fit.threshold);
    const fs = fit.names.indexOf('flightShare');
    const spread = Math.max(...fit.members.map((m) => Math.abs(Math.log(m[fs] / (1 - m[fs])) - center[k])));
    expect(spread).toBeLessThan(Math.sqrt((fit.threshold - 1) / 10) + 1e-9);
    // a direction the loss does not see is spread over the box
    const rr = fit.names.indexOf('repatriationRate');
    const r = fit.members.map((m) => m[rr]);
    expect(Math.max(...r) / Math.min(...r)).toBeGreaterThan(1.5);
  });

  it('gives member i the kept set (i − 1) mod n and writes a module that says its provenance', () => {
    expect(ensembleMember(fit, 1).flightShare).toBe(fit.members[0][fit.names.indexOf('flightShare')]);
    expect(ensembleMember(fit, fit.members.length + 1)).toEqual(ensembleMember(fit, 1));
    const src = ensembleModule(fit, {
      command: 'npx tsx src/sim/calibrate.ts x',
      date: '2026-12-07 20:00 UTC',
      commit: 'abc1234',
    });
    expect(src).toContain('main abc1234');
    expect(src).toContain(`${fit.members.length} of 60 proposals kept`);
    expect(src).toContain('export const CALIBRATED_ENSEMBLE');
  });

  it('keeps the other parameters each proposal drew with it, after the calibrated ones', () => {
    const joint = abcEnsemble(
      e,
      {},
      {
        proposals: 20,
        referenceSeeds: 3,
        halfWidth: 0.2,
        scale: 1000,
        others: (j) => ({ betaRisk: 10 + j }),
      },
    );
    expect(joint.names.slice(0, SEARCH_SPACE.length)).toEqual(SEARCH_SPACE.map((c) => c.name));
    expect(joint.names.at(-1)).toBe('betaRisk');
    expect(joint.optimum).toHaveLength(SEARCH_SPACE.length);
    const risks = joint.members.map((m) => m.at(-1)!);
    expect(new Set(risks).size).toBe(risks.length);
    for (const r of risks) expect(r).toBeGreaterThan(10);
  });

  it('fails plainly when no proposal comes close enough', () => {
    const far: Evaluator = {
      ...e,
      loss: (over, seed) => ({ ...lossOf(over, seed), total: over.flightShare === undefined ? 1 : 99 }),
    };
    expect(() =>
      abcEnsemble(far, {}, { proposals: 5, referenceSeeds: 3, halfWidth: 1, scale: 1000 }),
    ).toThrow(/no proposal/);
  });
});
