/// <reference lib="dom" />
/**
 * The browser-test harness: the dashboard built (dist-web/, built here when missing), served by
 * buildApp() on a free loopback port with a fresh data folder, and one headless Debian chromium
 * (playwright-core) shared by every test of a file. Screenshots go to test-artifacts/ (gitignored).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../src/server/app.ts';
import type { Engine } from '../../src/server/engine.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');
export const TOKEN = 'e2e-token-0123456789abcdef';

/**
 * Chromium flags for a headless run as root with no network: no sandbox (root), and none of the
 * background requests (updates, sync, QUIC) that it would otherwise keep trying.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The chromium to drive: `CHROMIUM_PATH`, else `chromium` on the PATH. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('no chromium: install Debian chromium (tools/system-deps.sh does) or set CHROMIUM_PATH');
  }
}

/** Builds dist-web/ when it is not there (npm test builds it first; a lone `vitest run` may not have). */
export async function ensureBuilt(): Promise<string> {
  const web = join(ROOT, 'dist-web');
  if (!existsSync(join(web, 'index.html'))) {
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  }
  return web;
}

export interface Harness {
  app: FastifyInstance;
  base: string;
  browser: Browser;
  dataDir: string;
  /** A new page with the token saved, collecting page errors. */
  page(): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function startHarness(engine: Engine): Promise<Harness> {
  const webRoot = await ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'regimes-e2e-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const app = await buildApp({ token: TOKEN, dataDir, webRoot, engine, concurrency: 1, maxQueued: 4 });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  await context.addInitScript((token: string) => window.localStorage.setItem('regimes-token', token), TOKEN);
  // Nothing but the server under test may be reached: the pages must work without a network.
  await context.route('**/*', (route) =>
    route.request().url().startsWith(base) ? route.continue() : route.abort(),
  );
  return {
    app,
    base,
    browser,
    dataDir,
    async page() {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      return { page, errors };
    },
    async close() {
      await browser.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot as a test artifact. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
