/**
 * A small library for the rules' tests, written as YAML documents in library/ so tests go through
 * the real loader: the 1951 Convention's definition, OAU 1969 and Cartagena 1984 with their
 * geography, a violence criterion and EU 15(c), two national policies, agreements (readmission,
 * association, free movement) and two regimes that differ the way the seed's do.
 */
import { checkLibrary, type Library, type Case, type Tier } from '../../../src/regime/index.ts';
import { parse } from 'yaml';
import { readFileSync, readdirSync } from 'node:fs';

const LIBRARY_DIR = new URL('./library/', import.meta.url);

/** The fixture documents (test/support/rules/library/*.yaml), by file name. */
export const FIXTURE_FILES: Record<string, string> = Object.fromEntries(
  readdirSync(LIBRARY_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => [f, readFileSync(new URL(f, LIBRARY_DIR), 'utf8')]),
);

/**
 * The world the table and channel tests compile the fixture regimes for: the fixture policies'
 * states (NLD, DEU), origins and transit states of the seed's corridors, and each one's tier.
 */
const FIXTURE_WORLD: [string, Tier][] = [
  ['NLD', 'core'],
  ['DEU', 'core'],
  ['FRA', 'core'],
  ['TUR', 'semi_periphery'],
  ['MAR', 'semi_periphery'],
  ['SLE', 'periphery'],
  ['SOM', 'periphery'],
  ['KEN', 'periphery'],
  ['UGA', 'periphery'],
  ['MEX', 'semi_periphery'],
  ['HND', 'periphery'],
  ['IRQ', 'periphery'],
  ['PHL', 'periphery'],
  ['IND', 'periphery'],
];
export const FIXTURE_COUNTRIES = FIXTURE_WORLD.map(([iso]) => iso);
export const FIXTURE_TIERS = FIXTURE_WORLD.map(([, tier]) => tier);

/** The fixture library (throws if it does not load: the fixtures must stay valid). */
export function fixtureLibrary(extra: Record<string, string> = {}): Library {
  const files = { ...FIXTURE_FILES, ...extra };
  const r = checkLibrary(
    Object.entries(files).map(([file, text]) => ({ file, bytes: new TextEncoder().encode(text) })),
  );
  if (!r.ok)
    throw new Error(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`).join('\n'));
  return r.library;
}

/** A case from YAML text (a `kind: Case` header is added). */
export function caseOf(yaml: string): Case {
  return { kind: 'Case', ...(parse(yaml) as object) } as Case;
}
