/**
 * Rebuilds `data/world/derived/world.json` from the world CSVs. Run after changing any file in
 * data/world/ or the code that reads them: `npx tsx tools/build-world.ts`. A test
 * (src/world/derived.test.ts) fails while the derived file is out of date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DERIVED_FILE, serializeWorldData } from '../src/world/derived.ts';
import { DEFAULT_WORLD_DIR, buildWorldDataFromCsv } from '../src/world/load-world.ts';

const started = performance.now();
const data = buildWorldDataFromCsv();
const target = join(DEFAULT_WORLD_DIR, DERIVED_FILE);
mkdirSync(dirname(target), { recursive: true });
const text = serializeWorldData(data);
writeFileSync(target, text);
const ms = Math.round(performance.now() - started);
process.stdout.write(
  `wrote data/world/${DERIVED_FILE}: ${data.countries.length} countries, ${(text.length / 1e6).toFixed(2)} MB in ${ms} ms\n`,
);
