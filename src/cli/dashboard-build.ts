/**
 * The dashboard is built from `web/` into `dist-web/` by Vite. `regimes serve` builds it before it
 * starts when the build is missing or older than its sources, so that `npm ci && regimes serve`
 * works on a fresh clone, and a `web/` that was edited or pulled is never served stale.
 *
 * Why at start rather than on install (an npm `prepare` script) or shipped built: the build takes
 * about 3 s once (docs/dashboard.md), costs nothing to those who only use the CLI, follows
 * every change of `web/` without a step to remember, and keeps generated bundles out of git.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where the dashboard's sources and build are, under a project root. */
export function dashboardPaths(root: string): { sources: string[]; outDir: string; config: string } {
  return {
    sources: [join(root, 'web'), join(root, 'vite.config.ts')],
    outDir: join(root, 'dist-web'),
    config: join(root, 'vite.config.ts'),
  };
}

/** The newest modification time (ms) of the files under these paths; 0 when none exists. */
export function newestModification(paths: readonly string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const st = statSync(path);
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) visit(p);
  return newest;
}

/**
 * What the build is: `fresh` (newer than every source), `missing`, `stale` (a source changed
 * since), or `prebuilt` (no sources here to build from, as in an installed package).
 */
export function dashboardState(root: string): 'fresh' | 'missing' | 'stale' | 'prebuilt' {
  const { sources, outDir } = dashboardPaths(root);
  const index = join(outDir, 'index.html');
  const sourcesAt = newestModification(sources);
  if (!existsSync(index)) return sourcesAt ? 'missing' : 'prebuilt';
  if (!sourcesAt) return 'prebuilt';
  return statSync(index).mtimeMs >= sourcesAt ? 'fresh' : 'stale';
}

/**
 * Builds the dashboard with Vite into `outDir` (default `dist-web/`): into a temporary folder
 * first, then renamed, so that a server started meanwhile never sees half a build.
 * Throws when Vite is not installed (an install without the development dependencies).
 */
export async function buildDashboard(root: string, outDir = dashboardPaths(root).outDir): Promise<void> {
  const { build } = await import('vite');
  const tmp = `${outDir}.tmp-${process.pid}`;
  try {
    await build({
      configFile: dashboardPaths(root).config,
      root: join(root, 'web'),
      logLevel: 'warn',
      build: { outDir: tmp, emptyOutDir: true },
    });
    rmSync(outDir, { recursive: true, force: true });
    renameSync(tmp, outDir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
