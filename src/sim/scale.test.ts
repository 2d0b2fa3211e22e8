/**
 * One agent = K persons: the expected world totals must not depend on K. A tiny world runs at a fine
 * and a coarse scale over several seeds; the seed means of the world totals must agree within what
 * the sampling noise allows.
 *
 * Tolerance: at scale K a total of T persons is ≈ T / K agents, each sampled event (a move, a death,
 * a return) adding Bernoulli noise of ±K persons, so a seed's total has a relative standard error of
 * about 1/√(T/K) (the measured spread over seeds is used, with a floor). The difference of two seed
 * means must lie within 4 standard errors (a false alarm about once in 16,000 runs) plus 1% for the
 * remaining discreteness of small corridors (a diaspora of D persons is a multiple of K, which the
 * concave network term ln(1 + D/1000) feels). The policy has quotas smaller than a coarse agent, so
 * per-agent quota handling (refusing an agent when less than K places are left) fails this test.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from './index.ts';
import type { IndicatorRow } from './indicators.ts';
import { NEOLIBERAL_STANDIN } from './policy-tables.ts';
import { standinTablesForYear } from './standin-tables.ts';
import { tinyWorld } from '../../test/support/sim/tiny-world.ts';

const YEARS = { from: 1990, to: 1996 };
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const FINE = 200;
const COARSE = 10_000;

/** Binding quotas (persons a year per destination and channel) smaller than one coarse agent. */
const Q = 4_000;
const QUOTA_POLICY = {
  ...NEOLIBERAL_STANDIN,
  visaRequired: false,
  quota: {
    labour: Q,
    temporary_labour: Q,
    intra_corporate: Q,
    service_provider: Q,
    establishment: Q,
    family: Q,
    asylum: Q,
  },
};

function totals(scale: number, seed: number) {
  const world = tinyWorld();
  const r = simulate({
    world,
    tablesForYear: standinTablesForYear(world, { 0: QUOTA_POLICY }),
    regimeId: 'test',
    seed,
    scale,
    fromYear: YEARS.from,
    toYear: YEARS.to,
    groupSize: 4096,
  });
  const wld = (ind: string, pred: (r: IndicatorRow) => boolean = () => true) =>
    r.rows
      .filter((x) => x.indicator === ind && x.country === 'WLD' && pred(x))
      .reduce((s, x) => s + x.value, 0);
  return {
    stock: wld('migrant_stock', (x) => x.year === YEARS.to),
    emigration: wld('emigration'),
    returns: wld('return_migrants'),
  };
}

function meanSe(xs: readonly number[]) {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
  return { mean: m, se: Math.sqrt(v / xs.length) };
}

describe('scale independence', () => {
  it('gives the same expected world totals at 200 and 10,000 persons per agent', () => {
    const fine = SEEDS.map((s) => totals(FINE, s));
    const coarse = SEEDS.map((s) => totals(COARSE, s));
    for (const key of ['stock', 'emigration', 'returns'] as const) {
      const a = meanSe(fine.map((t) => t[key]));
      const b = meanSe(coarse.map((t) => t[key]));
      // floor on the noise: one coarse agent-event per year and seed
      const se = Math.max(Math.hypot(a.se, b.se), COARSE / Math.sqrt(SEEDS.length));
      const diff = Math.abs(a.mean - b.mean);
      expect(
        diff,
        `${key}: ${a.mean.toFixed(0)} at ${FINE} vs ${b.mean.toFixed(0)} at ${COARSE} (se ${se.toFixed(0)})`,
      ).toBeLessThan(4 * se + 0.01 * a.mean);
    }
  }, 60_000);
});
