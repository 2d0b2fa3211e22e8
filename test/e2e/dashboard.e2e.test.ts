/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The dashboard in a real browser (Debian chromium through playwright-core), against buildApp()
 * serving the production build: every page loads, and its main action works. One browser for all.
 *
 * Runs use the real engine when it is built in (a tiny run: coarse scale, two years); until then
 * the ensemble's test double stands in, and the test says so in its name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { realEngine } from '../../src/server/jobs/engine-real.ts';
import { loadBuiltinLibrary } from '../../src/regime/index.ts';
import { TOKEN, screenshot, startHarness, type Harness } from './harness.ts';

const real = realEngine({ threads: 1 });
const engine = real.available
  ? real
  : realEngine({
      runnerModule: new URL('../support/ensemble/double-member.ts', import.meta.url),
      threads: 1,
    });
const realScenario = real.available ? loadBuiltinLibrary().ofKind('Scenario')[0]?.doc : undefined;
/** What a small run asks for: the real engine on a built-in scenario, coarse and short; or the double. */
const SMALL_RUN = realScenario
  ? {
      scenario: realScenario.id,
      scale: 200_000,
      from: realScenario.years.from,
      to: realScenario.years.from + 1,
    }
  : { scenario: 'test-scenario', scale: 1000, from: 1990, to: 1994 };
const ENGINE_NAME = realScenario ? 'the real engine' : 'the test double (engine not built in yet)';

let h: Harness;

/** Opens the Runs page and fills its form with the small run. */
async function fillSmallRun(page: Page): Promise<void> {
  await page.goto(`${h.base}/#/runs`);
  await page.fill('input[aria-label="scenario"]', SMALL_RUN.scenario);
  await page.fill('input[aria-label="scale"]', String(SMALL_RUN.scale));
  await page.fill('input[aria-label="from year"]', String(SMALL_RUN.from));
  await page.fill('input[aria-label="to year"]', String(SMALL_RUN.to));
}

beforeAll(async () => {
  h = await startHarness(engine);
  // A comparison to look at on the Compare page.
  const regimes = realScenario
    ? loadBuiltinLibrary()
        .ofKind('Regime')
        .slice(0, 2)
        .map((d) => d.doc.id)
    : ['a', 'b'];
  const res = await fetch(`${h.base}/api/comparisons`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      scenario: SMALL_RUN.scenario,
      regimes,
      seeds: 3,
      scale: SMALL_RUN.scale,
      from: SMALL_RUN.from,
      to: SMALL_RUN.to,
    }),
  });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  for (let i = 0; i < 600; i++) {
    const job = (await (await fetch(`${h.base}/api/jobs/${id}`)).json()) as {
      state: string;
      error?: unknown;
    };
    if (job.state === 'done') break;
    if (job.state === 'failed') throw new Error(`comparison failed: ${JSON.stringify(job.error)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('dashboard in chromium', () => {
  it('loads every page without errors', async () => {
    const { page, errors } = await h.page();
    for (const name of ['regimes', 'cases', 'compliance', 'runs', 'compare', 'map', 'editor']) {
      await page.goto(`${h.base}/#/${name}`);
      await page.waitForSelector(`main#page-${name} h2`);
      await page.waitForLoadState('networkidle');
      await screenshot(page, `page-${name}`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Regimes: shows a document with its sources, and the coded changes between two dates', async () => {
    const { page } = await h.page();
    await page.goto(`${h.base}/#/regimes?id=refugee-convention-1951&at=2000-01-01`);
    await page.waitForSelector('article.document h2');
    expect(await page.locator('ol.sources li').count()).toBeGreaterThan(0);
    expect(await page.textContent('.meta')).toContain('in force on 2000-01-01');
    await page.selectOption('select[aria-label="compare what"]', 'documents');
    await page.selectOption('select[aria-label="document B"]', 'refugee-protocol-1967');
    await page.click('section.diff button[type=submit]');
    await page.waitForSelector('table.differences tbody tr');
    await screenshot(page, 'regimes');
    await page.close();
  });

  it('Cases: decides a case and shows the numbered reasons with citations', async () => {
    const { page, errors } = await h.page();
    await page.goto(`${h.base}/#/cases`);
    const yaml = `kind: Regime
id: e2e-regime
title: A regime written with the case
sources: [{ seed: "§3" }]
valid_from: 1990-01-01
components:
  - { ref: refugee-convention-1951, where: parties }
national_policies:
  explicit: [policy-deu]
  defaults: { core: default-core-2000, semi_periphery: default-semi-periphery-2000, periphery: default-periphery-2000 }
---
kind: Case
id: e2e-activist
date: 2001-06-01
person: { nationalities: [IRN], location: DEU }
claim:
  persecution: { ground: political_opinion, by: state }
  role: activist
`;
    await page.fill('textarea[aria-label="case (YAML)"]', yaml);
    await page.fill('input[aria-label="regime"]', 'e2e-regime');
    await page.click('form.case-form button[type=submit]');
    await page.waitForSelector('section.decision ol.reasons li');
    expect(await page.locator('ol.reasons li').count()).toBeGreaterThan(1);
    expect(await page.textContent('section.decision')).toContain('refugee-convention-1951');
    await screenshot(page, 'cases');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Compliance: a countries × criteria table and a score ranking', async () => {
    const { page } = await h.page();
    await page.goto(`${h.base}/#/compliance`);
    await page.waitForSelector('table.compliance-table tbody tr');
    expect(await page.locator('table.compliance-table tbody tr').count()).toBeGreaterThan(1);
    await page.waitForSelector('.ranking svg');
    await screenshot(page, 'compliance');
    await page.close();
  });

  it(
    `Runs: starts a small run with ${ENGINE_NAME}, follows it live to the end, lists it with its downloads`,
    { timeout: 120_000 },
    async () => {
      const { page, errors } = await h.page();
      await fillSmallRun(page);
      await page.click('form.start-run button[type=submit]');
      await page.waitForSelector('.job');
      await page.waitForSelector('.job[data-state="done"], .job[data-state="failed"]', { timeout: 90_000 });
      expect(
        await page.locator('.job').first().getAttribute('data-state'),
        (await page.locator('.job').first().textContent()) ?? '',
      ).toBe('done');
      const link = page.locator('.job[data-state="done"] a').first();
      const runId = (await link.textContent())!;
      expect(runId).toMatch(/^run-/);
      await page.waitForSelector(`tr[data-run="${runId}"]`);
      const csv = await page.locator(`tr[data-run="${runId}"] a`, { hasText: 'CSV' }).getAttribute('href');
      const res = await fetch(`${h.base}${csv}`);
      expect(res.status).toBe(200);
      expect((await res.text()).split('\n')[0]).toBe('year,indicator,country,value');
      await link.click();
      await page.waitForSelector('.run-charts svg');
      await screenshot(page, 'runs');
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it(
    `Runs: sets root-cause levers for a run with ${ENGINE_NAME}; the run is of the scenario with them`,
    { timeout: 120_000 },
    async () => {
      const { page, errors } = await h.page();
      await fillSmallRun(page);
      await page.check('input[aria-label="lever arms_export_restraint"]');
      await page.fill('input[aria-label="arms_export_restraint reduction"]', '1');
      await page.fill('input[aria-label="arms_export_restraint year"]', String(SMALL_RUN.from));
      await page.check('input[aria-label="lever social_protection_floor"]');
      await page.check('input[aria-label="floor reaches irregular migrants"]');
      await page.fill('input[aria-label="social_protection_floor year"]', String(SMALL_RUN.from));
      // an unchecked lever stays out of the request
      expect(await page.locator('input[aria-label="agricultural_support multiplier"]').isDisabled()).toBe(
        true,
      );
      const posted = page.waitForResponse(
        (r) => r.url().endsWith('/api/runs') && r.request().method() === 'POST',
      );
      await page.click('form.start-run button[type=submit]');
      const response = await posted;
      const body = response.request().postDataJSON() as { levers?: { lever: string }[] };
      expect(body.levers?.map((l) => l.lever)).toEqual(['arms_export_restraint', 'social_protection_floor']);
      const { id } = (await response.json()) as { id: string };
      const job = page.locator(`.job[data-job="${id}"]`);
      await page.waitForSelector(`.job[data-job="${id}"]:is([data-state="done"], [data-state="failed"])`, {
        timeout: 90_000,
      });
      expect(await job.getAttribute('data-state'), (await job.textContent()) ?? '').toBe('done');
      const runId = (await job.locator('a').first().textContent())!;
      await page.waitForSelector(`tr[data-run="${runId}"]`);
      if (realScenario)
        expect(await page.locator(`tr[data-run="${runId}"] td`).nth(1).textContent()).toMatch(
          new RegExp(`^${SMALL_RUN.scenario}-levers-[0-9a-f]{10}$`),
        );
      await screenshot(page, 'runs-levers');
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('Compare: small multiples of the indicators, each regime with its interval', async () => {
    const { page, errors } = await h.page();
    await page.goto(`${h.base}/#/compare`);
    await page.waitForSelector('.small-multiples .small-multiple svg');
    expect(await page.locator('.small-multiples .small-multiple').count()).toBeGreaterThan(1);
    // Bands (intervals) and lines (means) are drawn.
    expect(await page.locator('.small-multiple svg path').count()).toBeGreaterThan(2);
    await screenshot(page, 'compare');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Map: a world choropleth from real country shapes; the year slider changes the map', async () => {
    const { page, errors } = await h.page();
    await page.goto(`${h.base}/#/map?source=world&indicator=refugeesByOrigin&year=1992`);
    await page.waitForSelector('.map svg');
    await page.waitForFunction(() =>
      /^[1-9]\d* countries/.test(document.querySelector('[data-testid="map-count"]')?.textContent ?? ''),
    );
    expect(await page.locator('.map svg g[aria-label="geo"] path').count()).toBeGreaterThan(150);
    const fills = () =>
      page.$$eval('.map svg g[aria-label="geo"] path', (ps) =>
        ps.map((p) => p.getAttribute('fill')).join(','),
      );
    const before = await fills();
    await page.locator('input[aria-label="year"]').fill('2003');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="map-year"]')?.textContent === '2003',
    );
    await page.waitForFunction(
      (old) =>
        [...document.querySelectorAll('.map svg g[aria-label="geo"] path')]
          .map((p) => p.getAttribute('fill'))
          .join(',') !== old,
      before,
    );
    expect(await fills()).not.toBe(before);
    expect(page.url()).toContain('year=2003');
    await page.selectOption('select[aria-label="indicator"]', 'population');
    await page.waitForFunction(() =>
      (document.querySelector('.map svg')?.textContent ?? '').includes('population'),
    );
    await screenshot(page, 'map');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Map: arms imports by recipient, and the year’s deaths in organised violence by type', async () => {
    const { page, errors } = await h.page();
    await page.goto(`${h.base}/#/map?source=world&indicator=armsImportsTiv&year=2015`);
    await page.waitForFunction(() =>
      /^[1-9]\d* countries with a value in 2015 · TIV/.test(
        document.querySelector('[data-testid="map-count"]')?.textContent ?? '',
      ),
    );
    expect(await page.locator('select[aria-label="indicator"] option[value="armsImportsTiv"]').count()).toBe(
      1,
    );
    // the deaths of 2015 by type: the world's totals and the countries with most deaths (Syria first)
    await page.waitForSelector('[data-testid="deaths-by-type"] tr[data-country="SYR"]');
    const world = await page.$$eval('[data-testid="deaths-by-type"] tr[data-country="world"] td', (tds) =>
      tds.slice(1).map((td) => Number((td.textContent ?? '').replace(/[^0-9.]/g, ''))),
    );
    expect(world).toHaveLength(3);
    expect(world.every((v) => v > 0)).toBe(true);
    expect(
      await page.locator('[data-testid="deaths-by-type"] tbody tr').nth(1).getAttribute('data-country'),
    ).toBe('SYR');
    await screenshot(page, 'map-root-causes');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Editor: a validation error shows at the right line, and goes away when fixed', async () => {
    const { page, errors } = await h.page();
    await page.goto(`${h.base}/#/editor`);
    const text = [
      'kind: Instrument',
      'id: my-instrument',
      'title: My instrument',
      'valid_from: 2001-02-30',
      'sources:',
      '  - note: typed in the editor',
      '',
    ].join('\n');
    await page.fill('textarea[aria-label="YAML document"]', text);
    await page.waitForSelector('.gutter div[data-line="4"].error');
    expect(await page.locator('.gutter div.error[data-line="4"]').count()).toBe(1);
    const item = page.locator('li.diagnostic[data-line="4"]');
    expect(await item.count()).toBeGreaterThan(0);
    expect(await item.first().textContent()).toMatch(/^4:\d+ /);
    await screenshot(page, 'editor');
    await page.fill('textarea[aria-label="YAML document"]', text.replace('2001-02-30', '2001-02-28'));
    await page.waitForFunction(() => !document.querySelector('.gutter div[data-line="4"].error'));
    expect(errors).toEqual([]);
    await page.close();
  });
});
