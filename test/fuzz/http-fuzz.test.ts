import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostileTexts } from './hostile-yaml.ts';
import { CRASH, startServer, type Server } from '../support/processes.ts';

const dir = mkdtempSync(join(tmpdir(), 'regimes-fuzz-http-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function post(s: Server, path: string, body: string, type: string) {
  const res = await fetch(s.url + path, { method: 'POST', headers: { 'content-type': type }, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Nested JSON objects: `{"a":{"a":…}}`, `depth` deep. */
const nestedJson = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

async function survives(s: Server) {
  const health = await fetch(s.url + '/api/health');
  expect(health.status).toBe(200);
  expect(s.alive()).toBe(true);
  expect(s.stderr()).not.toMatch(CRASH);
}

// A fresh server for each shape, each posted twice: finding 1 crashed on the second request.
describe('the API on hostile documents (a fresh server each)', () => {
  for (const h of hostileTexts())
    it(`answers ${h.name} with ${h.code}, twice, and stays up`, async () => {
      const s = await startServer(dir);
      try {
        for (let i = 0; i < 2; i++) {
          const r = await post(s, '/api/validate', h.text, 'application/yaml');
          expect(r.status).toBe(200);
          expect(r.body.ok).toBe(false);
          expect((r.body.diagnostics as { code: string }[])[0].code).toBe(h.code);
        }
        await survives(s);
      } finally {
        await s.stop();
      }
    });
  it('answers JSON nested 1,000 deep with 400 E_TOO_DEEP on every route, and stays up', async () => {
    const s = await startServer(dir);
    try {
      const deep = nestedJson(1000);
      for (const [path, body] of [
        ['/api/decide', `{"regime":"neoliberal","case":${deep}}`],
        ['/api/validate', `{"yaml":"a: 1","extra":${deep}}`],
        ['/api/check', `[${deep}]`],
      ]) {
        const r = await post(s, path, body, 'application/json');
        expect([r.status, r.body.code], path).toEqual([400, 'E_TOO_DEEP']);
      }
      await survives(s);
    } finally {
      await s.stop();
    }
  });
  it('answers a JSON body with 20,000 keys with 400 E_TOO_MANY_KEYS, and stays up', async () => {
    const s = await startServer(dir);
    try {
      const many = Array.from({ length: 20_000 }, (_, i) => `"k${i}":${i}`).join(',');
      const r = await post(s, '/api/decide', `{"regime":"neoliberal","case":{${many}}}`, 'application/json');
      expect([r.status, r.body.code]).toEqual([400, 'E_TOO_MANY_KEYS']);
      await survives(s);
    } finally {
      await s.stop();
    }
  });
});
