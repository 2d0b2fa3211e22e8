/**
 * The library API of Mobility Regimes: the same functions the `regimes` CLI uses, typed.
 *
 *   import { loadBuiltinLibrary, resolve, changesBetween } from 'mobility-regimes';
 */
export * from './regime/index.ts';
export { UserError, userError, formatDiagnostic, type Diagnostic } from './shared/errors.ts';
export * from './rules/index.ts';
