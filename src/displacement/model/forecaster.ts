/**
 * DFlee's flood forecaster (djgroen/flee 02cd2cbd: flee/moving.py calculateMoveChance and
 * getEndPointScore, flee/scoring.py updateLocationScore), acting on days t ≤
 * flood_forecaster_end_time when flood_forecaster_timescale > 1. Each person carries a flood
 * awareness drawn at creation (demographics_floodawareness.csv, flood-awareness.ts).
 *
 * - Move chance: × (Σ over the forecast days d with a forecast level > 0 at the person's place of
 *   flood_loc_weights(level) × flood_forecaster_weights[d]) / timescale × the person's
 *   flood_awareness_weights. A place with no forecast flooding keeps nobody moving.
 * - Destination: × S² / timescale, S the same sum but with flood_loc_weights at today's level
 *   (not the forecast day's) — Flee multiplies the sum by itself divided by the timescale.
 * - scoring.py reads a forecast attribute Flee never sets (forecast_flood_level, not
 *   forecast_flood_levels), so its sum is 0 and every flood zone's score is 0 while the
 *   forecaster acts. The `flee` rules keep these quirks; the `improved` rules score flood zones like
 *   any place and give a destination the mean of the forecast days' weighted flood_loc_weights
 *   (docs/displacement.md, "Rule differences").
 */
import type { FloodForecaster } from '../driven-settings.ts';
import { floodInterp, floodLevelOn } from './flooding.ts';
import { reschedule } from './schedule.ts';
import type { ModelState } from './state.ts';

/** Does the forecaster act on day t (a timescale above 1 and t at most the end time)? */
const forecastActs = (f: FloodForecaster, t: number) => f.timescale > 1 && t <= f.endTime;

/**
 * Flee's forecast loop on day t: days t+1 .. t+timescale, each capped at the end time, stopping
 * once the end time is reached; none when the forecaster does not act on day t.
 */
export function forecastDays(f: FloodForecaster, t: number): number[] {
  if (!forecastActs(f, t)) return [];
  const days: number[] = [];
  for (let x = 1; x <= f.timescale; x++) {
    const d = Math.min(t + x, f.endTime);
    days.push(d);
    if (d === f.endTime) break;
  }
  return days;
}

/**
 * The forecaster's move-chance factor of a place on day t (before the person's awareness):
 * Σ flood_loc_weights(int level) × day weight over forecast days flooded there, / timescale; 1
 * when the forecaster does not act.
 */
export function forecastMoveFactor(
  f: FloodForecaster,
  locWeights: readonly number[],
  levelOn: (day: number) => number,
  t: number,
): number {
  const sum = forecastSum(f, levelOn, t, (level) => {
    const whole = Math.trunc(level);
    return whole > 0 ? floodInterp(locWeights, whole) : 0;
  });
  return sum === null ? 1 : sum / f.timescale;
}

/**
 * The forecaster's factor on a destination's attractiveness on day t; 1 when it does not act.
 * As Flee (`asIntended` false): S² / timescale, S summing flood_loc_weights at today's level
 * `levelToday` × day weight over the forecast days flooded there. As intended: the mean over the
 * forecast days of flood_loc_weights at each day's forecast level × day weight.
 */
export function forecastScoreFactor(
  f: FloodForecaster,
  locWeights: readonly number[],
  levelOn: (day: number) => number,
  levelToday: number,
  t: number,
  asIntended: boolean,
): number {
  const sum = asIntended
    ? forecastSum(f, levelOn, t, (level) => floodInterp(locWeights, Math.trunc(level)))
    : forecastSum(f, levelOn, t, (level) => (level > 0 ? floodInterp(locWeights, levelToday) : 0));
  if (sum === null) return 1;
  return asIntended ? sum / f.timescale : (sum * sum) / f.timescale;
}

/**
 * Σ over the forecast days of day t of `weightAt(that day's flood level)` × the day's weight; null
 * when the forecaster does not act on day t.
 */
function forecastSum(
  f: FloodForecaster,
  levelOn: (day: number) => number,
  t: number,
  weightAt: (level: number) => number,
): number | null {
  const days = forecastDays(f, t);
  if (days.length === 0) return null;
  let sum = 0;
  for (const d of days) {
    const w = weightAt(levelOn(d));
    if (w !== 0) sum += w * f.dayWeights[d];
  }
  return sum;
}

/**
 * The awareness row a uniform draw u picks from cumulative shares `cumulative[0 .. rows)` (the
 * last row when rounding leaves u above the final share).
 */
export function drawAwarenessRow(cumulative: Float64Array, offset: number, rows: number, u: number): number {
  for (let k = 0; k < rows; k++) if (u < cumulative[offset + k]) return k;
  return rows - 1;
}

/** Agent i, created at `loc`, draws its flood awareness (only under the forecaster). */
export function drawAwareness(m: ModelState, i: number, loc: number): void {
  const fa = m.scenario.floodAwareness;
  if (fa === null) return;
  const k = drawAwarenessRow(fa.cumulative, loc * fa.rows, fa.rows, m.rand());
  m.agents.awareness[i] = m.settings.floodRules!.forecaster!.awarenessWeights[fa.levels[k]];
}

/** The run's flood forecaster, null without one or without its awareness table. */
function forecasterOf(m: ModelState): FloodForecaster | null {
  const f = m.settings.floodRules?.forecaster;
  return f && m.scenario.floodAwareness !== null ? f : null;
}

/** The forecaster's move-chance factor of `loc` on day t (1 when it does not act). */
export function forecastChanceAt(m: ModelState, loc: number, t: number): number {
  const f = forecasterOf(m);
  if (f === null) return 1;
  return forecastMoveFactor(f, m.settings.floodRules!.locWeights, (d) => floodLevelOn(m, loc, d), t);
}

/**
 * The forecaster's multiplier on `loc`'s score on day t: 0 for a flood zone under the `flee`
 * rules (scoring.py's unset attribute), else forecastScoreFactor.
 */
export function forecastScoreAt(m: ModelState, loc: number, t: number): number {
  const f = forecasterOf(m);
  if (f === null || !forecastActs(f, t)) return 1;
  const asIntended = m.rules.forecastAsIntended;
  if (!asIntended && m.scenario.locations[loc].kind === 'flood') return 0;
  const w = m.settings.floodRules!.locWeights;
  return forecastScoreFactor(f, w, (d) => floodLevelOn(m, loc, d), m.places.floodLevel[loc], t, asIntended);
}

/** Day t: does the forecaster act (then every agent's move chance carries its awareness weight)? */
export function forecasting(m: ModelState, t: number): boolean {
  const f = forecasterOf(m);
  return f !== null && forecastActs(f, t);
}

/**
 * Day t's forecast (after the day's flood levels): the move-chance factor of every place, and
 * whether the forecaster acts; where either changes, the people there draw their next decision
 * day again.
 */
export function applyForecast(m: ModelState, t: number): void {
  if (forecasterOf(m) === null) return;
  const was = m.forecasting;
  m.forecasting = forecasting(m, t);
  const p = m.places;
  for (let i = 0; i < p.count; i++) {
    const factor = forecastChanceAt(m, i, t);
    if (factor === p.forecastChance[i] && was === m.forecasting) continue;
    p.forecastChance[i] = factor;
    reschedule(m, i, t);
  }
}
