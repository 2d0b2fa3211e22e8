/**
 * Where a country's organised violence was (`conflict/conflict_regions.csv`, data/world/SOURCES.md):
 * a region of the country, its share of the country's population and of its deaths in organised
 * violence over the years of the row, and the neighbour across whose border its people fled. The
 * deaths by country of data/world/conflict (UCDP GED) are read per inhabitant of the whole country
 * (kernels/move/origin-pool.ts), which thins a war confined to one region, Darfur's of 2003–04, to
 * the rate of a minor one; the rows give the flight where the violence was (kernels/regional-flight.ts).
 */
import { userError } from '../shared/errors.ts';
import type { CsvTable } from './csv.ts';
import { columnIndex, numberCell, yearCell } from './csv.ts';
import type { CountryList } from './countries.ts';
import { countryCell } from './countries.ts';

/** A region of `country` where `deathsShare` of its deaths in organised violence fell from `from` until `until`. */
export interface ConflictRegion {
  country: string;
  region: string;
  /** Shares of the country's population (in the region) and of its deaths (that fell there), 0…1. */
  populationShare: number;
  deathsShare: number;
  from: number;
  until: number;
  /** ISO3 of the neighbour its people fled to. */
  asylum: string;
}

/**
 * Reads the conflict regions.
 * @throws `E_WORLD_COUNTRY` at FILE:LINE for a code that is not a model country; `E_WORLD_VALUE` for a
 *   share outside (0, 1] (below 1 for the population) or years out of order
 */
export function buildConflictRegions(table: CsvTable, countries: CountryList): ConflictRegion[] {
  const col = {
    iso3: columnIndex(table, 'iso3'),
    region: columnIndex(table, 'region'),
    populationShare: columnIndex(table, 'population_share'),
    deathsShare: columnIndex(table, 'deaths_share'),
    from: columnIndex(table, 'from'),
    until: columnIndex(table, 'until'),
    asylum: columnIndex(table, 'asylum'),
  };
  return table.rows.map((row, r) => {
    const country = countryCell(table, r, col.iso3, countries);
    const asylum = countryCell(table, r, col.asylum, countries);
    const where = { file: table.file, line: table.lines[r] };
    const populationShare = numberCell(table, r, col.populationShare);
    const deathsShare = numberCell(table, r, col.deathsShare);
    const from = yearCell(table, r, col.from);
    const until = yearCell(table, r, col.until);
    if (
      !(populationShare > 0 && populationShare < 1) ||
      !(deathsShare > 0 && deathsShare <= 1) ||
      until < from
    )
      throw userError(
        'E_WORLD_VALUE',
        `bad conflict region: population share ${populationShare}, deaths share ${deathsShare}, from ${from} until ${until}`,
        where,
      );
    return {
      country,
      region: row[col.region],
      populationShare,
      deathsShare,
      from,
      until,
      asylum,
    };
  });
}
