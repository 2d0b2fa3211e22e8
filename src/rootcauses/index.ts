/** Root causes of involuntary migration as data, estimates and levers (docs/model.md §9). */
export * from './panel.ts';
export * from './fixed-effects.ts';
export * from './arms-conflict.ts';
export * from './terms-of-trade.ts';
export * from './estimates.ts';
export * from './arms-lever.ts';
export * from './parameters.ts';
export * from './world-series.ts';
export * from './world-levers.ts';
export * from './agricultural-support.ts';
export * from './development-aid.ts';
export * from './development-fund.ts';
export * from './indicators.ts';
