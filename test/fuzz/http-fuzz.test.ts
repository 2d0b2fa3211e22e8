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

/** Starts a fresh server, does `work` with it, checks that it is still up, and stops it. */
async function againstFreshServer(work: (s: Server) => Promise<void>) {
  const s = await startServer(dir);
  try {
    await work(s);
    await survives(s);
  } finally {
    await s.stop();
  }
}

/** Nested JSON objects: `{"a":{"a":…}}`, `depth` deep. */
const nestedJson = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

async function survives(s: Server) {
  const health = await fetch(s.url + '/api/health');
  expect(health.status).toBe(200);
  expect(s.alive()).toBe(true);
  expect(s.stderr()).not.toMatch(CRASH);
}

// Issue 24, finding 1, as reported: on a fresh server, the 2 KB text of 1,000 '[' then 1,000 ']',
// posted twice without a token. Before the pre-scan the first answer carried "Maximum call stack
// size exceeded" and the second request aborted the process (V8's "RegExpCompiler Allocation
// failed"), so the second fetch failed. This test asserts only survival and a coded answer.
describe('finding 1: two small requests without a token', () => {
  it('get two coded answers from a fresh server, which stays up', async () => {
    await againstFreshServer(async (s) => {
      const text = '['.repeat(1000) + ']'.repeat(1000);
      const answers: unknown[] = [];
      for (let i = 0; i < 2; i++) {
        // a dead server makes fetch throw: record that as the answer, to see it in the failure
        const answer = await fetch(s.url + '/api/validate', {
          method: 'POST',
          headers: { 'content-type': 'application/yaml' },
          body: text,
        }).then(
          async (res) => {
            const body = (await res.json()) as { diagnostics?: { code: string; message: string }[] };
            return [res.status, body.diagnostics?.[0]?.code, body.diagnostics?.[0]?.message];
          },
          (e: Error) => ['no answer', e.message, s.stderr().match(/FATAL ERROR.*/)?.[0]],
        );
        answers.push(answer);
      }
      expect(answers).toEqual([
        [200, 'E_TOO_DEEP', expect.not.stringMatching(/call stack/i)],
        [200, 'E_TOO_DEEP', expect.not.stringMatching(/call stack/i)],
      ]);
    });
  });
});

// A fresh server for each shape, each posted twice: finding 1 crashed on the second request.
describe('the API on hostile documents (a fresh server each)', () => {
  for (const h of hostileTexts())
    it(`answers ${h.name} with ${h.code}, twice, and stays up`, async () => {
      await againstFreshServer(async (s) => {
        for (let i = 0; i < 2; i++) {
          const r = await post(s, '/api/validate', h.text, 'application/yaml');
          expect(r.status).toBe(200);
          expect(r.body.ok).toBe(false);
          expect((r.body.diagnostics as { code: string }[])[0].code).toBe(h.code);
        }
      });
    });
  it('answers JSON nested 1,000 deep with 400 E_TOO_DEEP on every route, and stays up', async () => {
    await againstFreshServer(async (s) => {
      const deep = nestedJson(1000);
      for (const [path, body] of [
        ['/api/decide', `{"regime":"neoliberal","case":${deep}}`],
        ['/api/validate', `{"yaml":"a: 1","extra":${deep}}`],
        ['/api/check', `[${deep}]`],
      ]) {
        const r = await post(s, path, body, 'application/json');
        expect([r.status, r.body.code], path).toEqual([400, 'E_TOO_DEEP']);
      }
    });
  });
  it('answers a JSON body with 20,000 keys with 400 E_TOO_MANY_KEYS, and stays up', async () => {
    await againstFreshServer(async (s) => {
      const many = Array.from({ length: 20_000 }, (_, i) => `"k${i}":${i}`).join(',');
      const r = await post(s, '/api/decide', `{"regime":"neoliberal","case":{${many}}}`, 'application/json');
      expect([r.status, r.body.code]).toEqual([400, 'E_TOO_MANY_KEYS']);
    });
  });
});
