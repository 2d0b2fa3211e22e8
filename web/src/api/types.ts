/**
 * Shapes of the API's answers, as the server declares them (src/server/api-types.ts; docs/api.md
 * has the full reference). Types only: nothing of the server reaches the browser bundle.
 */
export type {
  ComparisonRecord,
  Diagnostic,
  DocumentRow,
  IndicatorRowView as IndicatorRow,
  JobView,
  LeafDifference,
  PolicyChange,
  Reason,
  ResolvedDocumentView as ResolvedDocument,
  RunRecord,
  Source,
  StatRowView as StatRow,
  WorldCountry,
} from '../../../src/server/api-types.ts';
export type { LeverIntervention } from '../../../src/regime/schema/levers.ts';
