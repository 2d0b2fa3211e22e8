/**
 * Co-ethnic populations with a right to settle in a homeland (`co_ethnic/co_ethnic_populations.csv`,
 * data/world/SOURCES.md): ethnic Germans in the former Soviet Union, Poland and Romania (Aussiedler
 * under the Bundesvertriebenengesetz), Jews in the former Soviet Union (Israel's Law of Return), and
 * Russians in the Central Asian and Transcaucasian successor states (Russia's 1991 citizenship law),
 * counted by the 1989 Soviet census or estimated, with the years their homeland's law admitted them;
 * and groups who moved to their kin state only when a war drove them out (`moves: flee`: the Serbs of
 * Croatia and Bosnia and Herzegovina, the Croats of Bosnia and Herzegovina, 1991 census); and groups
 * driven out as a whole while the conflict between their state and their kin lasted (`moves:
 * expelled`: the Armenians of Azerbaijan outside Nagorno-Karabakh and the Azerbaijanis of Armenia,
 * 1989 census; the Hoa of Viet Nam, whom the conflict of 1978–79 drove to China).
 */
import { userError } from '../shared/errors.ts';
import type { CsvTable } from './csv.ts';
import { columnIndex, numberCell, yearCell } from './csv.ts';
import type { CountryList } from './countries.ts';
import { countryCell } from './countries.ts';

/** One co-ethnic population of an origin country. */
export interface CoEthnicPopulation {
  group: string;
  /** ISO3 of the homeland whose law admits them, and of the country they live in. */
  homeland: string;
  origin: string;
  /** Persons of the group in the origin around 1989. */
  population: number;
  /** The law, and the years it admitted them (inclusive). */
  law: string;
  from: number;
  until: number;
  /**
   * `settle`: they move as the wage gap pulls them (kernels/co-ethnic.ts); `flee`: only when a war
   * drives them out, as their share of those it drives out; `expelled`: driven out as a group while
   * the violence lasts (kernels/kin-flight.ts).
   */
  moves: CoEthnicMoves;
}

/** How a co-ethnic population moves to its homeland. */
export const CO_ETHNIC_MOVES = ['settle', 'flee', 'expelled'] as const;
export type CoEthnicMoves = (typeof CO_ETHNIC_MOVES)[number];

/**
 * Reads the co-ethnic populations.
 * @throws `E_WORLD_COUNTRY` at FILE:LINE for a code that is not a model country; `E_WORLD_VALUE` for a
 *   population that is not a positive number, years out of order or an unknown `moves`
 */
export function buildCoEthnic(table: CsvTable, countries: CountryList): CoEthnicPopulation[] {
  const col = {
    group: columnIndex(table, 'group'),
    homeland: columnIndex(table, 'homeland'),
    origin: columnIndex(table, 'origin'),
    population: columnIndex(table, 'population'),
    law: columnIndex(table, 'law'),
    from: columnIndex(table, 'from'),
    until: columnIndex(table, 'until'),
    moves: columnIndex(table, 'moves'),
  };
  return table.rows.map((row, r) => {
    const where = { file: table.file, line: table.lines[r] };
    const homeland = countryCell(table, r, col.homeland, countries);
    const origin = countryCell(table, r, col.origin, countries);
    const population = numberCell(table, r, col.population);
    const from = yearCell(table, r, col.from);
    const until = yearCell(table, r, col.until);
    if (!(population > 0) || until < from)
      throw userError(
        'E_WORLD_VALUE',
        `bad co-ethnic population: ${population} from ${from} until ${until}`,
        where,
      );
    const moves = row[col.moves] as CoEthnicMoves;
    if (!CO_ETHNIC_MOVES.includes(moves))
      throw userError(
        'E_WORLD_VALUE',
        `bad co-ethnic moves: '${row[col.moves]}' (known: ${CO_ETHNIC_MOVES.join(', ')})`,
        where,
      );
    return {
      group: row[col.group],
      homeland,
      origin,
      population,
      law: row[col.law],
      from,
      until,
      moves,
    };
  });
}
