/**
 * Corridors of the starting stock settled in one closed historical episode
 * (`migrant_stock/settlement_cohorts.csv`, data/world/SOURCES.md): the Partition of British India
 * in 1947, the last wave of European immigration to Argentina after 1945. UN DESA's stock of 1990
 * gives each corridor's number, not its ages; where the arrivals ended decades before, the stock is
 * old, and it dies, which the starting population's common age bands (init.ts) do not know
 * (kernels/settlement-cohorts.ts, the `settlement-cohorts` mechanism).
 */
import { userError } from '../shared/errors.ts';
import type { CsvTable } from './csv.ts';
import { columnIndex, yearCell } from './csv.ts';
import type { CountryList } from './countries.ts';
import { countryCell } from './countries.ts';

/** The settled statuses a cohort's members hold. */
export const COHORT_STATUSES = ['naturalised', 'long_term_resident'] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];

/** The migrants born in `origin` living in `destination` who arrived from `firstArrival` to `lastArrival`. */
export interface SettlementCohort {
  destination: string;
  origin: string;
  firstArrival: number;
  lastArrival: number;
  status: CohortStatus;
}

/**
 * Reads the settlement cohorts.
 * @throws `E_WORLD_COUNTRY` at FILE:LINE for a code that is not a model country; `E_WORLD_VALUE` for
 *   arrival years out of order, a corridor from a country to itself or twice, or a status not in
 *   `COHORT_STATUSES`
 */
export function buildSettlementCohorts(table: CsvTable, countries: CountryList): SettlementCohort[] {
  const col = {
    destination: columnIndex(table, 'destination'),
    origin: columnIndex(table, 'origin'),
    first: columnIndex(table, 'first_arrival'),
    last: columnIndex(table, 'last_arrival'),
    status: columnIndex(table, 'status'),
  };
  const seen = new Set<string>();
  return table.rows.map((row, r) => {
    const destination = countryCell(table, r, col.destination, countries);
    const origin = countryCell(table, r, col.origin, countries);
    const firstArrival = yearCell(table, r, col.first);
    const lastArrival = yearCell(table, r, col.last);
    const status = row[col.status] as CohortStatus;
    const where = { file: table.file, line: table.lines[r] };
    const corridor = `${origin}>${destination}`;
    if (
      lastArrival < firstArrival ||
      origin === destination ||
      seen.has(corridor) ||
      !COHORT_STATUSES.includes(status)
    )
      throw userError(
        'E_WORLD_VALUE',
        `bad settlement cohort ${corridor}: arrivals ${firstArrival}–${lastArrival}, status '${row[col.status]}' (${COHORT_STATUSES.join(' or ')}; one row a corridor)`,
        where,
      );
    seen.add(corridor);
    return { destination, origin, firstArrival, lastArrival, status };
  });
}
