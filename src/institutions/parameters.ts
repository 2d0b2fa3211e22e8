/**
 * Parameters of the institutions layer (decision bodies, policy competition, lock-in), each with
 * its unit, source and the values it is defined for, in the machinery of the engine's
 * `PARAMETER_INFO` (src/shared/parameter-info.ts). Experiments set them by name beside the
 * engine's parameters (an arm's `parameters`); the table in docs/experiments.md is generated from
 * this file (`npm run docs:tables`).
 */
import { parameter as p, parameterSet, uncertain, uncertaintyRanges } from '../shared/parameter-info.ts';
import type { ParameterInfo, ParameterValues } from '../shared/parameter-info.ts';

/** A share, or a point on the rights floor's scale (0 = no floor, 1 = full equal treatment). */
const SHARE = [0, 1] as const;
/** Any number from zero up: a rate, a count of years or a multiplier that has no natural ceiling. */
const NON_NEGATIVE = [0, Infinity] as const;

export const INSTITUTION_PARAMETER_INFO = {
  // ── Ideal points of constituencies on a rights floor (0 = no floor, 1 = full equal treatment) ──
  idealMigrants: uncertain(
    p(
      1,
      'ideal rights floor of migrants’ organisations',
      'assumption',
      'the affected want equal treatment (ICRMW 1990 Part III; Overbeek 2002, §4: standards that safeguard migrants’ interests)',
      SHARE,
    ),
    { low: 0.8, high: 1, source: 'assumption 1 (ICRMW equal treatment), 0.8–1' },
  ),
  idealCivilSociety: uncertain(
    p(
      0.9,
      'ideal rights floor of civil-society organisations',
      'assumption',
      'our choice: advocacy NGOs close to migrants’ position (Overbeek 2002, §4: grass-roots participation)',
      SHARE,
    ),
    { low: 0.7, high: 1, source: 'assumption 0.9, 0.7–1' },
  ),
  idealTradeUnions: uncertain(
    p(
      0.8,
      'ideal rights floor of trade unions',
      'literature',
      'ILO C97 art. 6 and C143 part II: unions sought equal treatment to stop undercutting (Penninx & Roosblad 2000); 0.8 our choice',
      SHARE,
    ),
    { low: 0.6, high: 1, source: 'Penninx & Roosblad 2000; 0.8 our choice, 0.6–1' },
  ),
  idealEmployers: uncertain(
    p(
      0.2,
      'ideal rights floor of employers’ organisations',
      'assumption',
      'Overbeek 2002, §4: temporary schemes alone serve employers looking for cheap workers; 0.2 our choice',
      SHARE,
    ),
    { low: 0, high: 0.4, source: 'assumption 0.2, 0–0.4' },
  ),
  idealStateSlope: uncertain(
    p(
      1,
      'weight of a state’s emigrant share in its ideal point',
      'assumption',
      'a state’s ideal = emigrants / (emigrants + immigrants): origin states protect nationals abroad, destination states the freedom to restrict (Hollifield 2004, the "migration state"); slope 1 our choice',
      NON_NEGATIVE,
    ),
    { low: 0.5, high: 2, source: 'assumption 1, halved and doubled' },
  ),
  // ── Policy competition (downward harmonisation, Overbeek 2002, §3) ──
  policyCompetition: p(
    0,
    'share of the gap to the competitive target a state closes each year (0 = no competition)',
    'assumption',
    'off by default; experiments turn it on. Thielemann 2004 and Hatton 2004: asylum policy interdependence among EU states',
    SHARE,
  ),
  competitionUndercut: uncertain(
    p(
      0.05,
      'how far below competitors’ mean rights level a state aims (share of the bundle)',
      'literature',
      'Hatton 2004 (Econ. Policy 19:38): a state’s tightening deflects applications to others, so each tightens relative to the rest; size our choice',
      SHARE,
    ),
    { low: 0, high: 0.1, source: 'Hatton 2004; 0.05 our choice, 0–0.1' },
  ),
  burdenResponse: uncertain(
    p(
      0.05,
      'cut of the rights level per unit of excess burden (arrivals share / population share − 1)',
      'literature',
      'Thielemann 2004 (Eur. Policy Forum): burden-shifting rather than sharing; size our choice',
      NON_NEGATIVE,
    ),
    { low: 0, high: 0.1, source: 'Thielemann 2004; 0.05 our choice, 0–0.1' },
  ),
  conventionFloor: p(
    0,
    '1: the standard adopted by a multilateral body binds as a floor on every state’s rights level',
    'assumption',
    'Overbeek 2002, §§3–4: democratic multilateralism as a safeguard against downward harmonisation',
    SHARE,
  ),
  // ── Lock-in (Overbeek 2002, §3: leaving regional processes becomes costly; Gill 1998) ──
  arrivalCostShare: uncertain(
    p(
      0.33,
      'cost to the receiving state of one arrival (asylum applicant or irregular entrant), share of its GDP per capita',
      'literature',
      'OECD 2017 (Migration Policy Debates 13): processing and accommodating an asylum seeker costs about €10,000 in the first year in European countries, a third of EU GDP per capita (about €29,000 in 2015, Eurostat); the same share assumed for an irregular entrant (apprehension, detention, removal)',
      NON_NEGATIVE,
    ),
    {
      low: 0.165,
      high: 0.66,
      source: 'OECD 2017: about a third of GDP per capita; halved and doubled',
    },
  ),
  // ── Transnational production (capital for labour, docs/architecture.md §1 A) ──
  fdiPeripheryMultiplier: p(
    1,
    'multiplier of FDI inflows into periphery countries (intervention)',
    'assumption',
    'intervention lever for the capital-for-labour experiment; 1 = the data',
    NON_NEGATIVE,
  ),
} as const satisfies Record<string, ParameterInfo>;

export type InstitutionParameters = ParameterValues<typeof INSTITUTION_PARAMETER_INFO>;

/** This layer's parameters as a set: their values, which names they are, their checks. */
export const INSTITUTION_PARAMETERS = parameterSet(INSTITUTION_PARAMETER_INFO);

/** The values of `INSTITUTION_PARAMETER_INFO`, optionally with some replaced (each replacement checked). */
export const institutionParameters = INSTITUTION_PARAMETERS.values;

/**
 * Documented uncertainty ranges of this layer's parameters, drawn by the parameter ensemble of
 * experiments (src/experiments/uncertainty.ts) beside the engine's `PARAMETER_RANGES`; each is set
 * beside its parameter in `INSTITUTION_PARAMETER_INFO` (`uncertain`). Levers of an experiment
 * (policyCompetition, conventionFloor, fdiPeripheryMultiplier) are not uncertain and are not here.
 */
export const INSTITUTION_PARAMETER_RANGES = uncertaintyRanges(INSTITUTION_PARAMETER_INFO);
