/// <reference lib="dom" />
/**
 * Makes the README's dashboard screenshots (docs/screenshots/compare.png and map.png) with the real
 * engine: a three-regime comparison over 1990–2000 at a coarse scale, and the map of a run's
 * indicator. Run by hand: `npx tsx test/e2e/docs-screenshots.ts` (takes a few minutes).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { realEngine } from '../../src/server/jobs/engine-real.ts';
import { ROOT, TOKEN, screenshot, startHarness } from './harness.ts';

const REGIMES = ['neoliberal', 'framework-convention', 'isolated-temporary-labour'];
const SCALE = Number(process.env.SCALE ?? 50_000);
const TO = Number(process.env.TO ?? 2000);

const h = await startHarness(realEngine({ threads: 2 }));
try {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${h.base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return ((await res.json()) as { id: string }).id;
  };
  const wait = async (id: string) => {
    for (;;) {
      const job = (await (await fetch(`${h.base}/api/jobs/${id}`)).json()) as {
        state: string;
        resultId?: string;
        error?: unknown;
        progress: unknown;
      };
      if (job.state === 'done') return job.resultId!;
      if (job.state === 'failed') throw new Error(JSON.stringify(job.error));
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  const started = Date.now();
  const cmp = await wait(
    await post('/api/comparisons', {
      scenario: 'world-1990-2020',
      regimes: REGIMES,
      seeds: 3,
      scale: SCALE,
      from: 1990,
      to: TO,
    }),
  );
  console.log(`comparison ${cmp} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const { page } = await h.page();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(`${h.base}/#/compare?id=${cmp}`);
  await page.waitForSelector('.small-multiples .small-multiple svg');
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.querySelector('.comparison')?.scrollIntoView());
  const compare = await screenshot(page, 'docs-compare');
  await page.goto(`${h.base}/#/map?source=world&indicator=refugeesByAsylum&year=1995`);
  await page.waitForSelector('.map svg');
  await page.waitForLoadState('networkidle');
  const map = await screenshot(page, 'docs-map');
  const out = join(ROOT, 'docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  copyFileSync(compare, join(out, 'compare.png'));
  copyFileSync(map, join(out, 'map.png'));
  console.log(`wrote docs/screenshots/compare.png and map.png`);
} finally {
  await h.close();
}
