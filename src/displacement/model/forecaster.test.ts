import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLOODED, writeTinyScenario } from '../../../test/support/displacement/tiny-scenario.ts';
import type { FloodForecaster } from '../driven-settings.ts';
import { initialState, simulateDay } from '../model.ts';
import { loadScenario } from '../scenario.ts';
import { applyFloodLevels } from './flooding.ts';
import {
  applyForecast,
  drawAwarenessRow,
  forecastDays,
  forecastMoveFactor,
  forecastScoreAt,
  forecastScoreFactor,
} from './forecaster.ts';
import { agentMoveChance, moveChanceAt } from './schedule.ts';

const F: FloodForecaster = {
  timescale: 5,
  endTime: 5,
  dayWeights: [1.0, 0.9, 0.8, 0.7, 0.6, 0.5],
  awarenessWeights: [0, 0.5, 1],
};
const W = [1.0, 0.5, 0.2, 0.0, 0.0];
const levels: Record<number, number> = { 1: 0, 2: 0, 3: 1, 4: 2, 5: 0 };
const levelOn = (d: number) => levels[d];

describe('forecastDays (the forecast loop of flee/moving.py)', () => {
  it('looks timescale days ahead, capped at the end time where it stops', () => {
    expect(forecastDays(F, 0)).toEqual([1, 2, 3, 4, 5]);
    expect(forecastDays(F, 3)).toEqual([4, 5]);
    expect(forecastDays(F, 5)).toEqual([5]);
  });

  it('does not act after the end time or with a timescale of 1 or less', () => {
    expect(forecastDays(F, 6)).toEqual([]);
    expect(forecastDays({ ...F, timescale: 1 }, 0)).toEqual([]);
  });
});

describe('forecastMoveFactor', () => {
  it('sums flood_loc_weights × day weight over flooded forecast days, over the timescale', () => {
    expect(forecastMoveFactor(F, W, levelOn, 2)).toBeCloseTo((0.5 * 0.7 + 0.2 * 0.6) / 5, 12);
    expect(forecastMoveFactor(F, W, levelOn, 3)).toBeCloseTo((0.2 * 0.6) / 5, 12);
  });

  it('is 0 where no flooding is forecast, and 1 when the forecaster does not act', () => {
    expect(forecastMoveFactor(F, W, () => 0, 0)).toBe(0);
    expect(forecastMoveFactor(F, W, levelOn, 6)).toBe(1);
  });
});

describe('forecastScoreFactor', () => {
  it("as Flee: squares the sum, weighting by today's level instead of the forecast day's", () => {
    const s = 0.5 * 0.6; // today's level 1 on the one flooded forecast day (day 4)
    expect(forecastScoreFactor(F, W, levelOn, 1, 3, false)).toBeCloseTo((s * s) / 5, 12);
    expect(forecastScoreFactor(F, W, () => 0, 0, 3, false)).toBe(0);
  });

  it("as intended: the mean of every forecast day's weighted flood_loc_weights", () => {
    expect(forecastScoreFactor(F, W, levelOn, 1, 3, true)).toBeCloseTo((0.2 * 0.6 + 1.0 * 0.5) / 5, 12);
    expect(forecastScoreFactor(F, W, () => 0, 0, 3, true)).toBeCloseTo((0.6 + 0.5) / 5, 12);
  });

  it('is 1 when the forecaster does not act', () => {
    expect(forecastScoreFactor(F, W, levelOn, 1, 6, false)).toBe(1);
  });
});

describe('drawAwarenessRow', () => {
  it("picks the row whose cumulative share first exceeds the draw (pandas' weighted sample)", () => {
    const cum = Float64Array.from([0.1, 0.3, 1.0]);
    expect([0, 0.09, 0.1, 0.29, 0.3, 0.999].map((u) => drawAwarenessRow(cum, 0, 3, u))).toEqual([
      0, 0, 1, 1, 2, 2,
    ]);
  });
});

const FORECAST_SETTINGS = [
  '    flood_forecaster: True',
  '    flood_forecaster_timescale: 3',
  '    flood_forecaster_end_time: 4',
  '    flood_forecaster_weights: [1.0, 1.0, 1.0, 1.0, 1.0]',
  '    flood_awareness_weights: [0.0, 1.0]',
].join('\n');

/** FLOODED (Alpha floods on days 2–4) with the forecaster and an awareness table. */
function forecastDir(awareness: string): string {
  const dir = writeTinyScenario({ ...FLOODED, settings: `${FLOODED.settings}\n${FORECAST_SETTINGS}\n` });
  writeFileSync(join(dir, 'input_csv', 'demographics_floodawareness.csv'), awareness);
  return dir;
}
const ALPHA = 0;

describe('the forecaster in the model', () => {
  it("zeroes a flood zone's score under Flee's rules while it acts, not under the improved rules", () => {
    const dir = forecastDir('floodawareness,Default\n0,0.5\n1,0.5\n');
    const flee = initialState(loadScenario(dir), { seed: 1, rules: 'flee' });
    const improved = initialState(loadScenario(dir), { seed: 1, rules: 'improved' });
    for (const m of [flee, improved]) applyFloodLevels(m, 1);
    expect(forecastScoreAt(flee, ALPHA, 1)).toBe(0);
    expect(forecastScoreAt(improved, ALPHA, 1)).toBeGreaterThan(0);
    expect(forecastScoreAt(flee, ALPHA, 5)).toBe(1);
  });

  it("scales a place's move chance by its forecast, and each person's by the awareness weight", () => {
    const m = initialState(loadScenario(forecastDir('floodawareness,Default\n0,0.5\n1,0.5\n')), { seed: 1 });
    for (let t = 0; t <= 2; t++) simulateDay(m, t);
    expect(m.agents.count).toBeGreaterThan(1);
    // Day 2: flood chance 0.8 (level 1); days 3 and 4 forecast level 1: (2 × 0.5 × 1.0) / 3.
    expect(moveChanceAt(m, ALPHA)).toBeCloseTo(0.8 / 3, 12);
    m.agents.awareness[0] = 0;
    m.agents.awareness[1] = 1;
    expect(agentMoveChance(m, 0, ALPHA)).toBe(0);
    expect(agentMoveChance(m, 1, ALPHA)).toBeCloseTo(0.8 / 3, 12);
    applyFloodLevels(m, 5);
    applyForecast(m, 5);
    expect(agentMoveChance(m, 0, ALPHA)).toBe(0.3);
  });

  it('draws each person its awareness weight from the place of creation', () => {
    const m = initialState(loadScenario(forecastDir('floodawareness,Default,Alpha\n0,1,0\n1,0,1\n')), {
      seed: 1,
    });
    for (let t = 0; t < 3; t++) simulateDay(m, t);
    expect(m.agents.count).toBeGreaterThan(0);
    for (let i = 0; i < m.agents.count; i++) expect(m.agents.awareness[i]).toBe(1); // Alpha's column: level 1
  });

  it('refuses the forecaster without demographics_floodawareness.csv', () => {
    const dir = writeTinyScenario({ ...FLOODED, settings: `${FLOODED.settings}\n${FORECAST_SETTINGS}\n` });
    expect(() => loadScenario(dir)).toThrow(/demographics_floodawareness.csv.*file not found|file not found/);
  });
});
