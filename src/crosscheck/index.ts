/** Our compliance scores checked against published policy indices (MIPEX, IMPIC). */
export { INDICES, type PolicyIndex, type Strand } from './indices.ts';
export {
  AIM,
  crosscheck,
  indexValues,
  strandConvention,
  type CrosscheckPair,
  type CrosscheckResult,
} from './crosscheck.ts';
