import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles } from './import-cycles.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));

describe('import cycles', () => {
  it('the project has none (type-only and dynamic imports included)', async () => {
    const cycles = await importCycles(REPO);
    expect(cycles.map((c) => `${c.join(' -> ')} -> ${c[0]}`)).toEqual([]);
  });

  it('are found through a type-only import and through a dynamic import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycles-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import type { B } from './b.ts';\nexport type A = B[];\n");
      writeFileSync(join(dir, 'b.ts'), "import type { A } from './a.ts';\nexport type B = { a: A };\n");
      writeFileSync(join(dir, 'c.ts'), "export const load = () => import('./d.ts');\n");
      writeFileSync(join(dir, 'd.ts'), "import { load } from './c.ts';\nexport const again = load;\n");
      writeFileSync(join(dir, 'e.ts'), "import { load } from './c.ts';\nexport const once = load;\n");
      const cycles = await importCycles(dir, ['*.ts']);
      expect(cycles.map((c) => [...c].sort().join(' ')).sort()).toEqual(['a.ts b.ts', 'c.ts d.ts']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
