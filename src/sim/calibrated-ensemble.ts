/**
 * The calibrated parameter ensemble (stage 3 of src/sim/calibrate.ts; docs/model.md §5), written by
 * `npx tsx src/sim/calibrate.ts --ensemble-points N --out src/sim/calibrated-ensemble.ts`. Null until
 * a calibration has written it. Do not edit.
 */
import type { EnsembleFit } from './calibration-ensemble.ts';

export const CALIBRATED_ENSEMBLE: EnsembleFit | null = null;
