import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../server/library.ts';
import { buildDashboard, dashboardState } from './dashboard-build.ts';
import { tempDirs } from '../../test/support/temp-dirs.ts';

const tmp = tempDirs('dashboard-');
const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

function project({ sources, built }: { sources?: number; built?: number }): string {
  const root = tmp();
  if (sources !== undefined) {
    mkdirSync(join(root, 'web/src'), { recursive: true });
    writeFileSync(join(root, 'web/src/App.tsx'), 'export {};\n');
    at(join(root, 'web/src/App.tsx'), sources);
  }
  if (built !== undefined) {
    mkdirSync(join(root, 'dist-web'));
    writeFileSync(join(root, 'dist-web/index.html'), '<!doctype html>\n');
    at(join(root, 'dist-web/index.html'), built);
  }
  return root;
}

describe('whether regimes serve must build the dashboard', () => {
  it('builds when there is no build yet (a fresh clone)', () => {
    expect(dashboardState(project({ sources: 1000 }))).toBe('missing');
  });
  it('builds again when a source is newer than the build', () => {
    expect(dashboardState(project({ sources: 2000, built: 1000 }))).toBe('stale');
  });
  it('keeps a build newer than every source', () => {
    expect(dashboardState(project({ sources: 1000, built: 2000 }))).toBe('fresh');
  });
  it('keeps a build that has no sources beside it (an installed package)', () => {
    expect(dashboardState(project({ built: 1000 }))).toBe('prebuilt');
  });
});

describe('building the dashboard', () => {
  it('writes index.html and its assets with Vite, leaving no temporary folder', async () => {
    const out = join(tmp(), 'dist-web');
    await buildDashboard(PROJECT_ROOT, out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatch(
      /<script type="module"[^>]*src="\/assets\//,
    );
    expect(existsSync(`${out}.tmp-${process.pid}`)).toBe(false);
  });
});
