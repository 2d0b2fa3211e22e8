/**
 * Which runner module a member job needs, named so that a worker on another machine finds its own
 * copy: the module's path inside the package (`src/experiments/member.ts`). Whatever a job in
 * Redis says, a worker loads only runner modules: files named `member` or `*-member` (`.ts`, or the
 * `.js` built from it) under the package's `src/` folder, or the test doubles of `test/support/`
 * that the tests and benchmarks run on workers.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The runner module as a path inside the package (`/` separated). */
export function runnerPath(module: URL): string {
  const rel = relative(PACKAGE_ROOT, fileURLToPath(module));
  if (rel.startsWith('..') || isAbsolute(rel))
    throw new Error(`runner module ${module.href} is outside the package; workers could not load it`);
  return rel.split(sep).join('/');
}

/**
 * The module a worker loads for a job's runner path: under `src/` or `test/support/`, `.ts` or
 * `.js` (a compiled worker takes the `.js` of a `.ts` path when only that exists).
 * @throws when the path leaves those folders or names no module here
 */
export function runnerModuleOf(path: string): URL {
  const norm = normalize(path);
  if (
    isAbsolute(norm) ||
    !(norm.startsWith(`src${sep}`) || norm.startsWith(`test${sep}support${sep}`)) ||
    norm.split(sep).includes('..') ||
    !/(^|[/\\-])member\.(ts|js)$/.test(norm)
  )
    throw new Error(
      `refusing runner module ${JSON.stringify(path)}: not a runner module (src/**/*member.ts, test/support/**/*member.ts)`,
    );
  let file = join(PACKAGE_ROOT, norm);
  if (!existsSync(file) && file.endsWith('.ts') && existsSync(`${file.slice(0, -3)}.js`))
    file = `${file.slice(0, -3)}.js`;
  if (!existsSync(file)) throw new Error(`runner module ${path} does not exist on this worker`);
  return pathToFileURL(file);
}
