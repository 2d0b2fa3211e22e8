/**
 * The country list of the world model: which entities are countries, and their fixed attributes.
 *
 * **Rule.** A model country is an entry of `countries/countries.csv` (mledoze/countries) with
 * `independent = TRUE` (the 193 UN members and the Holy See), plus three states the UN data report
 * separately although their recognition is limited: Palestine (PSE, UN observer state), Kosovo (XKX)
 * and Taiwan (TWN), plus every dependent territory that UN DESA reports as a country of residence
 * with a migrant stock (Hong Kong, Puerto Rico, Macao, Réunion, …: 36 of them), so every
 * destination of the data is a destination of the model. A territory carries its sovereign
 * (`countries/territory_sovereigns.csv`), whose data fill what the territory's own lack. Left out of
 * the country list: World Bank aggregates (WLD, EUU, HIC, SSF, …: they are not in countries.csv at
 * all), territories with no migrant stock in the data (they stay an "other territory" origin line
 * in the bilateral stocks), and codes without a country (CHI Channel Islands, ANT Netherlands
 * Antilles, `OOO` unknown origin, `XCX`). mledoze's `UNK` for Kosovo is renamed `XKX` (see `normalizeMledozeCode`). Countries are sorted by ISO3, so the index of a country is stable as
 * long as the list is.
 */
import { userError } from '../shared/errors.ts';
import type { CsvTable } from './csv.ts';
import { columnIndex } from './csv.ts';

/** States of limited recognition that the UN, World Bank and UNHCR data report as their own rows. */
export const LIMITED_RECOGNITION = ['PSE', 'TWN', 'XKX'] as const;

/**
 * Code fixes for the mledoze files (countries.csv, land_borders.csv): mledoze codes Kosovo as `UNK`,
 * which UNHCR uses for "unknown origin"; every other source says `XKX`.
 */
const MLEDOZE_CODE_FIXES: Readonly<Record<string, string>> = { UNK: 'XKX' };

/** A code of the mledoze files in the form the other sources use (`UNK` → `XKX`). */
export function normalizeMledozeCode(code: string): string {
  return MLEDOZE_CODE_FIXES[code] ?? code;
}

/** Every code of countries.csv (countries and territories), normalised. */
export function knownCountryCodes(countriesCsv: CsvTable): Set<string> {
  const iso = columnIndex(countriesCsv, 'iso3');
  return new Set(countriesCsv.rows.map((r) => normalizeMledozeCode(r[iso])));
}

/** A country of the model, with the attributes that do not change over the years. */
export interface Country {
  /** ISO 3166-1 alpha-3 (XKX for Kosovo, a user-assigned code). */
  iso3: string;
  /** UN M49 / ISO 3166 numeric code (the world-atlas map joins on it); 0 where none (Kosovo). */
  m49: number;
  /** Common English name. */
  name: string;
  /** UN M49 region (Africa, Americas, Asia, Europe, Oceania). */
  region: string;
  /** UN M49 sub-region (e.g. Western Africa). */
  subregion: string;
  /** Latitude of a representative point, degrees (not the capital). */
  lat: number;
  /** Longitude of a representative point, degrees. */
  lng: number;
  /** No sea coast. */
  landlocked: boolean;
  /** World Bank income group from Gapminder's snapshot (one recent year, not per year); '' if none. */
  incomeGroupSnapshot: '' | 'high_income' | 'upper_middle_income' | 'lower_middle_income' | 'low_income';
  /** OECD member in Gapminder's `g77_and_oecd_countries` snapshot (today's membership). */
  oecdSnapshot: boolean;
  /** For a dependent territory, the ISO3 of its sovereign (territory_sovereigns.csv); '' for a state. */
  sovereign: string;
}

/** The country list and a lookup from ISO3 to the dense index used by every array of the world. */
export interface CountryList {
  /** Countries sorted by ISO3; position = country index. */
  countries: Country[];
  /** ISO3 → country index. */
  index: ReadonlyMap<string, number>;
}

/** The sovereign of each dependent territory, from `countries/territory_sovereigns.csv` (iso3, sovereign). */
export function territorySovereigns(table: CsvTable): Map<string, string> {
  const iso = columnIndex(table, 'iso3');
  const sovereign = columnIndex(table, 'sovereign');
  const out = new Map<string, string>();
  table.rows.forEach((r, i) => {
    if (!/^[A-Z]{3}$/.test(r[iso]) || !/^[A-Z]{3}$/.test(r[sovereign]))
      throw userError(
        'E_WORLD_VALUE',
        `bad territory row: ${JSON.stringify(r[iso])} → ${JSON.stringify(r[sovereign])}`,
        {
          file: table.file,
          line: table.lines[i],
        },
      );
    out.set(r[iso], r[sovereign]);
  });
  return out;
}

/**
 * Selects the model's countries and joins their attributes.
 * @param countriesCsv `countries/countries.csv`
 * @param m49Csv `countries/un_m49_country_codes.csv` (region and sub-region)
 * @param groupsCsv `countries/gapminder_country_groups.csv` (income group, OECD snapshot)
 * @param territories the territories that are model countries (those with a migrant stock), with
 *   their sovereigns; none when absent
 * @throws `E_WORLD_COUNTRY` when a territory of `territories` is not in countries.csv or has no sovereign
 */
export function selectCountries(
  countriesCsv: CsvTable,
  m49Csv: CsvTable,
  groupsCsv: CsvTable,
  territories: { codes: ReadonlySet<string>; sovereigns: ReadonlyMap<string, string> } = {
    codes: new Set(),
    sovereigns: new Map(),
  },
): CountryList {
  const c = {
    iso3: columnIndex(countriesCsv, 'iso3'),
    numeric: columnIndex(countriesCsv, 'iso_numeric'),
    name: columnIndex(countriesCsv, 'name_common'),
    region: columnIndex(countriesCsv, 'region'),
    subregion: columnIndex(countriesCsv, 'subregion'),
    lat: columnIndex(countriesCsv, 'lat'),
    lng: columnIndex(countriesCsv, 'lng'),
    landlocked: columnIndex(countriesCsv, 'landlocked'),
    independent: columnIndex(countriesCsv, 'independent'),
  };
  const m = {
    iso3: columnIndex(m49Csv, 'iso3'),
    region: columnIndex(m49Csv, 'un_region'),
    subregion: columnIndex(m49Csv, 'un_subregion'),
  };
  const g = {
    iso3: columnIndex(groupsCsv, 'iso3'),
    income: columnIndex(groupsCsv, 'income_groups'),
    oecd: columnIndex(groupsCsv, 'g77_and_oecd_countries'),
  };
  const m49ByIso = new Map(m49Csv.rows.map((r) => [r[m.iso3], r]));
  const groupsByIso = new Map(groupsCsv.rows.filter((r) => r[g.iso3] !== '').map((r) => [r[g.iso3], r]));
  const limited = new Set<string>(LIMITED_RECOGNITION);

  const countries: Country[] = [];
  countriesCsv.rows.forEach((row, i) => {
    const iso3 = normalizeMledozeCode(row[c.iso3]);
    const state = row[c.independent] === 'TRUE' || limited.has(iso3);
    if (!state && !territories.codes.has(iso3)) return;
    const sovereign = state ? '' : territories.sovereigns.get(iso3);
    if (sovereign === undefined)
      throw userError(
        'E_WORLD_COUNTRY',
        `territory ${iso3} has a migrant stock but no sovereign in countries/territory_sovereigns.csv`,
        {
          file: countriesCsv.file,
          line: countriesCsv.lines[i],
        },
      );
    const lat = Number(row[c.lat]);
    const lng = Number(row[c.lng]);
    if (!/^[A-Z]{3}$/.test(iso3) || !Number.isFinite(lat) || !Number.isFinite(lng)) {
      throw userError(
        'E_WORLD_VALUE',
        `bad country row: iso3 ${JSON.stringify(iso3)}, lat/lng must be numbers`,
        {
          file: countriesCsv.file,
          line: countriesCsv.lines[i],
        },
      );
    }
    const un = m49ByIso.get(iso3);
    const groups = groupsByIso.get(iso3);
    const income = groups?.[g.income] ?? '';
    countries.push({
      iso3,
      m49: Number(row[c.numeric]) || 0,
      name: row[c.name],
      region: un?.[m.region] || row[c.region],
      subregion: un?.[m.subregion] || row[c.subregion],
      lat,
      lng,
      landlocked: row[c.landlocked] === 'TRUE',
      incomeGroupSnapshot: isIncomeGroup(income) ? income : '',
      oecdSnapshot: groups?.[g.oecd] === 'oecd',
      sovereign,
    });
  });
  countries.sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
  const selected = new Set(countries.map((x) => x.iso3));
  const missing = [...territories.codes].filter((t) => !selected.has(t));
  if (missing.length)
    throw userError(
      'E_WORLD_COUNTRY',
      `territories with a migrant stock missing from ${countriesCsv.file}: ${missing.join(', ')}`,
    );
  return countryListOf(countries);
}

/** Builds the ISO3 lookup for an already sorted list (used when loading the derived file). */
export function countryListOf(countries: Country[]): CountryList {
  return { countries, index: new Map(countries.map((c, i) => [c.iso3, i])) };
}

/**
 * The index of a country by ISO3 code (case-insensitive).
 * @throws `E_WORLD_COUNTRY` when the code is not a model country
 */
export function countryIndex(list: CountryList, iso3: string): number {
  const i = list.index.get(iso3.toUpperCase());
  if (i === undefined) {
    throw userError(
      'E_WORLD_COUNTRY',
      `unknown country code: ${iso3} (expected the ISO3 code of a model country)`,
    );
  }
  return i;
}

/**
 * A cell holding the ISO3 code of a model country.
 * @throws `E_WORLD_COUNTRY` at `FILE:LINE` when it is not one
 */
export function countryCell(table: CsvTable, row: number, col: number, countries: CountryList): string {
  const code = table.rows[row][col];
  if (!countries.index.has(code))
    throw userError('E_WORLD_COUNTRY', `unknown country code: ${code}`, {
      file: table.file,
      line: table.lines[row],
    });
  return code;
}

function isIncomeGroup(s: string): s is Country['incomeGroupSnapshot'] {
  return (
    s === 'high_income' || s === 'upper_middle_income' || s === 'lower_middle_income' || s === 'low_income'
  );
}
