/**
 * The geography the regional refugee definitions turn on (OAU 1969: Africa; Cartagena 1984: Latin
 * America). Taken from the UN M49 regions in data/world/countries/un_m49_country_codes.csv: region
 * "Africa", and the intermediate regions Caribbean, Central America and South America (the UN's
 * "Latin America and the Caribbean"). Territories are kept: they cost nothing and a case may name them.
 */

/** ISO3 codes of the UN M49 region Africa. */
export const AFRICA: ReadonlySet<string> = new Set(
  'AGO ATF BDI BEN BFA BWA CAF CIV CMR COD COG COM CPV DJI DZA EGY ERI ESH ETH GAB GHA GIN GMB GNB GNQ IOT KEN LBR LBY LSO MAR MDG MLI MOZ MRT MUS MWI MYT NAM NER NGA REU RWA SDN SEN SHN SLE SOM SSD STP SWZ SYC TCD TGO TUN TZA UGA ZAF ZMB ZWE'.split(
    ' ',
  ),
);

/** ISO3 codes of the UN M49 Latin America and the Caribbean. */
export const LATIN_AMERICA: ReadonlySet<string> = new Set(
  'ABW AIA ARG ATG BES BHS BLM BLZ BOL BRA BRB BVT CHL COL CRI CUB CUW CYM DMA DOM ECU FLK GLP GRD GTM GUF GUY HND HTI JAM KNA LCA MAF MEX MSR MTQ NIC PAN PER PRI PRY SGS SLV SUR SXM TCA TTO URY VCT VEN VGB VIR'.split(
    ' ',
  ),
);

/** The region of an origin that the regional definitions read. */
export function originRegion(iso3: string): 'africa' | 'latin_america' | 'other' {
  return AFRICA.has(iso3) ? 'africa' : LATIN_AMERICA.has(iso3) ? 'latin_america' : 'other';
}
