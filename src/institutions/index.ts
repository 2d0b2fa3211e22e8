/**
 * Institutions (docs/experiments.md, "The institutions layer"): decision bodies voting on convention standards under their rule,
 * legitimacy indicators, policy competition without a floor, and the cost of leaving a regional
 * process. Pure functions over a small world view; the experiments layer (src/experiments) couples
 * them to the engine year by year.
 */
export * from './parameters.ts';
export * from './members.ts';
export * from './vote.ts';
export * from './competition.ts';
export * from './lock-in.ts';
