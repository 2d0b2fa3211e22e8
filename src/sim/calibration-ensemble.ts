/**
 * Parameter uncertainty of the calibration (stage 3 of calibrate.ts): the parameter sets whose free
 * runs the data cannot tell from a run at the optimum, by approximate Bayesian computation with
 * rejection (ABC; Pritchard et al. 1999, Mol. Biol. Evol. 16:1791; Beaumont 2010, Annu. Rev. Ecol.
 * Evol. Syst. 41:379), the calibration loss as the distance:
 *
 * - **Reference**: the loss of the optimum θ* over `referenceSeeds` seeds other than the search's
 *   (100, 101, …): its mean and standard deviation T are what runs at the optimum itself reach.
 * - **Proposals** (the prior): a Latin hypercube of `proposals` points in the box θ* ± `halfWidth` ×
 *   the simplex's first step (one width, or one per coordinate) (search coordinates of calibration-space.ts), with the ridge removed:
 *   the common shift of `ascStay` and the four destination-region constants (`RIDGE`) moves only
 *   the pull of African destinations (the reference region, held at 0) against all others, the loss
 *   barely curves along it (docs/model.md §5, the Laplace run of 2026-12-07), so the ensemble fixes
 *   that direction at the optimum: it understates the uncertainty about moves into Africa, nothing
 *   else.
 *   With `others` (calibrate.ts `--with-ranges`), proposal j also draws the literature and
 *   assumption parameters from their documented ranges (the prior), so a kept set is a joint draw.
 * - **Acceptance**: proposal j runs once with seed j (so a member carries seed noise as it will in
 *   `compare`); it is kept when its loss is at most the reference mean + 2 T — a run the optimum
 *   itself would beat in only about 2% of seeds.
 *
 * The kept sets are the ensemble; member i of `compare --parameter-uncertainty` is kept set
 * (i − 1) mod n, a pure function of i.
 */
import type { Evaluator } from './calibration-loss.ts';
import type { CalibratedParameter } from './calibration-space.ts';
import { SEARCH_SPACE, decode, encode } from './calibration-space.ts';
import type { ParameterName, Parameters } from './parameters.ts';
import { parameters } from './parameters.ts';
import { mix32, uniform, uniform2 } from './rng.ts';

/** What stage 3 found: the kept parameter sets and how they were chosen. */
export interface CalibratedEnsemble {
  method: 'abc-rejection';
  names: ParameterName[];
  /** The kept parameter sets: values of `names`, in that order (the calibrated parameters first, then any drawn with them). */
  members: number[][];
  /** The loss of each kept set's run (its proposal's seed). */
  losses: number[];
  /** θ*, the optimum the proposals centre on (values of the calibrated parameters, the first of `names`). */
  optimum: number[];
  reference: { seeds: number[]; losses: number[]; mean: number; sd: number };
  /** Loss at or below which a proposal was kept (reference mean + 2 sd). */
  threshold: number;
  proposals: number;
  /** Half-width of the proposal box, in simplex steps, per calibrated parameter (the first of `names`). */
  halfWidth: number[];
  /** Share of the kept sets within the outer tenth of the box, per coordinate (high = the box binds). */
  atEdge: number[];
  scale: number;
}

/** Salt of the proposal design (fixed, so the ensemble is reproducible). */
const SALT = 0x2002_0017;

/** The unidentified direction (1 on each of these coordinates, 0 elsewhere). */
export const RIDGE: readonly ParameterName[] = [
  'ascStay',
  'ascAmericas',
  'ascAsia',
  'ascEurope',
  'ascOceania',
];

/** `d` with its component along `RIDGE` removed (the direction is held at the optimum). */
export function withoutRidge(
  d: readonly number[],
  space: readonly CalibratedParameter[] = SEARCH_SPACE,
): number[] {
  const u = space.map((c) => (RIDGE.includes(c.name) ? 1 : 0));
  const uu = u.reduce((a: number, b) => a + b, 0);
  if (uu === 0) return [...d];
  const along = d.reduce((s, v, k) => s + v * u[k], 0) / uu;
  return d.map((v, k) => v - along * u[k]);
}

/**
 * Point j (0-based) of an n-point Latin hypercube in [−1, 1]^dims: each coordinate's n strata are
 * visited once, in an order and at a place within the stratum drawn from counter-based uniforms.
 */
export function latinHypercube(n: number, dims: number, salt: number = SALT): number[][] {
  const perms = Array.from({ length: dims }, (_, k) => {
    const key = mix32(salt ^ (k + 1));
    return Array.from({ length: n }, (_, i) => i).sort((a, b) => uniform(key, a) - uniform(key, b) || a - b);
  });
  return Array.from({ length: n }, (_, j) =>
    perms.map((perm, k) => (2 * (perm[j] + uniform2(mix32(salt ^ (k + 101)), j))) / n - 1),
  );
}

/** The ABC tolerance: the reference runs' mean loss + 2 standard deviations. */
export function abcThreshold(referenceLosses: readonly number[]): {
  mean: number;
  sd: number;
  threshold: number;
} {
  const n = referenceLosses.length;
  if (n < 2) throw new Error('the ABC tolerance needs the loss of the optimum over at least 2 seeds');
  const mean = referenceLosses.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(referenceLosses.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { mean, sd, threshold: mean + 2 * sd };
}

/** Stage 3 around `values` (see above). */
export function abcEnsemble(
  e: Evaluator,
  values: Partial<Parameters>,
  opts: {
    /**
     * The other parameters' values of proposal j (1-based), e.g. drawn from their documented ranges,
     * so the kept sets are joint draws of both (`--with-ranges` of calibrate.ts); default: nominal.
     */
    others?: (j: number) => Partial<Parameters>;
    proposals: number;
    referenceSeeds: number;
    /** In simplex steps: one for all, or one per coordinate of `SEARCH_SPACE`. */
    halfWidth: number | readonly number[];
    scale: number;
    log?: (s: string) => void;
  },
): CalibratedEnsemble {
  const center = encode({ ...parameters(), ...values } as Parameters);
  const others = opts.others ?? (() => ({}));
  const names = [
    ...SEARCH_SPACE.map((c) => c.name),
    ...(Object.keys(others(1)) as ParameterName[]).filter((n) => !SEARCH_SPACE.some((c) => c.name === n)),
  ];
  const valuesOf = (x: readonly number[], j: number) => {
    const v = { ...parameters(), ...others(j), ...values, ...decode(x) };
    return names.map((n) => v[n]);
  };
  const seeds = Array.from({ length: opts.referenceSeeds }, (_, s) => 100 + s);
  const losses = seeds.map((seed, k) => {
    const l = e.loss(values, seed).total;
    opts.log?.(`reference ${k + 1}/${seeds.length} (seed ${seed}): loss ${l.toFixed(4)}`);
    return l;
  });
  const ref = abcThreshold(losses);
  opts.log?.(
    `reference: mean ${ref.mean.toFixed(4)}, sd ${ref.sd.toFixed(4)}, keep at ≤ ${ref.threshold.toFixed(4)}`,
  );
  const width = SEARCH_SPACE.map(
    (c, k) => (typeof opts.halfWidth === 'number' ? opts.halfWidth : opts.halfWidth[k]) * c.step,
  );
  const design = latinHypercube(opts.proposals, SEARCH_SPACE.length);
  const kept: { x: number[]; j: number; loss: number; unit: number[] }[] = [];
  design.forEach((unit, j) => {
    const d = withoutRidge(unit.map((u, k) => u * width[k]));
    const x = center.map((c, k) => c + d[k]);
    const loss = e.loss({ ...others(j + 1), ...decode(x) }, j + 1).total;
    if (loss <= ref.threshold)
      kept.push({
        j: j + 1,
        x,
        loss,
        unit: d.map((v, k) => v / width[k]),
      });
    opts.log?.(
      `proposal ${j + 1}/${opts.proposals}: loss ${loss.toFixed(4)}${loss <= ref.threshold ? ' kept' : ''} (${kept.length} kept)`,
    );
  });
  if (!kept.length)
    throw new Error(`no proposal of ${opts.proposals} came within ${ref.threshold.toFixed(4)}`);
  return {
    method: 'abc-rejection',
    names,
    members: kept.map((k) => valuesOf(k.x, k.j)),
    losses: kept.map((k) => k.loss),
    optimum: valuesOf(center, 0).slice(0, SEARCH_SPACE.length),
    reference: { seeds, losses, mean: ref.mean, sd: ref.sd },
    threshold: ref.threshold,
    proposals: opts.proposals,
    halfWidth: SEARCH_SPACE.map((c, k) => width[k] / c.step),
    atEdge: SEARCH_SPACE.map((_, k) => kept.filter((m) => Math.abs(m.unit[k]) > 0.8).length / kept.length),
    scale: opts.scale,
  };
}

/** Member `index` of an ensemble (index ≥ 1, the seed of the run that uses it): kept set (index − 1) mod n. */
export function ensembleMember(
  fit: Pick<CalibratedEnsemble, 'names' | 'members'>,
  index: number,
): Partial<Parameters> {
  const n = fit.members.length;
  const row = fit.members[(((Math.trunc(index) - 1) % n) + n) % n];
  return Object.fromEntries(fit.names.map((name, k) => [name, row[k]])) as Partial<Parameters>;
}

/** The source of src/sim/calibrated-ensemble.ts for a fitted ensemble. */
export function ensembleModule(
  fit: CalibratedEnsemble,
  run: { command: string; date: string; commit: string },
): string {
  return `/**
 * The calibrated parameter ensemble (stage 3 of src/sim/calibrate.ts, calibration-ensemble.ts;
 * docs/model.md §5), written on ${run.date} on main ${run.commit} by
 * \`${run.command}\`:
 * ${fit.members.length} of ${fit.proposals} proposals kept (loss ≤ ${fit.threshold.toFixed(4)}, the optimum's mean ${fit.reference.mean.toFixed(4)} + 2 × ${fit.reference.sd.toFixed(4)} over
 * ${fit.reference.seeds.length} seeds), scale ${fit.scale}. Do not edit.
 */
import type { CalibratedEnsemble } from './calibration-ensemble.ts';

export const CALIBRATED_ENSEMBLE: CalibratedEnsemble | null = ${JSON.stringify(fit)};
`;
}
