/**
 * Every root-cause relation estimated from the shipped data, in one call (what `regimes
 * root-causes` prints and docs/model.md §9 reports). Reads data/world only.
 */
import { DEFAULT_WORLD_DIR } from '../world/index.ts';
import type { ArmsConflictEstimates } from './arms-conflict.ts';
import { armsConflictPanel, estimateArmsConflict } from './arms-conflict.ts';
import type { PanelFit } from './fixed-effects.ts';
import { ROOT_CAUSE_FILES, readSeriesFile } from './panel.ts';
import { estimateTermsOfTrade, termsOfTradePanel } from './terms-of-trade.ts';
import { developmentAidPanel, estimateDevelopmentAid } from './development-aid.ts';

/** The estimates: arms → conflict (two lag choices), terms of trade → periphery wages, aid → growth. */
export interface RootCauseEstimates {
  arms: ArmsConflictEstimates;
  /** The same with last year's imports alone (a robustness check of the lag). */
  armsOneLag: ArmsConflictEstimates;
  termsOfTrade: PanelFit;
  /** Development transfers (aid / GDP, the year before) → growth of GDP per head. */
  developmentAid: PanelFit;
}

/** Estimates every relation; `onStep` reports progress (the arms fits take tens of seconds). */
export function estimateRootCauses(
  dir = DEFAULT_WORLD_DIR,
  onStep: (what: string) => void = () => {},
): RootCauseEstimates {
  const read = (file: keyof typeof ROOT_CAUSE_FILES) => readSeriesFile(ROOT_CAUSE_FILES[file], dir);
  const panel = armsConflictPanel(read('armsImports'), read('deathsByType'));
  onStep('arms → conflict, imports of the three years before');
  const arms = estimateArmsConflict(panel, { lags: 3 });
  onStep('arms → conflict, imports of the year before');
  const armsOneLag = estimateArmsConflict(panel, { lags: 1 });
  onStep('terms of trade → periphery wages');
  const termsOfTrade = estimateTermsOfTrade(
    termsOfTradePanel(read('termsOfTrade'), read('pwt'), read('groups')),
  );
  onStep('development aid → growth of GDP per head');
  const developmentAid = estimateDevelopmentAid(
    developmentAidPanel(read('wdi'), read('odaReceived'), read('groups')),
  );
  return { arms, armsOneLag, termsOfTrade, developmentAid };
}
