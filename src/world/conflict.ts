/**
 * Conflict series from the UCDP/PRIO Armed Conflict Dataset and WDI battle deaths.
 *
 * - `conflictIntensity`: the highest UCDP intensity (1 = 25–999 battle deaths in the year,
 *   2 = ≥ 1000) of the intrastate and internationalized intrastate conflicts in which the state is
 *   the government side (`gwno_a`). By UCDP's construction these are fought on or over the state's
 *   territory, so this is the violence people there are exposed to. Exception: a transnational
 *   conflict is coded to its government side too (UCDP 418, USA vs al-Qaida, 2001–: USA = 1), as
 *   the file lacks UCDP's location column. Secondary supporters
 *   (`gwno_a_2nd`, `gwno_b_2nd`) are not counted: the peacesciencer file repeats a conflict-year once
 *   per supporter, so a max over rows is used, never a count.
 * - `interstateConflictIntensity`: the highest intensity of interstate conflicts in which the state
 *   is a primary party (`gwno_a` or `gwno_b`). Kept apart because a party's territory need not be
 *   the battlefield (USA, GBR and AUS in the 2003 Iraq war).
 * - Extrasystemic (colonial) conflicts end in 1974 and play no part from 1990.
 * - Gleditsch–Ward codes are turned into ISO3 with the shipped table (historical states mapped to
 *   their successor: Yugoslavia 345 → SRB, so the 1991–92 wars fought by Yugoslavia count for SRB).
 * - Sudan/South Sudan: South Sudan (GW 626) exists from 2011. Before 2011 it inherits Sudan's
 *   (GW 625) intrastate intensity: the Sudanese civil wars until 2005 were fought largely on
 *   today's South Sudanese territory, and the UN population data give SSD its own rows for those years.
 * - Country-years absent from the dataset had no active conflict: 0 (the dataset covers 1946–2024).
 * - `battleDeaths`: WDI VC.BTL.DETH (UCDP battle-related deaths), 1989–2018; absent country-years
 *   within that range are 0, years outside it NaN.
 */
import { userError } from '../shared/errors.ts';
import type { CsvTable } from './csv.ts';
import { columnIndex, numberCell, yearCell } from './csv.ts';
import type { CountryList } from './countries.ts';
import type { YearSpan } from './panel.ts';
import { newPanel, panelOffset } from './panel.ts';

/** Years the battle-deaths file covers. */
export const BATTLE_DEATHS_SPAN: YearSpan = { first: 1989, last: 2018 };

/** Year South Sudan became independent (GW 626 starts). */
const SOUTH_SUDAN_INDEPENDENCE = 2011;

/** Gleditsch–Ward code → ISO3 from `countries/gleditsch_ward_to_iso3.csv`. */
export function gleditschWardToIso3(table: CsvTable): Map<number, string> {
  const gw = columnIndex(table, 'gw_code');
  const iso = columnIndex(table, 'iso3');
  const map = new Map<number, string>();
  for (let r = 0; r < table.rows.length; r++) map.set(numberCell(table, r, gw), table.rows[r][iso]);
  return map;
}

/** The two conflict-intensity panels (0/1/2) over the span. */
export function buildConflictIntensity(
  acd: CsvTable,
  gwToIso3: Map<number, string>,
  countries: CountryList,
  span: YearSpan,
): { conflictIntensity: Float64Array; interstateConflictIntensity: Float64Array } {
  const n = countries.countries.length;
  const internal = newPanel(span, n, 0);
  const interstate = newPanel(span, n, 0);
  const col = {
    year: columnIndex(acd, 'year'),
    a: columnIndex(acd, 'gwno_a'),
    b: columnIndex(acd, 'gwno_b'),
    intensity: columnIndex(acd, 'intensity_level'),
    type: columnIndex(acd, 'type_of_conflict'),
  };
  const countryOf = (r: number, c: number): number | undefined => {
    const code = numberCell(acd, r, c);
    if (Number.isNaN(code)) return undefined;
    const iso3 = gwToIso3.get(code);
    if (iso3 === undefined) {
      throw userError(
        'E_WORLD_COUNTRY',
        `unknown Gleditsch–Ward code: ${code} (not in the GW → ISO3 table)`,
        {
          file: acd.file,
          line: acd.lines[r],
        },
      );
    }
    return countries.index.get(iso3);
  };
  const raise = (panel: Float64Array, year: number, c: number | undefined, level: number) => {
    if (c === undefined) return;
    const o = panelOffset(span, n, year, c);
    if (o >= 0 && level > panel[o]) panel[o] = level;
  };
  for (let r = 0; r < acd.rows.length; r++) {
    const year = yearCell(acd, r, col.year);
    if (year < span.first || year > span.last) continue;
    const level = numberCell(acd, r, col.intensity);
    const type = acd.rows[r][col.type];
    if (type === 'intrastate' || type === 'II') {
      raise(internal, year, countryOf(r, col.a), level);
    } else if (type === 'interstate') {
      raise(interstate, year, countryOf(r, col.a), level);
      raise(interstate, year, countryOf(r, col.b), level);
    }
  }
  const sdn = countries.index.get('SDN');
  const ssd = countries.index.get('SSD');
  if (sdn !== undefined && ssd !== undefined) {
    for (let y = span.first; y <= Math.min(span.last, SOUTH_SUDAN_INDEPENDENCE - 1); y++) {
      raise(internal, y, ssd, internal[panelOffset(span, n, y, sdn)]);
    }
  }
  return { conflictIntensity: internal, interstateConflictIntensity: interstate };
}

/**
 * A panel of one column of a long (iso3, year, value) table of events: 0 where a country-year is
 * absent within the source's `coverage`, NaN outside it.
 */
function eventPanel(
  table: CsvTable,
  column: string,
  countries: CountryList,
  span: YearSpan,
  coverage: { first: number; last: number },
): Float64Array {
  const n = countries.countries.length;
  const panel = newPanel(span, n);
  for (let y = Math.max(span.first, coverage.first); y <= Math.min(span.last, coverage.last); y++)
    panel.fill(0, (y - span.first) * n, (y - span.first + 1) * n);
  const iso = columnIndex(table, 'iso3');
  const yr = columnIndex(table, 'year');
  const col = columnIndex(table, column);
  for (let r = 0; r < table.rows.length; r++) {
    const c = countries.index.get(table.rows[r][iso]);
    if (c === undefined) continue;
    const o = panelOffset(span, n, yearCell(table, r, yr), c);
    if (o >= 0) panel[o] = numberCell(table, r, col);
  }
  return panel;
}

/** Battle-related deaths per country-year: 0 where absent within 1989–2018, NaN outside. */
export function buildBattleDeaths(table: CsvTable, countries: CountryList, span: YearSpan): Float64Array {
  return eventPanel(table, 'battle_related_deaths', countries, span, BATTLE_DEATHS_SPAN);
}

/** Years the UCDP GED deaths by type cover (docs/world-data.md). */
export const DEATHS_BY_TYPE_SPAN = { first: 1989, last: 2024 } as const;

/**
 * Deaths in organised violence by type, where they occurred (UCDP GED via OWID): 0 where a country
 * is absent within 1989–2024 (the file is balanced over its 197 codes, so an absent code is a
 * territory where UCDP recorded no event), NaN outside.
 */
export function buildDeathsByType(
  table: CsvTable,
  countries: CountryList,
  span: YearSpan,
): {
  deathsStateBased: Float64Array;
  deathsNonState: Float64Array;
  deathsOneSided: Float64Array;
  interstateShare: Float64Array;
} {
  const panel = (column: string) => eventPanel(table, column, countries, span, DEATHS_BY_TYPE_SPAN);
  const stateBased = panel('statebased_best');
  const interstate = panel('interstate_best');
  return {
    deathsStateBased: stateBased,
    deathsNonState: panel('nonstate_best'),
    deathsOneSided: panel('onesided_best'),
    // a share, so that a lever scaling the state-based deaths keeps it (rootcauses/world-levers.ts)
    interstateShare: Float64Array.from(stateBased, (s, k) =>
      Number.isNaN(s) ? NaN : s > 0 ? Math.min(1, interstate[k] / s) : 0,
    ),
  };
}
