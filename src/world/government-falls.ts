/**
 * The falls of governments that refugees had fled (`conflict/government_falls.csv`,
 * data/world/SOURCES.md): the day a government lost its capital to those its refugees sided with or
 * fled for, dated by UCDP's episode end where the Armed Conflict Dataset records one and by the
 * published record otherwise. The return that followed such a fall (Afghanistan 1992 and 2002,
 * Ethiopia 1991; UNHCR 2000, The State of the World's Refugees, ch. 5) is a kernel of its own
 * (kernels/repatriation.ts, `fall-return`). Where the fallen government withdrew with its army into a
 * neighbour (`retreat`: Rwanda's interim government into Zaire in July 1994), those fleeing after the
 * fall went with it (kernels/fall-flight.ts, `fall-flight`).
 */
import { userError } from '../shared/errors.ts';
import type { CsvTable } from './csv.ts';
import { columnIndex } from './csv.ts';
import type { CountryList } from './countries.ts';
import { countryCell } from './countries.ts';

/** The fall of a government of `country` on `year`-`month`-day. */
export interface GovernmentFall {
  country: string;
  year: number;
  /** 1…12. */
  month: number;
  /** 1…31. */
  day: number;
  government: string;
  /** The neighbour into which the fallen government withdrew with its army, if it did. */
  retreat?: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads the falls of governments.
 * @throws `E_WORLD_COUNTRY` at FILE:LINE for a code (of the country or of its retreat) that is not a
 *   model country; `E_WORLD_VALUE` for a date that is not YYYY-MM-DD or a retreat into the country itself
 */
export function buildGovernmentFalls(table: CsvTable, countries: CountryList): GovernmentFall[] {
  const col = {
    iso3: columnIndex(table, 'iso3'),
    date: columnIndex(table, 'date'),
    government: columnIndex(table, 'government'),
    retreat: columnIndex(table, 'retreat'),
  };
  return table.rows.map((row, r) => {
    const where = { file: table.file, line: table.lines[r] };
    const country = countryCell(table, r, col.iso3, countries);
    const m = ISO_DATE.exec(row[col.date]);
    const month = m ? Number(m[2]) : NaN;
    const day = m ? Number(m[3]) : NaN;
    if (!m || month < 1 || month > 12 || day < 1 || day > 31)
      throw userError(
        'E_WORLD_VALUE',
        `bad date of a government's fall: '${row[col.date]}' (YYYY-MM-DD)`,
        where,
      );
    const fall: GovernmentFall = { country, year: Number(m[1]), month, day, government: row[col.government] };
    if (row[col.retreat] === '') return fall;
    const retreat = countryCell(table, r, col.retreat, countries);
    if (retreat === country)
      throw userError(
        'E_WORLD_VALUE',
        `a government of ${country} cannot retreat into ${country} itself`,
        where,
      );
    return { ...fall, retreat };
  });
}
