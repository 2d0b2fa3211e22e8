/**
 * The I/O edge of the world model: reads the source CSVs or the derived file from `data/world/`.
 * Everything else in src/world is pure.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv.ts';
import { DERIVED_FILE, parseWorldData } from './derived.ts';
import type { YearSpan } from './panel.ts';
import type { SourceRole, WorldSources } from './sources.ts';
import { SOURCE_FILES } from './sources.ts';
import type { World } from './world.ts';
import { assembleWorld } from './world.ts';
import type { WorldData } from './world-data.ts';
import { buildWorldData } from './world-data.ts';

/** The project's world data folder (`data/world/`), found from this module's location. */
export const DEFAULT_WORLD_DIR = fileURLToPath(new URL('../../data/world/', import.meta.url));

/** Reads and parses every source CSV, with the SHA-256 of each file's bytes. */
export function readWorldSources(dir = DEFAULT_WORLD_DIR): {
  sources: WorldSources;
  digests: Record<SourceRole, string>;
} {
  const sources = {} as WorldSources;
  const digests = {} as Record<SourceRole, string>;
  for (const [role, path] of Object.entries(SOURCE_FILES) as [SourceRole, string][]) {
    const bytes = readFileSync(join(dir, path));
    digests[role] = createHash('sha256').update(bytes).digest('hex');
    sources[role] = parseCsv(bytes.toString('utf8'), `data/world/${path}`);
  }
  return { sources, digests };
}

/** The SHA-256 of every source CSV (cheap: no parsing), to compare with a derived file's. */
export function sourceDigests(dir = DEFAULT_WORLD_DIR): Record<SourceRole, string> {
  const digests = {} as Record<SourceRole, string>;
  for (const [role, path] of Object.entries(SOURCE_FILES) as [SourceRole, string][]) {
    digests[role] = createHash('sha256')
      .update(readFileSync(join(dir, path)))
      .digest('hex');
  }
  return digests;
}

/** Builds the world data from the CSVs (slow path: ~2 s of parsing). */
export function buildWorldDataFromCsv(dir = DEFAULT_WORLD_DIR): WorldData {
  const { sources, digests } = readWorldSources(dir);
  return buildWorldData(sources, digests);
}

/** Loads the world data: the derived file when present, otherwise the CSVs. */
export function loadWorldData(dir = DEFAULT_WORLD_DIR): WorldData {
  const derived = join(dir, DERIVED_FILE);
  if (!existsSync(derived)) return buildWorldDataFromCsv(dir);
  return parseWorldData(readFileSync(derived, 'utf8'), `data/world/${DERIVED_FILE}`);
}

/** Loads the world for a year range (default: all data years). */
export function loadWorld(span?: YearSpan, dir = DEFAULT_WORLD_DIR): World {
  return assembleWorld(loadWorldData(dir), span);
}
