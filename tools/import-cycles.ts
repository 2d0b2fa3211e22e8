/**
 * Import cycles among the project's modules, found by dpdm (type-only and dynamic imports count:
 * a cycle of types still ties two modules together, and a dynamic import still loads its module).
 * tools/import-cycles.test.ts fails on any; `npx tsx tools/import-cycles.ts` prints them.
 */
import { fileURLToPath } from 'node:url';
import { parseCircular, parseDependencyTree } from 'dpdm';

/** The project's own code: everything that imports or is imported. */
export const PROJECT_GLOBS = [
  'src/**/*.ts',
  'tools/**/*.ts',
  'bench/**/*.ts',
  'test/**/*.ts',
  'web/src/**/*.{ts,tsx}',
];

/** Each cycle as the files on it, relative to `root`, in import order. */
export async function importCycles(
  root: string,
  globs: readonly string[] = PROJECT_GLOBS,
): Promise<string[][]> {
  const tree = await parseDependencyTree([...globs], {
    cwd: root,
    context: root,
    exclude: /node_modules/,
    transform: false,
    skipDynamicImports: false,
  });
  return parseCircular(tree);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cycles = await importCycles(fileURLToPath(new URL('..', import.meta.url)));
  for (const c of cycles) console.log(`${c.join(' -> ')} -> ${c[0]}`);
  console.log(`${cycles.length} import cycle(s)`);
  process.exitCode = cycles.length ? 1 : 0;
}
