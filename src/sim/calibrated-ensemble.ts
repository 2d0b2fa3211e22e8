/**
 * The calibrated parameter ensemble (stage 3 of src/sim/calibrate.ts, calibration-ensemble.ts;
 * docs/model.md §5), written by `npx tsx src/sim/calibrate.ts --ensemble-only --ensemble-points N
 * --out src/sim/calibrated-ensemble.ts`. Null until a calibration has written it. Do not edit.
 */
import type { CalibratedEnsemble } from './calibration-ensemble.ts';

export const CALIBRATED_ENSEMBLE: CalibratedEnsemble | null = null;
