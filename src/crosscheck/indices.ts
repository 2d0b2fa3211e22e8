/**
 * The published policy indices our compliance scores are checked against, and how our criteria map
 * onto their strands. The values are in data/policy/ (SOURCES.md there names the public copies);
 * the mappings were written from the indices' published strand definitions before any comparison
 * was run, and are not tuned to the result (docs/rules.md §9 says where they disagree and why).
 */

/** One strand of an index and the criteria of ours (`convention#criterion`) that score it. */
export interface Strand {
  id: string;
  title: string;
  criteria: string[];
}

export interface PolicyIndex {
  id: string;
  title: string;
  /** Edition of the index the values come from. */
  edition: string;
  /** The year the edition's values describe. */
  year: number;
  /** The date our policies are read on for the comparison. */
  date: string;
  /** CSV under data/policy/ with a column `iso3`, optionally `year`, and the value column. */
  file: string;
  column: string;
  /** Whether a higher value of the index means a more open or inclusive policy (MIPEX) or a more restrictive one (IMPIC). */
  higherIsOpen: boolean;
  citation: string;
  strands: Strand[];
  /** Strands of the index no field of our policies can score. */
  unmapped: string[];
}

export const INDICES: Record<string, PolicyIndex> = {
  mipex: {
    id: 'mipex',
    title: 'Migrant Integration Policy Index',
    edition: 'MIPEX III (2011), as coded in the replication data of Manatschal and Bernauer (2016)',
    year: 2010,
    date: '2010-05-01',
    file: 'data/policy/mipex-2010.csv',
    column: 'mipex_2010',
    higherIsOpen: true,
    citation:
      'Huddleston, Niessen et al. (2011) Migrant Integration Policy Index III, British Council and Migration Policy Group; values from Manatschal and Bernauer (2016), West European Politics 39(2), replication data',
    strands: [
      {
        id: 'labour_market_mobility',
        title: 'Labour market mobility',
        criteria: [
          'ilo-c143-criteria#c143-equal-treatment-lawful',
          'ilo-c143-criteria#c143-free-choice-after-two-years',
          'ilo-c97-criteria#c97-equal-treatment-residents',
        ],
      },
      {
        id: 'family_reunion',
        title: 'Family reunion',
        criteria: [
          'ilo-c143-criteria#c143-family-reunification',
          'regional-migration-convention#family-reunification-open',
        ],
      },
      {
        id: 'political_participation',
        title: 'Political participation',
        criteria: ['international-migration-framework-convention#migrant-local-participation'],
      },
      {
        id: 'long_term_residence',
        title: 'Long-term residence',
        criteria: [
          'eu-long-term-residents-criteria#ltr-five-years',
          'eu-long-term-residents-criteria#ltr-permanent-permit',
          'eu-long-term-residents-criteria#ltr-absence-twelve-months',
          'eu-long-term-residents-criteria#ltr-expulsion-protection',
          'eu-long-term-residents-criteria#ltr-equal-treatment',
        ],
      },
      {
        id: 'access_to_nationality',
        title: 'Access to nationality',
        criteria: [
          'international-migration-framework-convention#naturalisation-route',
          'international-migration-framework-convention#dual-citizenship-tolerated',
        ],
      },
    ],
    unmapped: ['education', 'anti_discrimination'],
  },
  impic: {
    id: 'impic',
    title: 'Immigration Policies in Comparison',
    edition: 'IMPIC 2016 release (1980–2010), overall index AvgS_ImmPol',
    year: 2010,
    date: '2010-07-01',
    file: 'data/policy/impic-2016.csv',
    column: 'immpol',
    higherIsOpen: false,
    citation:
      'Helbling, Bjerre, Römer and Zobel (2017) Measuring immigration policies: the IMPIC database, European Political Science 16(1); IMPIC 2016 release',
    strands: [
      {
        id: 'family',
        title: 'Family reunification',
        criteria: [
          'ilo-c143-criteria#c143-family-reunification',
          'regional-migration-convention#family-reunification-open',
        ],
      },
      {
        id: 'labour',
        title: 'Labour migration',
        criteria: [
          'global-compact-migration-criteria#gcm-5-regular-pathways',
          'regional-migration-convention#permanent-immigration-quota',
          'ilo-c143-criteria#c143-free-choice-after-two-years',
        ],
      },
      {
        id: 'asylum',
        title: 'Asylum and refugees',
        criteria: [
          'international-migration-framework-convention#refugee-definition-applied',
          'international-migration-framework-convention#humanitarian-non-return',
          'international-migration-framework-convention#status-for-non-returnable',
        ],
      },
      {
        id: 'control',
        title: 'Control (external and internal)',
        criteria: [
          'global-compact-migration-criteria#gcm-13-detention-last-resort',
          'international-migration-framework-convention#no-unaccountable-externalisation',
        ],
      },
    ],
    unmapped: ['co_ethnics'],
  },
};
