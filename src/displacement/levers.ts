/**
 * Regime levers for the displacement model: what receiving states decide, as data.
 *
 * - border closures between countries over dates (both directions, like Flee's `country` closures);
 * - camp capacity multipliers per country;
 * - the asylum doctrine of each receiving country: whom it protects at its border;
 * - whether people who are turned away but cannot be returned are stranded at the border.
 *
 * A levers file is YAML, validated with zod; errors point at FILE:LINE.
 */
import { existsSync } from 'node:fs';
import { Document } from 'yaml';
import { readUserText } from '../regime/load/files.ts';
import { parseLimitedDocument } from '../regime/load/yaml-source.ts';
import { z } from 'zod';
import { userError } from '../shared/errors.ts';
import { parseDate } from './flee-csv.ts';
import type { FleeScenario } from './scenario.ts';

/**
 * Whom a receiving country protects:
 * - `open`: everyone who reaches it (Flee's implicit assumption);
 * - `violence-broad`: refugees under the 1951 Convention and people fleeing generalised
 *   violence (the OAU 1969 Convention art. I(2) / Cartagena Declaration 1984 definition);
 * - `refugee-1951`: only people with an individual well-founded fear of persecution
 *   (1951 Convention art. 1A(2) read narrowly); victims of generalised violence are turned away;
 * - `closed`: nobody.
 */
export const DOCTRINES = ['open', 'violence-broad', 'refugee-1951', 'closed'] as const;
export type AsylumDoctrine = (typeof DOCTRINES)[number];

const dateString = z.string().refine((s) => parseDate(s) !== null, { message: 'expected a date YYYY-MM-DD' });

export const DisplacementLeversSchema = z
  .object({
    /** Borders closed between two countries (both directions) from `from` until `until` (reopened that day; omit to keep closed). */
    border_closures: z
      .array(
        z
          .object({
            between: z.tuple([z.string().min(1), z.string().min(1)]),
            from: dateString,
            until: dateString.optional(),
          })
          .strict(),
      )
      .default([]),
    /** Multiplier on the capacity of every camp in a country. */
    camp_capacity: z.record(z.string(), z.number().nonnegative()).default({}),
    /** Asylum doctrine of each receiving country (countries not listed: open). */
    asylum: z.record(z.string(), z.enum(DOCTRINES)).default({}),
    /**
     * Share of the displaced with an individual persecution claim (protected under a narrow
     * 1951 doctrine). No default: it is a scenario assumption the user must state whenever a
     * narrow doctrine is used.
     */
    persecuted_share: z.number().min(0).max(1).optional(),
    /** People turned away who cannot be returned stay stranded at the border (true) or go back and try elsewhere (false). */
    strand_non_returnable: z.boolean().default(true),
  })
  .strict();

/** The levers as written by a user (YAML / JSON). */
export type DisplacementLevers = z.input<typeof DisplacementLeversSchema>;

/** Levers resolved against one scenario: dates turned into simulation days, countries checked. */
export interface ResolvedLevers {
  borderClosures: { a: string; b: string; start: number; end: number }[];
  capacityMultiplier: Map<string, number>;
  doctrine: Map<string, AsylumDoctrine>;
  persecutedShare: number;
  /** Default for countries not in strandByCountry. */
  strandNonReturnable: boolean;
  /** Per receiving country: true = people turned away stay stranded at its border, false = sent back. */
  strandByCountry: Map<string, boolean>;
}

/** Validates levers (an object, e.g. from YAML) and resolves dates against the scenario. */
export function resolveLevers(
  input: unknown,
  scenario: FleeScenario,
  where: { file?: string; lineOf?: (path: PropertyKey[]) => number | undefined } = {},
): ResolvedLevers {
  const parsed = DisplacementLeversSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw userError('E_LEVERS', issue.message, {
      file: where.file,
      line: where.lineOf?.(issue.path),
      path: issue.path.map(String),
    });
  }
  return resolveParsed(parsed.data, scenario, where);
}

function resolveParsed(
  lv: z.output<typeof DisplacementLeversSchema>,
  scenario: FleeScenario,
  where: { file?: string; lineOf?: (path: PropertyKey[]) => number | undefined },
): ResolvedLevers {
  const countries = new Set(scenario.locations.map((l) => l.country));
  const at = (path: PropertyKey[]) => ({
    file: where.file,
    line: where.lineOf?.(path),
    path: path.map(String),
  });
  const checkCountry = (c: string, path: PropertyKey[]) => {
    if (!countries.has(c))
      throw userError(
        'E_LEVERS',
        `unknown country "${c}" (countries in ${scenario.name}: ${[...countries].join(', ')})`,
        at(path),
      );
  };
  const borderClosures = lv.border_closures.map((b, i) => {
    checkCountry(b.between[0], ['border_closures', i, 'between', 0]);
    checkCountry(b.between[1], ['border_closures', i, 'between', 1]);
    const start = Math.max(0, parseDate(b.from)! - scenario.startDay);
    const end = b.until === undefined ? -1 : parseDate(b.until)! - scenario.startDay;
    if (b.until !== undefined && end <= start)
      throw userError('E_LEVERS', '`until` must be after `from`', at(['border_closures', i, 'until']));
    return { a: b.between[0], b: b.between[1], start, end };
  });
  const capacityMultiplier = new Map<string, number>();
  for (const [c, m] of Object.entries(lv.camp_capacity)) {
    checkCountry(c, ['camp_capacity', c]);
    capacityMultiplier.set(c, m);
  }
  const doctrine = new Map<string, AsylumDoctrine>();
  for (const [c, d] of Object.entries(lv.asylum)) {
    checkCountry(c, ['asylum', c]);
    if (c === scenario.homeCountry)
      throw userError(
        'E_LEVERS',
        `"${c}" is the country of origin; an asylum doctrine applies to receiving countries`,
        at(['asylum', c]),
      );
    doctrine.set(c, d);
  }
  const narrow = [...doctrine.values()].includes('refugee-1951');
  if (narrow && lv.persecuted_share === undefined) {
    throw userError(
      'E_LEVERS',
      'persecuted_share is required when a country applies the refugee-1951 doctrine (the share of the displaced with an individual persecution claim is a scenario assumption; state it)',
      at(['persecuted_share']),
    );
  }
  return {
    borderClosures,
    capacityMultiplier,
    doctrine,
    persecutedShare: lv.persecuted_share ?? 1,
    strandNonReturnable: lv.strand_non_returnable,
    strandByCountry: new Map(),
  };
}

/** Reads and validates a levers YAML file against a scenario; errors carry FILE:LINE. */
export function readLeversFile(file: string, scenario: FleeScenario): ResolvedLevers {
  if (!existsSync(file)) throw userError('E_LEVERS', 'file not found', { file });
  // within the limits of every YAML file (src/regime/load/yaml-source.ts): no deep or huge text
  const { doc: yamlDoc, lineCounter: lc } = parseLimitedDocument(file, readUserText(file), 'E_LEVERS');
  const doc = yamlDoc ?? new Document();
  const lineOf = (path: PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lc.linePos(node.range[0]).line;
      if (n > 0) {
        // A map key: find the pair whose key matches.
        const parent = doc.getIn(path.slice(0, n - 1), true) as
          { items?: { key: { value?: unknown; range?: [number, number, number] } }[] } | undefined;
        const pair = parent?.items?.find((p) => p.key?.value === path[n - 1]);
        if (pair?.key?.range) return lc.linePos(pair.key.range[0]).line;
      }
    }
    return undefined;
  };
  const parsed = DisplacementLeversSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw userError('E_LEVERS', issue.message, {
      file,
      line: lineOf(issue.path),
      path: issue.path.map(String),
    });
  }
  return resolveParsed(parsed.data, scenario, { file, lineOf });
}

/** No levers: Flee's world (open borders except closures.csv, capacities as given, everyone protected). */
export function noLevers(): ResolvedLevers {
  return {
    borderClosures: [],
    capacityMultiplier: new Map(),
    doctrine: new Map(),
    persecutedShare: 1,
    strandNonReturnable: true,
    strandByCountry: new Map(),
  };
}
