/**
 * Every parameter of the world model: value, unit and source. Kernels read `Parameters` (plain
 * numbers, so it crosses to worker threads as is); `PARAMETER_INFO` says where each came from. The
 * machinery (source kinds, ranges, checks, the documentation's table) is src/shared/parameter-info.ts;
 * the table in docs/model.md §4 is generated from this file (`npm run docs:tables`).
 */
import {
  checkParameterValue,
  parameter as p,
  parameterValues,
  uncertain,
  uncertaintyRanges,
} from '../shared/parameter-info.ts';
import type { ParameterInfo } from '../shared/parameter-info.ts';

export type { ParameterInfo };

/**
 * How the stage-1 parameters were fitted, said once: the run (starts, seed, scale, tables,
 * evaluations), its loss and its fit are in docs/model.md §5, which each recalibration updates.
 */
/** The run behind the calibrated values (docs/model.md §5, the recalibration of 2026-12-08). */
const STAGE_1 =
  'stage 1 of calibrate.ts, the run of 2026-12-08 01:10 UTC on main 264b68d (command, loss and fit: docs/model.md §5)';

/** The parameters, with their provenance. Edit values here only. */
export const PARAMETER_INFO = {
  // ── Demography ───────────────────────────────────────────────────────────
  mortality0: p(
    0.0015,
    'per year, ages 15–29',
    'literature',
    'UN WPP 2019 world abridged life tables, 1990–2005 average nqx/n',
  ),
  mortality1: p(0.003, 'per year, ages 30–44', 'literature', 'UN WPP 2019 world abridged life tables'),
  mortality2: p(0.008, 'per year, ages 45–64', 'literature', 'UN WPP 2019 world abridged life tables'),
  mortality3: p(0.05, 'per year, ages 65+', 'literature', 'UN WPP 2019 world abridged life tables'),
  ageingRate: p(
    1 / 15,
    'per year, chance of moving to the next age band',
    'assumption',
    '15-year bands, uniform ages within a band',
  ),
  initialOldShare: p(
    0.15,
    'share of the 1990 migrant stock aged 65+',
    'literature',
    'UN DESA International Migrant Stock 2019, age tables (≈ 15% of migrants 65+ in 1990)',
  ),
  cohortArrivalAgeMax: p(
    40,
    'years: those of a corridor settled in one closed episode were aged evenly 0 to this on arrival (settlement-cohorts mechanism)',
    'assumption',
    'whole families moved at the Partition of 1947, and the post-war European emigrants to Argentina were mostly young adults with their children; ages 0–39 held about three in four of the populations of the time (a young population, median age near 20), those older are left out: an assumption, which lowers the share aged 65+ in 1990 (the share and the median were not checked against a published age table, 2026-12-08)',
    [1, 100],
  ),
  // ── Labour market ────────────────────────────────────────────────────────
  labourShare: p(
    0.55,
    'share of GDP paid as labour compensation',
    'literature',
    'Penn World Table 10 labsh, world median 1990–2005 (Feenstra, Inklaar & Timmer 2015)',
  ),
  lowSkillRelativeWage: uncertain(
    p(
      0.6,
      'low-skill wage / average wage',
      'literature',
      'OECD Employment Outlook 1996 ch. 3: bottom-decile to median earnings ≈ 0.5–0.7',
    ),
    {
      low: 0.5,
      high: 0.7,
      source: 'OECD Employment Outlook 1996 ch. 3: bottom-decile to median earnings ≈ 0.5–0.7',
    },
  ),
  highSkillRelativeWage: uncertain(
    p(
      2.0,
      'high-skill wage / average wage',
      'literature',
      'Psacharopoulos & Patrinos 2004 (Educ. Econ. 12:2): tertiary premium ≈ 80–120% over average',
    ),
    {
      low: 1.8,
      high: 2.2,
      source: 'Psacharopoulos & Patrinos 2004: tertiary premium ≈ 80–120% over average',
    },
  ),
  mediumSkillWagePremium: p(
    1.3,
    'medium-skill wage / low-skill wage (also the self-employed’s rate)',
    'literature',
    'OECD Education at a Glance 2005, table A9.1a: adults below upper-secondary education earn ≈ 75–85% of those with upper-secondary education (OECD countries), a ratio of 1.2–1.33',
    [1, 10],
  ),
  informalDiscount: uncertain(
    p(
      0.25,
      'share of the formal rate withheld from irregular workers',
      'literature',
      'Rivera-Batiz 1999 (J. Pop. Econ. 12:91): legal–undocumented gap 41%, about half unexplained; Kossoudji & Cobb-Clark 2002: 6–14% legalisation premium; 0.25 within that range',
    ),
    {
      low: 0.1,
      high: 0.4,
      source:
        'Kossoudji & Cobb-Clark 2002: 6–14% legalisation premium; Rivera-Batiz 1999: 41% gap, about half unexplained',
    },
  ),
  workerBargainingPower: uncertain(
    p(
      0.75,
      'share of the surplus above their outside option that workers tied to their employer win in the wage bargain',
      'literature',
      'set so that a tie to the employer costs ≈ 10% of the wage at the model’s usual outside option (absconding, ≈ 0.6 × the rate): Naidu, Nyarko & Wang 2016 (JPE 124:6), the UAE reform letting migrants change employer raised their wages ≈ 10%; estimates for workers in general run from ≈ 0.05 (Hagedorn & Manovskii 2008) to 0.72 (Shimer 2005) (kernels/labour-market.ts)',
      [0, 1],
    ),
    {
      low: 0.5,
      high: 0.9,
      source:
        'a tie costing 5–20% of the wage at the usual outside option, around Naidu, Nyarko & Wang 2016’s ≈ 10% (assumption)',
    },
  ),
  wageSupplyEffect: uncertain(
    p(
      0.119,
      '% wage change per percentage point of immigrant share (negative)',
      'literature',
      'Longhi, Nijkamp & Poot 2005 (J. Econ. Surveys 19:3) meta-analysis',
    ),
    {
      low: 0.06,
      high: 0.24,
      source: 'Longhi, Nijkamp & Poot 2005: 0.119, halved and doubled (assumption)',
    },
  ),
  informalEmployment: p(
    0.85,
    'employment probability in the informal segment relative to formal',
    'assumption',
    'our choice; irregular workers are mostly employed (Passel 2006: 94% of undocumented men in work)',
  ),
  // ── Decisions (random utility, docs/model.md §3.3) ───────────────────────────────
  aspirationRate: p(
    0.012,
    'share of working-age people considering a move abroad each year',
    'literature',
    'Esipova, Ray & Pugliese 2011 (Gallup World Poll): ≈ 1.1% of adults plan to move abroad in the next 12 months',
  ),
  humpPeakPpp: p(
    7500,
    'GDP per capita PPP at which emigration peaks, in the dollars of the model’s incomes (constant 2021 PPP)',
    'assumption',
    'Clemens 2014 (CGD WP 359) puts the peak at $6,000–8,000 in constant 2005 PPP dollars; the model’s incomes are constant 2021 PPP dollars (WDI NY.GDP.PCAP.PP.KD), in which his peak countries (Albania, Algeria, El Salvador) had 8.6–14.5 k in 2010, so his peak is ≈ 10,000–11,000 here; 7,500 is kept because at 11,000 the fit is worse even after a re-search of the destination constants (docs/model.md §8, the hump’s dollars); kind assumption: Clemens’s figure in the wrong dollars, kept for the fit',
  ),
  humpWidth: p(
    1.2,
    'log-units, width of the emigration hump',
    'assumption',
    'fits the shape of Clemens 2014 fig. 1 by eye',
  ),
  betaWage: uncertain(
    p(
      1.0,
      'utility per log-point of expected wage gain',
      'literature',
      'Beine, Bertoli & Fernández-Huertas Moraga 2016 (World Econ. 39:4): income elasticities 0.5–1.5',
    ),
    { low: 0.5, high: 1.5, source: 'Beine, Bertoli & Fernández-Huertas Moraga 2016: 0.5–1.5' },
  ),
  betaDistance: uncertain(
    p(
      0.8,
      'utility per log-km',
      'literature',
      'Mayda 2010 (J. Pop. Econ. 23:1249); Beine et al. 2016: distance elasticities −0.5 to −1.3',
    ),
    { low: 0.5, high: 1.3, source: 'Mayda 2010; Beine et al. 2016: −0.5 to −1.3' },
  ),
  betaNetwork: p(
    0.5,
    'utility per log of diaspora size',
    'literature',
    'Beine, Docquier & Özden 2011 (JDE 95:1): diaspora elasticity ≈ 0.47',
  ),
  betaCost: uncertain(
    p(
      0.6,
      'utility per log of cost relative to annual income',
      'assumption',
      'our choice: a year’s income in fees halves the odds',
    ),
    { low: 0.3, high: 1.2, source: 'assumption 0.6, halved and doubled' },
  ),
  betaRisk: p(
    20,
    'utility per unit probability of death en route',
    'assumption',
    'our choice: a 5% death risk costs one unit of utility',
  ),
  betaSecurity: p(
    1.0,
    'utility of a permanent status vs none',
    'assumption',
    'our choice; status security matters (de Haas 2021)',
  ),
  betaBorder: p(
    2.0,
    'utility of a land border for people fleeing violence',
    'literature',
    'UNHCR Global Trends: ≈ 80% of refugees are hosted in neighbouring countries',
  ),
  betaViolence: p(
    3.0,
    'disutility of staying under war for the violence-exposed',
    'assumption',
    'our choice; with flightShare (calibrated) it sets the flows of those fleeing',
  ),
  establishmentCapital: p(
    1,
    "capital an establishment route asks of a mover, in years of the destination's GDP per capita",
    'assumption',
    "investor and entrepreneur routes ask for far more: US EB-5 US$ 0.5–1 M, E-2 a 'substantial' investment (INA §§203(b)(5), 101(a)(15)(E)); Canada's investor class C$ 350–800 k (Immigration Regulations 1978); one year of the destination's income is a floor well below them",
    [0, 1000],
  ),
  familySponsorRate: p(
    0.02,
    'family migrants a route admits a year per person of its diaspora (kin need a sponsor living there)',
    'literature',
    'US: family-sponsored and immediate-relative admissions 0.45–0.6 M a year in 1991–2005 on a foreign-born population of 20–37 M, 1.6–2.5% (DHS Yearbook of Immigration Statistics, table 6); Canada: family class 60–100 k a year on 4.3–6.1 M foreign-born, 1.5–2% (CIC Facts and Figures 2005); 2%',
    [0, 1],
  ),
  networkCredit: p(
    2.0,
    'multiple of own savings a migrant can borrow from a diaspora',
    'assumption',
    'our choice; networks finance moves (Massey et al. 1993)',
  ),
  networkCreditMinDiaspora: p(
    1000,
    "persons of a route's diaspora from which it lends to movers (networkCredit)",
    'assumption',
    'our choice: a community of a thousand, the unit of the network term; networks finance moves (Massey et al. 1993)',
    [0, 1e9],
  ),
  familySponsorSaturation: p(
    20000,
    "diaspora at which half of a route's would-be family migrants find a sponsor (family eligibility S / (S + this), S the sponsors)",
    'assumption',
    'our choice; only residents sponsor kin (familySponsorRate bounds the admissions, this the eligibility)',
    [1, 1e9],
  ),
  travelCostBase: p(
    150,
    'US$ a move costs before distance (documents, fees to intermediaries, local travel)',
    'assumption',
    'our choice; the channel’s own fee (policy tables) and the smugglers’ price come on top',
    [0, 1e6],
  ),
  travelCostPerKm: p(
    0.08,
    'US$ a move costs per km of great-circle distance',
    'assumption',
    'our choice, near the average airline passenger yield of the 1990s (≈ US$ 0.08–0.10 per passenger-km, ICAO annual reports)',
    [0, 100],
  ),
  betaDestinationSize: p(
    0.0951502,
    "utility per log of the destination's population (in millions): the size of its labour market",
    'calibrated',
    `Nelder–Mead on the loss of calibration-loss.ts, chiefly the destinations and regions: ${STAGE_1}; a country is an aggregate of many places and jobs, whose logit utility carries the log of their number with coefficient 1 when all are alike (McFadden 1978, in Karlqvist et al., Spatial Interaction Theory); below 1 where wages and networks already carry the size`,
    [0, 2],
  ),
  betaLabourDemand: p(
    0.261415,
    'utility per percentage point a year of labour demand at the destination (jobs growth above native working-age growth) on the channels that lead to work',
    'calibrated',
    `Nelder–Mead on the loss of calibration-loss.ts, chiefly the destinations and regions: ${STAGE_1}; destination labour markets pull migrants: Mayda 2010 (J. Pop. Econ. 23:1249), Hanson & McIntosh 2010`,
    [0, 5],
  ),
  choiceSetDiasporas: p(
    4,
    'largest simulated diasporas of an origin kept in its evolving choice set (choice-sets mechanism; 0: the set is filled by pull alone)',
    'assumption',
    'our choice: as many as the land neighbours kept (kernels/move/choice-set.ts); a network is how a destination comes to be considered (Massey et al. 1993), and the frozen sets kept the largest diasporas of the starting stock',
    [0, 14],
  ),
  employmentElasticity: p(
    0.35,
    'growth of employment per growth of real GDP, where the Penn World Table has no employment',
    'literature',
    'Kapsos 2005 (ILO Employment Strategy Paper 2005/12): global employment elasticity of growth 0.38 (1991–95), 0.34 (1995–99), 0.30 (1999–2003)',
    [0, 1.5],
  ),
  coEthnicRate: p(
    0.06,
    'share of an entitled co-ethnic population settling in its homeland a year, per log point of the homeland’s GDP per capita (PPP) over the origin’s (co-ethnic mechanism)',
    'literature',
    'Aussiedler from the former Soviet Union 148–213 k a year in 1990–95 (147,950 in 1990, 207,347 in 1993, 213,214 in 1994, 209,409 in 1995: the Federal Government’s commissioner for Aussiedler, as published in StGB NRW-Mitteilung 41/1997 and on the site Geschichte der Russlanddeutschen; checked 2026-12-08, the earlier text said 150–200 k) on ≈ 2.0 M Germans there (1989 census), ≈ 7–10% a year, at ln(Germany / Kazakhstan GDP per capita PPP) ≈ 1.5: ≈ 0.06',
    [0, 1],
  ),
  registeredRefugeeGrowth: p(
    0.04,
    'births a year into the count of Palestine refugees registered with UNRWA in Jordan, Lebanon and Syria, per registered refugee (registered-refugees mechanism)',
    'literature',
    'the registered grew ≈ 3.6% a year net: 1.48 M in the three fields in 1990 (UN DESA, which adds UNRWA’s registrations) to 2.85 M at the end of 2008 (60.7% of UNRWA’s 4.7 M, PCBS 2009 from UNRWA records); plus ≈ 0.5% a year for the deaths the model’s mortality takes from them',
    [0, 0.1],
  ),
  ascStay: p(
    5.75673,
    'utility of staying (alternative-specific constant)',
    'calibrated',
    `Nelder–Mead on the loss of calibration-loss.ts, chiefly the world stock: ${STAGE_1}`,
  ),
  flightShare: p(
    0.0155566,
    'share of a population forced to consider flight abroad in a year in which organised violence kills one inhabitant in 1,000',
    'calibrated',
    `Nelder–Mead on the loss of calibration-loss.ts, chiefly UNHCR refugees by country of asylum: ${STAGE_1}; order of magnitude: Bosnia and Herzegovina 1992, ≈ 6 deaths per 1,000 (UCDP GED) and ≈ 0.8 M of 4.4 M abroad by the end of the year (UNHCR 1995)`,
    [0, 1],
  ),
  flightDeathElasticity: p(
    1.45719,
    'elasticity of the share forced to consider flight to the deaths in organised violence per inhabitant',
    'calibrated',
    `Nelder–Mead on the loss of calibration-loss.ts, chiefly UNHCR refugees by country of asylum: ${STAGE_1}; above 1, so the small wars of the period drive few abroad and the mass killings many, within the bound of forcedMaxShare: Rwanda 1994 (≈ 130 deaths per 1,000, one-sided violence above all) drove ≈ 2 M of 6 M abroad, Bosnia 1992 (≈ 6 per 1,000) ≈ 0.8 M of 4.4 M (UNHCR 1995)`,
    [0, 2],
  ),
  ascAfrica: p(
    0,
    'utility of a destination in Africa (destination-region constant; reference)',
    'assumption',
    'reference region of the destination constants (fixed at 0)',
  ),
  ascAmericas: p(
    4.37013,
    'utility of a destination in the Americas (destination-region constant)',
    'calibrated',
    `Nelder–Mead on the loss of calibration-loss.ts, chiefly the UN DESA stocks by region: ${STAGE_1}`,
  ),
  ascAsia: p(
    1.30035,
    'utility of a destination in Asia (destination-region constant)',
    'calibrated',
    `Nelder–Mead on the loss of calibration-loss.ts, chiefly the UN DESA stocks by region: ${STAGE_1}`,
  ),
  ascEurope: p(
    2.34468,
    'utility of a destination in Europe (destination-region constant)',
    'calibrated',
    `Nelder–Mead on the loss of calibration-loss.ts, chiefly the UN DESA stocks by region: ${STAGE_1}`,
  ),
  ascOceania: p(
    2.45725,
    'utility of a destination in Oceania (destination-region constant)',
    'calibrated',
    `Nelder–Mead on the loss of calibration-loss.ts, chiefly the UN DESA stocks by region: ${STAGE_1}`,
  ),
  forcedMaxShare: p(
    0.35,
    'most of a population forced to consider flight in a year',
    'literature',
    'Rwanda 1994: ≈ 2.1 M of ≈ 6 M fled abroad within months, the largest share of the period (UNHCR, The State of the World’s Refugees 1995 and 2000, ch. 10)',
    [0, 1],
  ),
  resettlementFill: p(
    0.85,
    "share of a resettlement programme's persons admitted (a ceiling is not a quota)",
    'literature',
    'US admissions against the Presidential Determinations, FY1990–2005: about 1.31 M admitted on ceilings of 1.56 M (State Department, Refugee Processing Center WRAPS, as tabulated by the Migration Policy Institute Data Hub); 88–98% of the ceiling before September 2001, 39–77% in FY2002–05',
    [0, 1],
  ),
  hostCapacityShare: p(
    0.25,
    'refugees per inhabitant at which a country of first asylum draws no more of those fleeing (mass-influx mechanism)',
    'literature',
    'the largest refugee load a country carried: Lebanon, 232 refugees per 1,000 inhabitants at the end of 2014 (1.15 M; UNHCR Global Trends 2014, World at War) after a peak of 257 at mid-2014 (as reported with that report; UNHCR’s Mid-Year Trends 2014 table not seen), 183 at the end of 2015 (UNHCR Global Trends 2015), so ≈ 25% at most (checked 2026-12-08: the earlier citation gave Global Trends 2015 for ≈ 25%); Malawi 1.06 M Mozambicans at the end of 1992 (refugees/unhcr_population_1951_2005.csv) on 9.4–9.8 M inhabitants (UN WPP, migrant_stock/undesa_ims2020_country_totals_1990_2005.csv), ≈ 11%',
    [0.001, 1],
  ),
  // ── Smuggling market ─────────────────────────────────────────────────────
  smugglingPriceBase: p(
    700,
    'US$ per crossing with no enforcement, 2000 km route',
    'literature',
    'Roberts, Hanson, Cornwell & Borger 2010, An Analysis of Migrant Smuggling Costs along the Southwest Border (DHS Office of Immigration Statistics working paper): Mexico–US fees of about US$ 600–1,000 in 1990 in real terms (National Research Council 2013, Options for Estimating Illegal Entries at the U.S.–Mexico Border, p. 33), about US$ 600 in 1993 by their lower estimate; 700 lies in that range',
  ),
  smugglingPriceEnforcement: uncertain(
    p(
      1.5,
      'log price per unit of enforcement',
      'literature',
      'Roberts et al. 2010; Gathmann 2008 (J. Pub. Econ. 92): fees rose 2–4× as US border enforcement grew ~5× (1990–2005); Roberts et al.: US$ 600–1,000 in 1990 to about 2,500 in 2010 in real terms (National Research Council 2013, p. 33), about 600 in 1993 to 1,500 in 2007 by their lower estimate',
    ),
    {
      low: 0.75,
      high: 2.25,
      source: 'Roberts et al. 2010; Gathmann 2008: fees rose 2–4× as enforcement grew ~5×; ±50% around 1.5',
    },
  ),
  smugglingPriceDistance: p(
    0.5,
    'elasticity of price to route length',
    'assumption',
    'our choice; long-haul smuggling costs $5,000–30,000 (Petros 2005, UNODC 2010)',
  ),
  smugglingReferenceWage: p(
    17873,
    'US$ a year: the low-skill wage of the labour market where smugglingPriceBase was observed (smuggling-price-by-wage mechanism)',
    'data',
    "the model's low-skill wage of the United States in 1990 (kernels/labour-market.ts, from the shipped GDP, population and labour data), the market of Roberts et al. 2010's fee; checked 2026-12-08: wageRates gives 17,873.3 for the United States in 1990 with labourShare 0.55, lowSkillRelativeWage 0.6, wageSupplyEffect 0.119 and UN DESA's 23.27 M foreign-born; the constant does not follow lowSkillRelativeWage or wageSupplyEffect when the uncertainty runs vary them",
    [1, 1e6],
  ),
  smugglingPriceWageElasticity: p(
    0.5,
    "elasticity of the smugglers' price to the destination's low-skill wage below smugglingReferenceWage (smuggling-price-by-wage mechanism)",
    'assumption',
    "chosen between 0.5 and 1 by regimes fit (3 seeds, scale 1000, main a3f01fb): 1 gave destinations 0.195 but corridors 26.1% against 25.2%, 0.5 destinations 0.201, corridors 25.0%, world stock 1.3% against 1.8%; at 0.5 Myanmar → Thailand costs the smugglers ≈ US$ 190 in 2000 (wage ratio 0.085) against the US border's ≈ US$ 700 × enforcement; the fees reported for the route are higher: 13,000–20,000 baht (≈ US$ 400–600) in 2021 (Bangkok Post, 10 April 2021) and 20,000 baht (US$ 590) in 2024 (Radio Free Asia, September 2024); a figure for the 1990s–2000s was not found (Huguet & Punpuing 2005, IOM Bangkok, was cited for one; not found there, 2026-12-08; kernels/smuggling.ts)",
    [0, 3],
  ),
  interceptionMax: uncertain(
    p(
      0.35,
      'share of crossings intercepted at full enforcement',
      'literature',
      'Espenshade 1995 (Int. Migr. Rev. 29:2): apprehension probability ≈ 0.3 per attempt',
    ),
    {
      low: 0.2,
      high: 0.5,
      source: 'Espenshade 1995: apprehension probability ≈ 0.3 per attempt; 0.2–0.5',
    },
  ),
  retryProbability: uncertain(
    p(
      0.8,
      'chance that a migrant intercepted at the border tries again the same year (each time)',
      'literature',
      'Massey & Singer 1995 (Demography 32:2): apprehended Mexican migrants nearly always tried again; Cornelius 2001 (PDR 27:4): most of those caught eventually got across; 0.8 our choice, lower than on the Mexico–US border for long sea routes (kernels/move/retries.ts)',
      [0, 0.99],
    ),
    {
      low: 0.5,
      high: 0.95,
      source:
        'Massey & Singer 1995; Cornelius 2001: nearly all retry on the Mexico–US border (0.95); fewer on long sea routes (0.5, assumption)',
    },
  ),
  deathRateLand: p(
    0.0005,
    'deaths per land crossing with no enforcement',
    'literature',
    'Eschbach et al. 1999 (Int. Migr. Rev. 33:2); Cornelius 2001 (PDR 27:4): ~300–500 deaths per ~1M crossings',
  ),
  deathRateSea: p(
    0.01,
    'deaths per sea crossing with no enforcement',
    'literature',
    'IOM Missing Migrants Project; IOM GMDAC briefing, Calculating “death rates” in the context of migration journeys: focus on the Central Mediterranean (the rate depends on the denominator: arrivals or attempts); UNHCR, Desperate Journeys (January 2019): on the routes from Libya one death for every 38 arrivals in 2017 (2.6%) and every 14 in 2018 (7%), years of interceptions by the Libyan coast guard; 0.01 is lower, for a crossing without enforcement (checked 2026-12-08: the earlier citation, Zens & Sigman 2026 and Farcomeni with 1–2.5%, could not be found)',
  ),
  deathEnforcement: p(
    1.0,
    'relative rise of death rate per unit of enforcement',
    'literature',
    'Cornelius 2001: deaths doubled after Operation Gatekeeper moved routes into deserts',
  ),
  organisedCrimeBase: p(
    -1.0,
    'logit of organised-crime share with no enforcement',
    'assumption',
    'our choice: ≈ 27% (local guides dominate without enforcement)',
  ),
  organisedCrimeEnforcement: p(
    3.0,
    'logit rise per unit of enforcement',
    'assumption',
    'Overbeek 2002, §1 (irregular migration increasingly through organised crime); Andreas 2001',
  ),
  // ── Asylum and removal ───────────────────────────────────────────────────
  decisionRate: p(
    0.6,
    'share of pending claims decided per year',
    'literature',
    'UNHCR Statistical Yearbooks 2000–2005: pending ≈ 0.8–1 M vs ≈ 1.3 M decisions a year',
  ),
  credibility: p(0.8, 'share of claims meeting the test that are recognised', 'assumption', 'our choice'),
  inCountryClaimRate: p(
    3,
    'asylum claims a year per irregular resident who has not claimed before, per unit of the chance of recognition its claim has where it lives (in-country-asylum mechanism; the probability is at most 1)',
    'assumption',
    'set by a grid search on the asylum applications lodged in 21 industrialised countries in 2000–2005 (UNHCR, data/world/refugees/unhcr_asylum_applications_2000_2005.csv, new and unspecified applications, government and joint procedures: 404–733 k a year), mean |ln(model / UNHCR)| over the 126 country-years (seed 1, scale 1,000, 2026-12-07): 0.3 → 1.71, 1 → 1.24, 3 → 0.926, 10 → 0.925 (without the mechanism 2.39); 3, the smallest rate within 0.01 of the best; at 3 an irregular resident without a protection claim claims with P = 3 × falsePositive = 9% a year, one from a country at war where the doctrine protects the victims of war within the year; kind assumption: chosen by hand against the targets of regimes fit, not by calibrate.ts, whose fits alone are calibrated',
    [0, 100],
  ),
  falsePositive: p(
    0.03,
    'share of claims not meeting the test that are recognised',
    'assumption',
    'our choice',
  ),
  persecutionShare: uncertain(
    p(
      0.35,
      'share of the violence-exposed with an individual persecution claim',
      'assumption',
      'Zolberg, Suhrke & Aguayo 1989: activists and targets vs victims of violence',
    ),
    {
      low: 0.2,
      high: 0.5,
      source: 'Zolberg, Suhrke & Aguayo 1989; assumption 0.35, 0.2–0.5',
    },
  ),
  removalReturnable: uncertain(
    p(
      0.35,
      'share of rejected-returnable removed per year with a readmission agreement',
      'literature',
      'European Commission 2014 (COM(2014) 199): ≈ 40% of return decisions enforced',
    ),
    {
      low: 0.2,
      high: 0.5,
      source: 'European Commission 2014: ≈ 40% of return decisions enforced; 0.2–0.5',
    },
  ),
  removalIrregular: p(
    0.05,
    'share of irregular residents removed per year at full interior enforcement',
    'literature',
    'US DHS Yearbook 2005: ≈ 250k removals on ≈ 10 M unauthorised',
  ),
  abscondRate: p(
    0.5,
    'share of rejected-returnable not removed who go irregular each year',
    'assumption',
    'our choice',
  ),
  // ── Status transitions ───────────────────────────────────────────────────
  temporaryYears: p(
    2,
    'years of a temporary labour permit',
    'literature',
    'typical guest-worker permits (ILO 2004, Towards a fair deal for migrant workers)',
  ),
  temporaryRenewal: uncertain(
    p(
      0.6,
      'share of expiring temporary permits renewed (employed workers)',
      'literature',
      'Gulf contract renewals are the norm (Baldwin-Edwards 2011, LSE Kuwait Programme 15); 0.6 is our choice',
    ),
    {
      low: 0.3,
      high: 0.9,
      source: 'Baldwin-Edwards 2011: renewals the norm in the Gulf; 0.6 our choice, ±0.3',
    },
  ),
  regularisedRenewal: p(
    0.8,
    'share of the expiring permits of a regularisation renewed (the regularised who entered irregularly or as asylum seekers; the job the renewal asks for included)',
    'literature',
    'Baldwin-Edwards & Kraler 2009, REGINE: Regularisations in Europe (ICMPD), §3.3.1.1: some 80% of Spain’s regularised of 2005 still in the social security system and renewing a year later, 98% of Italy’s of 2002 with a legal status in 2005; the lower, Spain’s, taken',
    [0, 1],
  ),
  temporaryToPermanentRate: p(
    0.4,
    'share of expiring temporary workers who change to permanent where allowed',
    'assumption',
    'our choice',
  ),
  overstayRate: uncertain(
    p(
      0.3,
      'share of expiring temporary workers who overstay with no interior enforcement',
      'literature',
      'Martin 2001/Ruhs 2013: 20–40% of guest workers stayed on',
    ),
    { low: 0.2, high: 0.4, source: 'Martin 2001; Ruhs 2013: 20–40% of guest workers stayed on' },
  ),
  intraCorporateYears: p(
    3,
    'years of an intra-corporate transfer',
    'literature',
    'EU ICT directive 2014/66/EU: up to 3 years',
  ),
  naturalisationUptake: p(
    0.08,
    'share of eligible people naturalising per year',
    'literature',
    'OECD 2011 Naturalisation: A Passport for the Better Integration: ≈ 1/3 naturalised after 10 years',
  ),
  // ── Return and re-immigration ────────────────────────────────────────────
  refugeeNaturalisationUptake: p(
    0.01,
    'share of eligible refugees and people with complementary protection naturalising per year',
    'literature',
    'UNHCR Statistical Yearbooks 2001–2005 (local integration): ≈ 30–100 k refugees naturalised a year on 9–12 M, under 1% a year; local integration is the rarest durable solution',
  ),
  returnBase: uncertain(
    p(
      0.02,
      'share of settled migrants returning per year',
      'literature',
      'Borjas & Bratsberg 1996 (REStat 78:1): ≈ 20–30% of US immigrants leave within a decade; Dustmann & Weiss 2007 (BJIR 45:2)',
    ),
    {
      low: 0.015,
      high: 0.035,
      source: 'Borjas & Bratsberg 1996: ≈ 20–30% of US immigrants leave within a decade',
    },
  ),
  returnDurationYears: p(
    10,
    'years over which the return hazard of settled migrants falls by a factor e',
    'assumption',
    'our choice of scale; that the hazard falls with the stay: Dustmann & Görlach 2016 (JEL 54:1), Borjas & Bratsberg 1996 (most out-migration in the first years)',
    [0.5, 1000],
  ),
  temporaryReturnMultiplier: p(
    3,
    'return rate of temporary statuses relative to settled',
    'literature',
    'Dustmann & Weiss 2007: most temporary migrants leave within 5 years',
  ),
  repatriationRate: p(
    0.192171,
    'share of refugees repatriating per year once the violence at home has ended',
    'calibrated',
    `Nelder–Mead on the loss of calibration-loss.ts, chiefly UNHCR refugees by country of asylum: ${STAGE_1}`,
  ),
  repatriationInConflict: p(
    0.01,
    'share of refugees repatriating per year while the violence at home goes on at its worst',
    'assumption',
    'our choice',
  ),
  repatriationMemoryYears: p(
    10,
    'years over which the worst violence at home is remembered: repatriation rises as the violence falls below it',
    'assumption',
    'our choice: the flights of the period last a few years (UNHCR 2000, The State of the World’s Refugees, ch. 5–10); 10 years covers them',
    [1, 30],
  ),
  repatriationExileYears: p(
    15,
    'years in exile over which the repatriation of a refugee falls by a factor e (protracted situations)',
    'assumption',
    'our choice; that return becomes less likely the longer the exile: UNHCR 2004, Protracted refugee situations (EC/54/SC/CRP.14), five years or more as protracted',
    [1, 1000],
  ),
  interstateFlightWeight: p(
    0.1,
    'weight of a death in interstate war, against one in a civil war or one-sided violence, in the flight function (interstate-fronts mechanism)',
    'assumption',
    "our choice, checked on UNHCR's Eritreans in Sudan: the Eritrea–Ethiopia war of 1999–2000 killed ≈ 95 k, most of them soldiers at the front (UCDP GED, interstate), while UNHCR's Eritreans in Sudan went from 342 k (1999) to 367 k (2000) with 51 k returned (refugees/unhcr_population_1951_2005.csv), ≈ 75 k arrivals, where full weight makes the model's reach 0.64 M; 0.1 brings Sudan's 2000 to 0.53 M against UNHCR's 0.41 M (regimes fit, docs/results.md)",
    [0, 1],
  ),
  fallReturnShare: p(
    0.25,
    'least share of the refugees who fled before the fall of a government who repatriate in the year after it (fall-return mechanism)',
    'assumption',
    "UNHCR's counts (refugees/unhcr_population_1951_2005.csv): Afghans in Pakistan 3.10 M (1991) → 1.63 M (1992), 2.20 M (2001) → 1.23 M (2002); in Iran 4.15 M (1992) → 2.50 M (1993), 1.87 M (2001) → 1.31 M (2002): 30–47% in the first year; the lower end, since 0.4 (or 0.25 for two years) takes world refugees to a MAPE of 13.4% (13.6%) in regimes fit, the model lacking the new flight from Afghanistan of 2000–01 (2.0 M in Pakistan in 2000); kind assumption: chosen by hand against the targets of regimes fit, not by calibrate.ts, whose fits alone are calibrated",
    [0, 1],
  ),
  hostWarReturnShare: p(
    0.6,
    'least share of those who fled with a fallen government who repatriate in a year once war reaches its retreat (retreat-return mechanism)',
    'assumption',
    "UNHCR's Rwandans in Zaire (refugees/unhcr_population_1951_2005.csv): 1.10 M (1995) → 0.42 M (1996), a fall of 62% in the year the war in eastern Zaire broke up the camps (UNHCR 2000, The State of the World's Refugees, ch. 10; UNHCR Executive Committee, Update on Developments in the Great Lakes Region, EC/47/SC/CRP.38, 30 May 1997, ¶ 2: the large-scale return of November–December 1996 was precipitated by the conflict, checked 2026-12-08; 776,521 returned in 1996, same file); kind assumption: read from that one episode, not fitted by calibrate.ts",
    [0, 1],
  ),
  fallReturnYears: p(
    1,
    'years after the fall of a government in which its refugees repatriate at fallReturnShare at least (fall-return mechanism)',
    'assumption',
    "UNHCR's counts (as fallReturnShare): the Afghans in Pakistan and Iran fell steeply in the first year after the falls of 1992 and 2001 and slowly after (Iran's in the second after 1992, its programme starting late in 1992); two years take world refugees off their aim (fallReturnShare); kind assumption: chosen by hand against the targets of regimes fit, not by calibrate.ts, whose fits alone are calibrated",
    [1, 10],
  ),
  returneeYears: p(
    5,
    'years a returnee stays an agent (may re-immigrate) before joining the stayers',
    'assumption',
    'our choice',
  ),
  reImmigrationRate: p(
    0.05,
    'share of returnees leaving again per year',
    'literature',
    'Constant & Zimmermann 2011 (repeat migration, Germany): 60% of guest workers made repeat moves over 15 years',
  ),
  reImmigrationRetainedMultiplier: p(
    2,
    'multiplier when rights are retained on re-immigration',
    'assumption',
    'Overbeek 2002, §4: re-immigration with retained rights encourages circulation',
  ),
  // ── Remittances ──────────────────────────────────────────────────────────
  remittanceShare: p(
    0.14168,
    'share of wage remitted (recorded) in 1990',
    'calibrated',
    'stage 2 of calibrate.ts (the run of 2026-12-08, docs/model.md §5): least squares of ln(WDI remittances / model) on year, 1990–2005, both summed over the countries that report that year (src/world/remittance-coverage.ts)',
  ),
  remittanceTrend: p(
    -0.0190579,
    'yearly growth of the recorded share (formalisation, better recording)',
    'calibrated',
    'stage 2 of calibrate.ts (the run of 2026-12-08; WDI remittances 1990–2005 over the countries that report them); negative: the model’s remittances grow faster than those recorded by the same countries, although World Bank GEP 2006 ch. 4 attributes part of the recorded rise to better recording (docs/model.md §5)',
  ),
  remittanceDecayYears: uncertain(
    p(
      20,
      'e-folding years of remitting with time abroad',
      'literature',
      'Lucas & Stark 1985 (JPE 93:5); remittance-decay hypothesis',
    ),
    { low: 10, high: 30, source: 'Lucas & Stark 1985: 20; 10–30 (assumption)' },
  ),
  // ── Global labour market: commodification and transnational production (docs/architecture.md §1 A) ──
  commodificationBase: p(
    0.01,
    'yearly share of the non-wage workforce drawn into wage labour',
    'literature',
    'ILO KILM: wage-and-salaried share rose ≈ 0.5–1 pp a year in developing regions 1991–2005',
  ),
  commodificationIncorporation: p(
    0.05,
    'the same for ex-socialist economies 1990–2005',
    'literature',
    'ILO KILM: fast fall of cooperative and subsistence work in transition economies; Overbeek 2002, §1',
  ),
  subsistenceScalePpp: p(
    3000,
    'GDP per capita PPP scale of the subsistence share',
    'literature',
    'ILO KILM 2005: wage share ≈ 20–30% in low-income, ≈ 85–90% in high-income countries',
  ),
  fdiJobsPerMillion: uncertain(
    p(
      8,
      'wage jobs created per US$ 1 M of FDI inflow',
      'literature',
      'UNCTAD WIR 1999: ≈ 24 M jobs in affiliates in developing countries on ≈ $3 trn stock (order of magnitude)',
    ),
    {
      low: 4,
      high: 16,
      source: 'UNCTAD WIR 1999, order of magnitude 8; halved and doubled (assumption)',
    },
  ),
  fdiSubstitution: uncertain(
    p(
      0.5,
      'would-be emigrants who take an FDI job instead, per job',
      'assumption',
      'NIDL argument (Fröbel, Heinrichs & Kreye 1977, via Overbeek 2002, §1); size is our choice',
    ),
    {
      low: 0.25,
      high: 1,
      source: 'NIDL argument (Fröbel, Heinrichs & Kreye 1977); assumption 0.5, halved and doubled',
    },
  ),
  fdiUprooting: uncertain(
    p(
      1,
      'people drawn out of subsistence and household production into wage labour per FDI job, beyond the job holder',
      'assumption',
      'the uprooting effect of FDI (Sassen 1988, The Mobility of Labor and Capital; Massey et al. 1993, PDR 19:3; Overbeek 2002 §1): export production draws far more people into wage labour than it employs; 1 our choice (kernels/fdi.ts)',
      [0, 100],
    ),
    {
      low: 0,
      high: 3,
      source: 'assumption 1 (Sassen 1988): from no uprooting to three people per job',
    },
  ),
  // ── Regional processes (docs/model.md §3.12) ──────────────────────────
  visaConvergence: uncertain(
    p(
      0.3,
      'share of the gap to a new visa rule closed each year',
      'literature',
      'Czaika & de Haas 2017 (IMR 51:4): flows adjust slowly after a visa is introduced',
    ),
    { low: 0.1, high: 0.5, source: 'Czaika & de Haas 2017: 0.3; 0.1–0.5 (assumption)' },
  ),
  externalisationRamp: p(
    0.1,
    'transit enforcement added per year of externalisation',
    'assumption',
    'our choice',
  ),
  externalisationMax: p(0.5, 'most transit enforcement externalisation adds', 'assumption', 'our choice'),
  transitAidShare: uncertain(
    p(
      5e-5,
      'share of an externalising destination’s GDP paid to transit states as aid',
      'literature',
      'EU Trust Fund for Africa: ≈ €0.8 bn a year on ≈ €14 trn GDP (2015–2021)',
    ),
    {
      low: 2.5e-5,
      high: 1e-4,
      source: 'EU Trust Fund for Africa ≈ 5e-5 of GDP, halved and doubled (assumption)',
    },
  ),
} as const satisfies Record<string, ParameterInfo>;

export type ParameterName = keyof typeof PARAMETER_INFO;

/** The parameter values. */
export type Parameters = { [K in ParameterName]: number };

/** Throws `E_SIM_PARAMETER` unless `value` is finite and within the parameter's declared range. */
export function checkParameter(name: ParameterName, value: number, where = 'parameters'): void {
  checkParameterValue(PARAMETER_INFO, name, value, where);
}

/** The values of `PARAMETER_INFO`, optionally with some replaced (each replacement checked). */
export function parameters(overrides: Partial<Parameters> = {}): Parameters {
  return parameterValues(PARAMETER_INFO, overrides);
}

/** The parameters fitted by calibrate.ts (the rest are fixed from data, literature or assumption). */
export const CALIBRATED = (Object.keys(PARAMETER_INFO) as ParameterName[]).filter(
  (k) => PARAMETER_INFO[k].kind === 'calibrated',
);

/**
 * The documented uncertainty ranges the parameter ensemble draws from (parameter-ensemble.ts)
 * until the calibration supplies its own ensemble, each set beside its parameter in
 * `PARAMETER_INFO` (`uncertain`). Only parameters fixed from literature or by assumption have one:
 * the calibrated ones were fitted with these at their values, and vary in the calibrated ensemble
 * instead. A range is the published one where a source gives it; else it is the value halved and
 * doubled (or ± a stated share), named as an assumption.
 */
export const PARAMETER_RANGES = uncertaintyRanges(PARAMETER_INFO);
