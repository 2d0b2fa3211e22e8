/**
 * Benchmark of the server's responsiveness (not a test): how long `GET /api/health` takes on an
 * idle server, while a real run of the world model goes (the run works in a child process:
 * src/server/jobs/job-process.ts), and while large documents are validated (on task worker
 * threads: src/server/library.ts). test/server/responsive.test.ts checks the behaviour (the
 * server answers while the work goes on); this measures the latency.
 *
 *   npx tsx bench/server.bench.ts [--scale 1000] [--from 1990] [--to 2000] [--docs 6]
 *
 * `--scale`: people per agent of the run (smaller is a bigger run). `--docs`: how many
 * 9,000-key documents are posted to `POST /api/validate` at once (each just under the key limit of
 * docs/api.md, "Limits"). Before that, the YAML reader alone reads documents of 1,125 to 9,000
 * keys, to show its time grows linearly with the size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSource } from '../src/regime/index.ts';
import { buildApp } from '../src/server/app.ts';
import { numberOptions } from './options.ts';

const {
  scale: SCALE,
  from: FROM,
  to: TO,
  docs: DOCS,
} = numberOptions({ scale: 1000, from: 1990, to: 2000, docs: 6 });
const TOKEN = 'bench-token-0123456789abcdef';

const dir = mkdtempSync(join(tmpdir(), 'regimes-server-bench-'));
const app = await buildApp({ token: TOKEN, dataDir: dir, webRoot: false });
const base = await app.listen({ port: 0, host: '127.0.0.1' });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function healthMs(): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${base}/api/health`);
  await res.json();
  return performance.now() - t;
}

/** Asks for health every `gapMs` until `busy` settles (at least once). */
async function sampleWhile(busy: Promise<unknown>, gapMs: number): Promise<number[]> {
  let settled = false;
  void busy.finally(() => (settled = true));
  const samples: number[] = [];
  do {
    samples.push(await healthMs());
    await sleep(gapMs);
  } while (!settled);
  return samples;
}

function summary(name: string, samples: number[], extra = ''): void {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(1);
  console.log(
    `${name.padEnd(34)} n=${String(s.length).padStart(3)}  median ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${s[s.length - 1].toFixed(1)} ms${extra}`,
  );
}

/** Starts a run and resolves when its job ends (polling the job, as a client without a stream would). */
async function aRun(): Promise<{ ms: number; state: string }> {
  const t = performance.now();
  const res = await fetch(`${base}/api/runs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'world-1990-2020', seed: 1, scale: SCALE, from: FROM, to: TO }),
  });
  if (res.status !== 202) throw new Error(`run refused: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  for (;;) {
    await sleep(200);
    const job = (await (await fetch(`${base}/api/jobs/${id}`)).json()) as { state: string };
    if (job.state !== 'queued' && job.state !== 'running')
      return { ms: performance.now() - t, state: job.state };
  }
}

const manyKeys = (n: number) =>
  `kind: Case\nid: many-keys\n${Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n')}\n`;

/** Posts the documents at once; resolves with the first code of each answer. */
function validations(): Promise<string[]> {
  const doc = manyKeys(9000);
  return Promise.all(
    Array.from({ length: DOCS }, () =>
      fetch(`${base}/api/validate`, {
        method: 'POST',
        headers: { 'content-type': 'application/yaml' },
        body: doc,
      })
        .then((r) => r.json() as Promise<{ diagnostics: { code: string }[] }>)
        .then((body) => body.diagnostics[0]?.code ?? 'ok'),
    ),
  );
}

try {
  console.log(
    `${cpus().length} cores, load ${loadavg()[0].toFixed(1)}; run world-1990-2020 ${FROM}-${TO} at scale ${SCALE}; ${DOCS} documents of 9,000 keys`,
  );
  await healthMs(); // warm up the route
  const idle: number[] = [];
  for (let i = 0; i < 30; i++) {
    idle.push(await healthMs());
    await sleep(20);
  }
  summary('idle', idle);
  // Reading a document is linear in its size: the time a key should stay flat as n doubles (before
  // the pre-scan it grew from 500 µs a key at 10,000 keys to 835 µs at 20,000). Measured here on
  // the reader alone, in this process: a check over HTTP adds the check of the whole library
  // (src/server/library.ts), a fixed cost that hides the document's own on a loaded machine.
  const warm = new TextEncoder().encode(manyKeys(9000));
  for (let i = 0; i < 5; i++) parseSource('warm-up.yaml', warm); // let the JIT compile the reader
  for (const n of [1125, 2250, 4500, 9000]) {
    const bytes = new TextEncoder().encode(manyKeys(n));
    const ms: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      parseSource('many-keys.yaml', bytes);
      ms.push(performance.now() - t);
    }
    const m = ms.sort((x, y) => x - y)[3];
    console.log(
      `read a document of ${String(n).padStart(5)} keys          ${m.toFixed(1)} ms (${((m * 1000) / n).toFixed(1)} µs a key, median of 7)`,
    );
  }
  const run = aRun();
  const during = await sampleWhile(run, 50);
  const r = await run;
  summary('while a run goes', during, `  (the run: ${r.state} in ${(r.ms / 1000).toFixed(1)} s)`);
  const t = performance.now();
  const checking = validations();
  const whileValidating = await sampleWhile(checking, 20);
  summary(
    'while documents are validated',
    whileValidating,
    `  (they took ${((performance.now() - t) / 1000).toFixed(1)} s; answers: ${[...new Set(await checking)].join(', ')})`,
  );
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
