/**
 * UNHCR's rule for counting refugees where a country keeps no register of them: in the 25
 * industrialised countries without official refugee figures UNHCR estimates the refugee population
 * as the refugees recognised (and, before 2007, resettled) over the last years (UNHCR 2013,
 * Statistical Online Population Database: General Notes, "based on the individual recognition of
 * refugees over a 10-year period"; Diallo 2006, Measuring forced displacement in industrialized
 * countries, UNHCR). The `refugees` indicator counts a protected person there only in the years
 * after its recognition or resettlement that the rule counts (`countedAsRefugee`), and the starting
 * refugees of such a country are those recognised over the rule's years (init.ts). Without the
 * `counting-rule` mechanism every protected person is counted, however long ago recognised.
 */

/**
 * Years of recognitions UNHCR counts as a country's refugees, where it estimates them (UNHCR 2013,
 * General Notes: Australia, Austria, Bulgaria, Canada, Denmark, Finland, Greece, Hungary, Iceland,
 * Ireland, Italy, Liechtenstein, Luxembourg, Malta, the Netherlands, New Zealand, Norway, Poland,
 * Portugal, Romania, Spain, Slovakia, Sweden, the United Kingdom and the United States, over ten
 * years, resettled arrivals included before 2007). For the four resettlement countries overseas
 * five years is an assumption within 5–10: five gives the United States' 465–631 k of 1990–95 from
 * its 100–130 k admissions a year, ten would give twice that. Germany, France, Switzerland and the
 * others report a register and are counted whole.
 */
export const UNHCR_ESTIMATE_YEARS: Readonly<Record<string, number>> = {
  USA: 5,
  CAN: 5,
  AUS: 5,
  NZL: 5,
  AUT: 10,
  BGR: 10,
  DNK: 10,
  FIN: 10,
  GRC: 10,
  HUN: 10,
  ISL: 10,
  IRL: 10,
  ITA: 10,
  LIE: 10,
  LUX: 10,
  MLT: 10,
  NLD: 10,
  NOR: 10,
  POL: 10,
  PRT: 10,
  ROU: 10,
  ESP: 10,
  SVK: 10,
  SWE: 10,
  GBR: 10,
};

/** Per country (in the order of `iso3`): the years UNHCR's estimate counts, 0 = every refugee (a register). */
export function estimateYears(iso3: readonly string[], on: boolean): Uint8Array {
  return Uint8Array.from(iso3, (c) => (on ? (UNHCR_ESTIMATE_YEARS[c] ?? 0) : 0));
}

/** Whether a protected person `yearsInStatus` years after its recognition counts in UNHCR's figure of its country. */
export function countedAsRefugee(yearsInStatus: number, estimate: number): boolean {
  return estimate === 0 || yearsInStatus < estimate;
}

/**
 * Register countries whose refugee figure, as UNHCR reports it, counts the tolerated: rejected
 * applicants whose removal is suspended (Germany's Duldung, status rejected_non_returnable here).
 * Germany gave the Bosnians of 1992–95 a Duldung, not refugee status (Dimova 2006, *From protection
 * to ordeal: Duldung status and Bosnians in Berlin*, Max Planck Institute for Social Anthropology
 * Working Paper 87; Leuninger 1996, PRO ASYL, for ECRE: 320,000 in 1996), and UNHCR counted them
 * among Germany's refugees (data/world/refugees/unhcr_population_1951_2005.csv: 350,000 Bosnians in
 * Germany in 1994, 320,000 in 1995), as it counted the other de facto refugees of the German
 * register in its total.
 */
export const TOLERATED_COUNTED: readonly string[] = ['DEU'];

/** Per country (in the order of `iso3`): 1 where its refugee figure counts the tolerated (`TOLERATED_COUNTED`). */
export function toleratedCounted(iso3: readonly string[], on: boolean): Uint8Array {
  return Uint8Array.from(iso3, (c) => (on && TOLERATED_COUNTED.includes(c) ? 1 : 0));
}
