/**
 * A regime as in force on one date, with what the rules keep asking of it cached: the policy of
 * each country, the members of each group, the agreements that open channels or readmit, the
 * instruments that provide each protection test. Built once per (library, regime, date) and shared
 * by `decide`, `check` and the compiled tables, so all three read the same law.
 */
import {
  policyUnderRegime,
  explicitPolicies,
  perLibrary,
  resolve,
  type Agreement,
  type Channel,
  type Instrument,
  type Library,
  type NationalPolicy,
  type PolicyUnderRegime,
  type ProtectionTest,
  type Regime,
  type RegimeDocument,
  type Source,
  type Tier,
} from '../regime/index.ts';

/** A document the regime puts in force on the date, and where. */
export interface Component {
  id: string;
  doc: RegimeDocument;
  /** 'all', 'parties', 'members', or a list of countries. */
  where: 'all' | 'parties' | 'members' | string[];
  /** The regime (or nested regime) that lists it. */
  via: string;
}

/** An agreement in force under the regime, with its parties on the date. */
export interface AgreementInForce {
  id: string;
  doc: Agreement;
  parties: ReadonlySet<string>;
  /** Countries the regime limits it to, if any. */
  where?: ReadonlySet<string>;
  /** Channels its provisions open, each with its citation. */
  channels: Map<Channel, Source>;
}

export interface RegimeView {
  lib: Library;
  regimeId: string;
  regime: Regime;
  date: string;
  components: Component[];
  /** The policy of a country of a tier under the regime (cached). */
  policy(country: string, tier: Tier): PolicyUnderRegime;
  /** Member countries of a group document (process, agreement, instrument) on the date. */
  members(docId: string): ReadonlySet<string>;
  /** Whether a party reference (ISO3 or group id) covers a country. */
  covers(ref: string, country: string): boolean;
  /** The countries a list of party references covers (`covers` for many countries at once). */
  coverage(refs: readonly string[]): ReadonlySet<string>;
  /** Agreements in force under the regime (components, flattened). */
  agreements: AgreementInForce[];
  /** An agreement (any in the library) resolved on the date, with its parties; undefined if not in force. */
  agreement(id: string): AgreementInForce | undefined;
  /** Instruments in force providing a protection test. */
  instrumentsFor(test: ProtectionTest): Instrument[];
  /** Whether a country is bound by the instruments providing a test (party, group member, or regime component in force there). */
  boundBy(test: ProtectionTest, country: string): boolean;
  /** Any document as in force on the date (cached). */
  resolved(id: string): RegimeDocument;
  /** Agreements in force under the regime opening a channel with the state as a party (cached). */
  agreementsOpening(channel: Channel, state: string): AgreementInForce[];
}

/**
 * Documents as in force on a date, whatever the regime: what a convention's criteria need to read
 * another document's parameters (`{ param: doc#name }`) when a policy is checked on its own.
 */
export type DocumentsOnDate = Pick<RegimeView, 'lib' | 'resolved'>;

const onDateCache = perLibrary<DocumentsOnDate>();

/** The library's documents as in force on a date (cached per library and date). */
export function documentsOnDate(lib: Library, date: string): DocumentsOnDate {
  return onDateCache(lib, date, () => {
    const resolvedCache = new Map<string, RegimeDocument>();
    const resolved = (id: string): RegimeDocument => {
      let d = resolvedCache.get(id);
      if (!d) resolvedCache.set(id, (d = resolve(lib, id, date).document));
      return d;
    };
    return { lib, resolved };
  });
}

const viewCache = perLibrary<RegimeView>();

/** The view of a regime on a date (cached per library). */
export function regimeView(lib: Library, regimeId: string, date: string): RegimeView {
  return viewCache(lib, `${regimeId}@${date}`, () => buildView(lib, regimeId, date));
}

function buildView(lib: Library, regimeId: string, date: string): RegimeView {
  const regime = resolve(lib, lib.require(regimeId, 'Regime').doc.id, date).document as Regime;
  const explicit = explicitPolicies(lib, regime, date);
  const components = flatten(lib, regime, date, new Set([regimeId]));
  const policies = new Map<string, PolicyUnderRegime>();
  const memberCache = new Map<string, ReadonlySet<string>>();
  const agreementCache = new Map<string, AgreementInForce | undefined>();
  const instrumentCache = new Map<string, Instrument[]>();
  const openingCache = new Map<Channel, Map<string, AgreementInForce[]>>();
  // documents as in force on the date, shared with every other reader of that date
  const { resolved } = documentsOnDate(lib, date);

  const members = (docId: string, seen = new Set<string>()): ReadonlySet<string> => {
    const hit = memberCache.get(docId);
    if (hit) return hit;
    const out = new Set<string>();
    const loaded = lib.get(docId);
    if (loaded && !seen.has(docId)) {
      seen.add(docId);
      const r = resolve(lib, docId, date);
      if (r.in_force) {
        const d = r.document;
        const list =
          d.kind === 'RegionalProcess'
            ? d.members
            : d.kind === 'Agreement' || d.kind === 'Instrument'
              ? (d.parties ?? [])
              : [];
        for (const m of list) if (m.role !== 'observer') out.add(m.country);
        const groups =
          d.kind === 'Agreement'
            ? (d.party_groups ?? [])
            : d.kind === 'Instrument' && d.group
              ? [d.group]
              : [];
        for (const g of groups) for (const c of members(g, seen)) out.add(c);
      }
    }
    memberCache.set(docId, out);
    return out;
  };

  const isCountry = (ref: string) => /^[A-Z]{3}$/.test(ref);
  const covers = (ref: string, country: string) =>
    isCountry(ref) ? ref === country : members(ref).has(country);
  const coverage = (refs: readonly string[]): ReadonlySet<string> => {
    const out = new Set<string>();
    for (const ref of refs) {
      if (isCountry(ref)) out.add(ref);
      else for (const c of members(ref)) out.add(c);
    }
    return out;
  };

  const agreementOf = (id: string, where?: string[]): AgreementInForce | undefined => {
    const key = `${id}|${where?.join(',') ?? ''}`;
    if (agreementCache.has(key)) return agreementCache.get(key);
    let out: AgreementInForce | undefined;
    const r = lib.get(id) ? resolve(lib, id, date) : undefined;
    if (r && r.in_force && r.document.kind === 'Agreement') {
      const doc = r.document;
      const channels = new Map<Channel, Source>();
      for (const p of doc.provisions)
        if (p.channel && !channels.has(p.channel)) channels.set(p.channel, p.source);
      out = { id, doc, parties: members(id), where: where ? new Set(where) : undefined, channels };
    }
    agreementCache.set(key, out);
    return out;
  };

  const agreements = components
    .filter((c) => c.doc.kind === 'Agreement')
    .map((c) => agreementOf(c.id, Array.isArray(c.where) ? c.where : undefined))
    .filter((a): a is AgreementInForce => a !== undefined);

  const instrumentsFor = (test: ProtectionTest): Instrument[] => {
    let hit = instrumentCache.get(test);
    if (!hit) {
      hit = lib
        .ofKind('Instrument')
        .filter((d) => d.doc.protection_test === test)
        .map((d) => resolve(lib, d.doc.id, date))
        .filter((r) => r.in_force)
        .map((r) => r.document as Instrument);
      instrumentCache.set(test, hit);
    }
    return hit;
  };

  const boundBy = (test: ProtectionTest, country: string): boolean =>
    instrumentsFor(test).some((ins) => {
      if (members(ins.id).has(country)) return true;
      return components.some(
        (c) =>
          c.id === ins.id && (c.where === 'all' || (Array.isArray(c.where) && c.where.includes(country))),
      );
    });

  return {
    lib,
    regimeId,
    regime,
    date,
    components,
    policy(country, tier) {
      const key = `${country}|${tier}`;
      let p = policies.get(key);
      if (!p)
        policies.set(
          key,
          (p = policyUnderRegime(lib, regimeId, country, tier, date, { regime, explicit, resolved })),
        );
      return p;
    },
    members: (id) => members(id),
    covers,
    coverage,
    agreements,
    agreement: (id) => agreementOf(id),
    instrumentsFor,
    boundBy,
    resolved,
    agreementsOpening(channel, state) {
      let byState = openingCache.get(channel);
      if (!byState) openingCache.set(channel, (byState = new Map()));
      let hit = byState.get(state);
      if (!hit) {
        hit = agreements.filter(
          (a) => a.channels.has(channel) && a.parties.has(state) && (!a.where || a.where.has(state)),
        );
        byState.set(state, hit);
      }
      return hit;
    },
  };
}

/** The regime's components in force on the date, nested regimes flattened. */
function flatten(lib: Library, regime: Regime, date: string, seen: Set<string>): Component[] {
  const out: Component[] = [];
  for (const c of regime.components) {
    if (seen.has(c.ref) || !lib.get(c.ref)) continue;
    const r = resolve(lib, c.ref, date);
    if (!r.in_force) continue;
    if (r.document.kind === 'Regime') {
      out.push(...flatten(lib, r.document, date, new Set([...seen, c.ref])));
      continue;
    }
    out.push({ id: c.ref, doc: r.document, where: c.where, via: regime.id });
  }
  return out;
}

/** Citation of a national policy field: the channel's own source, else the policy's first source. */
export function policySource(p: NationalPolicy, channel?: Channel): Source {
  return (channel && p.channels[channel]?.source) || p.sources[0];
}
