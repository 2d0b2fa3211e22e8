import { describe, expect, it } from 'vitest';
import {
  changesBetween,
  eventsOf,
  loadBuiltinLibrary,
  resolve,
  type Amendment,
  type NationalPolicy,
  type Source,
} from './index.ts';
import { readFileSync } from 'node:fs';
import { compilePolicyTables } from '../rules/tables.ts';
import { UNKNOWN_ORIGIN_CODE } from '../world/bilateral.ts';
import { columnIndex, parseCsv } from '../world/csv.ts';
import { CHANNELS } from './schema/vocabulary.ts';

// The instruments of the last twenty years (issue 20) and the country policies added with them:
// regimes/instruments/*, regimes/amendments/*, regimes/policies/policy-*.yaml.
const lib = loadBuiltinLibrary();

/** Every amendment of the library that cites `instrument` in its sources. */
const amendmentsCiting = (instrument: string) =>
  lib
    .ofKind('Amendment')
    .map((d) => d.doc as Amendment)
    .filter((a) => a.id === instrument || a.sources.some((s) => s.instrument === instrument));

const INSTRUMENTS = [
  'dublin-iii-2013',
  'eu-turkey-statement-2016',
  'italy-libya-memorandum-2017',
  'uk-rwanda-arrangement-2022',
  'eu-temporary-protection-ukraine-2022',
  'eu-pact-migration-asylum-2024',
];
const NATIONAL_REFORMS = [
  'us-migrant-protection-protocols-2019',
  'us-title-42-expulsions-2020',
  'qatar-labour-reforms-2020',
  'deu-skilled-immigration-act-2020',
  'deu-skilled-immigration-act-2023',
  'jpn-specified-skilled-worker-2019',
  'can-express-entry-2015',
];

describe('the instruments of the last twenty years', () => {
  it('exist as Instruments with articles, each changing a national policy by a dated amendment', () => {
    for (const id of INSTRUMENTS) {
      const doc = lib.require(id, 'Instrument').doc;
      expect(doc.kind, id).toBe('Instrument');
      expect((doc as { articles?: unknown[] }).articles?.length, id).toBeGreaterThan(0);
      const amendments = amendmentsCiting(id);
      expect(amendments.length, id).toBeGreaterThan(0);
      for (const a of amendments) {
        const changes = changesBetween(lib, a.amends, '1990-01-01', '2030-12-31').filter(
          (c) => c.by === a.id,
        );
        expect(changes.length, `${a.id} changes ${a.amends}`).toBeGreaterThan(0);
        expect(changes.every((c) => c.date === a.effective)).toBe(true);
      }
    }
  });

  it('exist as national reforms: amendments of the country policy, listed by `changes`', () => {
    for (const id of NATIONAL_REFORMS) {
      const a = lib.require(id, 'Amendment').doc as Amendment;
      const changes = changesBetween(lib, a.amends, '1990-01-01', '2030-12-31').filter((c) => c.by === id);
      expect(changes.length, id).toBeGreaterThan(0);
    }
  });

  it('name only national policies that a regime lists, so the world model reads them', () => {
    const explicit = new Set(
      (resolve(lib, 'neoliberal', '2024-01-01').document as { national_policies: { explicit: string[] } })
        .national_policies.explicit,
    );
    for (const d of lib.ofKind('Amendment')) {
      const a = d.doc as Amendment;
      if (a.amends.startsWith('policy-')) expect(explicit.has(a.amends), a.id).toBe(true);
    }
  });

  it('reach the compiled tables: Title 42 closes the US asylum channel from 2020 to May 2023', () => {
    const countries = ['USA', 'MEX', 'HND'];
    const tiers = ['core', 'semi_periphery', 'periphery'] as const;
    const asylumOpen = (date: string) => {
      const t = compilePolicyTables(lib, 'neoliberal', date, countries, [...tiers]);
      const C = CHANNELS.length;
      return t.open[0 * countries.length * C + 2 * C + CHANNELS.indexOf('asylum')];
    };
    expect(asylumOpen('2019-06-01')).toBe(1);
    expect(asylumOpen('2021-06-01')).toBe(0);
    expect(asylumOpen('2023-06-01')).toBe(1);
  });

  it('give temporary protection with work rights in the EU from 4 March 2022, not before', () => {
    const tp = (date: string) =>
      (resolve(lib, 'policy-pol', date).document as NationalPolicy).rights.temporary_protection ?? [];
    expect(tp('2022-03-03')).not.toContain('work');
    expect(tp('2022-03-04')).toEqual(expect.arrayContaining(['work', 'health_care', 'education']));
  });
});

describe('the Global Compacts as criteria', () => {
  it('score only objectives the compact has, each named in the convention', () => {
    for (const [conventionId, instrumentId, total] of [
      ['global-compact-migration-criteria', 'global-compact-migration-2018', 23],
      ['global-compact-refugees-criteria', 'global-compact-refugees-2018', 4],
    ] as const) {
      const articles = (lib.require(instrumentId, 'Instrument').doc as { articles: { id: string }[] })
        .articles;
      expect(articles.length, instrumentId).toBe(total);
      const ids = new Set(articles.map((a) => a.id));
      const criteria = (lib.require(conventionId, 'Convention').doc as { criteria: { citation: Source }[] })
        .criteria;
      for (const c of criteria) {
        expect(c.citation.instrument).toBe(instrumentId);
        for (const obj of c.citation.article!.split(/,\s*/)) expect(ids.has(obj), obj).toBe(true);
      }
    }
  });
});

describe('the country policies', () => {
  const policies = lib
    .ofKind('NationalPolicy')
    .map((d) => d.doc as NationalPolicy)
    .filter((p) => p.country);

  it('cover at least 45 countries, each once', () => {
    const countries = policies.map((p) => p.country);
    expect(new Set(countries).size).toBe(countries.length);
    expect(countries.length).toBeGreaterThanOrEqual(45);
  });

  it('cover the 30 largest destinations and the 20 largest origins of the 2005 stock data (README)', () => {
    const file = 'data/world/migrant_stock/undesa_ims2024_bilateral_1990_2005.csv';
    const t = parseCsv(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), file);
    const [year, dest, orig, total] = ['year', 'dest', 'orig', 'total'].map((c) => columnIndex(t, c));
    const into = new Map<string, number>();
    const from = new Map<string, number>();
    for (const r of t.rows) {
      if (r[year] !== '2005') continue;
      into.set(r[dest], (into.get(r[dest]) ?? 0) + Number(r[total]));
      if (r[orig] !== UNKNOWN_ORIGIN_CODE) from.set(r[orig], (from.get(r[orig]) ?? 0) + Number(r[total]));
    }
    const largest = (m: Map<string, number>, n: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([iso]) => iso);
    const own = new Set(policies.map((p) => p.country));
    const without = [...new Set([...largest(into, 30), ...largest(from, 20)])].filter((c) => !own.has(c));
    expect(without).toEqual([]);
  });

  it('bring at least 45 country policies to a dated, cited change in 2023 or later (issue 20)', () => {
    // the EU Pact's amendments (12 June 2026) count: they are dated, cited changes of the law in force
    const recent = policies.filter((p) => eventsOf(lib, p.id).some((e) => e.date >= '2023-01-01'));
    expect(recent.length).toBeGreaterThanOrEqual(45);
  });

  it('record no dated entry that changes no coded value', () => {
    // a reform that changes no field the schema has is told in the summary, not set to the value
    // the field already had (which would only make a history look longer)
    for (const p of policies) {
      const changedBy = new Set(changesBetween(lib, p.id, p.valid_from, '2099-12-31').map((c) => c.by));
      const idle = eventsOf(lib, p.id)
        .filter((e) => !changedBy.has(e.by))
        .map((e) => `${e.date} ${e.by}`);
      expect(idle, p.id).toEqual([]);
    }
  });

  it('give every dated entry a citation and keep the entries in date order', () => {
    for (const p of policies) {
      const dates = (p.history ?? []).map((h) => h.from);
      expect([...dates].sort(), p.id).toEqual(dates);
      for (const h of p.history ?? [])
        expect(h.source.instrument ?? h.source.note, `${p.id} ${h.from}`).toBeTruthy();
    }
  });
});
