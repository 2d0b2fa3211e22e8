/**
 * Adapter from the regime library to displacement levers: the asylum doctrine each receiving
 * country of a Flee scenario applies under a regime on a date (its national policy under the
 * regime: its own document, or the regime's default for its tier, with the regime's adjustments).
 *
 * - `asylum.tests` with a violence-based test (OAU 1969, Cartagena 1984, violence criterion,
 *   EU subsidiary protection art. 15(c)) -> `violence-broad`; only `refugee-1951` -> `refugee-1951`;
 *   no test -> `closed`.
 * - `asylum.humanitarian_non_return`: rejected people who cannot be sent back are not removed ->
 *   they stay stranded at the border; otherwise they are sent back and try elsewhere.
 * Border closures and camp capacities are not part of the policy documents; use --levers for them.
 */
import { userError } from '../shared/errors.ts';
import { loadBuiltinLibrary, policyUnderRegime, requireDate } from '../regime/index.ts';
import type { Library, Tier } from '../regime/index.ts';
import type { AsylumDoctrine, ResolvedLevers } from './levers.ts';
import { noLevers } from './levers.ts';
import { formatDate } from './flee-csv.ts';
import type { FleeScenario } from './scenario.ts';

/** ISO 3166-1 alpha-3 codes of the country names used in Flee's shipped scenarios. */
export const FLEE_COUNTRY_ISO3: Readonly<Record<string, string>> = {
  Burkina_Faso: 'BFA',
  Burundi: 'BDI',
  CAR: 'CAF',
  Cameroon: 'CMR',
  Chad: 'TCD',
  DRC: 'COD',
  Ethiopia: 'ETH',
  Iraq: 'IRQ',
  Jordan: 'JOR',
  Kenya: 'KEN',
  Lebanon: 'LBN',
  Mali: 'MLI',
  Mauritania: 'MRT',
  Niger: 'NER',
  RC: 'COG',
  Rwanda: 'RWA',
  South_Sudan: 'SSD',
  Sudan: 'SDN',
  Syria: 'SYR',
  Tanzania: 'TZA',
  Turkey: 'TUR',
  Uganda: 'UGA',
};

/**
 * Tier of the receiving countries when the regime has no explicit policy for them: World Bank
 * income group at the start of the shipped conflicts (2012-2015): upper-middle income ->
 * semi_periphery, low and lower-middle income -> periphery.
 */
export const FLEE_COUNTRY_TIER: Readonly<Record<string, Tier>> = {
  TUR: 'semi_periphery',
  LBN: 'semi_periphery',
  JOR: 'semi_periphery',
  IRQ: 'semi_periphery',
};

const BROAD_TESTS = new Set(['oau-1969', 'cartagena-1984', 'violence-criterion', 'eu-subsidiary-15c']);

export interface RegimeLeverOptions {
  /** Resolve the regime at this date (default: the scenario start date). */
  date?: string;
  /** Share of the displaced with an individual persecution claim (needed when a narrow doctrine applies). */
  persecutedShare?: number;
  library?: Library;
}

/** The levers a regime sets for a scenario's receiving countries. */
export function leversFromRegime(
  regimeId: string,
  scenario: FleeScenario,
  opts: RegimeLeverOptions = {},
): ResolvedLevers {
  const date = opts.date ? requireDate(opts.date, '--regime-date') : formatDate(scenario.startDay);
  const lib = opts.library ?? loadBuiltinLibrary();
  lib.require(regimeId, 'Regime');
  const lv = noLevers();
  const receiving = [...new Set(scenario.locations.map((l) => l.country))].filter(
    (c) => c !== scenario.homeCountry,
  );
  for (const country of receiving) {
    const iso3 = FLEE_COUNTRY_ISO3[country];
    if (!iso3) continue; // not a country we can name: stays open
    const { policy } = policyUnderRegime(lib, regimeId, iso3, FLEE_COUNTRY_TIER[iso3] ?? 'periphery', date);
    const tests = policy.asylum.tests as string[];
    const doctrine: AsylumDoctrine = tests.some((t) => BROAD_TESTS.has(t))
      ? 'violence-broad'
      : tests.includes('refugee-1951')
        ? 'refugee-1951'
        : 'closed';
    lv.doctrine.set(country, doctrine);
    lv.strandByCountry.set(country, policy.asylum.humanitarian_non_return);
  }
  if ([...lv.doctrine.values()].includes('refugee-1951')) {
    if (opts.persecutedShare === undefined) {
      throw userError(
        'E_LEVERS',
        `under ${regimeId} on ${date} a receiving country applies only the 1951 test; give --persecuted-share (the share of the displaced with an individual persecution claim, a scenario assumption)`,
      );
    }
    lv.persecutedShare = opts.persecutedShare;
  }
  return lv;
}
