import { beforeAll, describe, expect, it } from 'vitest';
import { TOKEN, useBusyServer } from './busy-server.ts';

const server = useBusyServer('responsive', 400);
let base: string;
beforeAll(async () => {
  base = await server.app.listen({ port: 0, host: '127.0.0.1' });
});

/** The events of a job's stream, as they come, until it ends. */
async function* events(jobId: string): AsyncGenerator<{ type: string; job: Record<string, unknown> }> {
  const res = await fetch(`${base}/api/jobs/${jobId}/events`);
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const type = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (type && data) yield { type, job: JSON.parse(data) as Record<string, unknown> };
    }
  }
}

/** Asks `GET /api/health` and returns when the answer came. */
async function healthAnsweredAt(): Promise<number> {
  const res = await fetch(`${base}/api/health`);
  expect(res.status).toBe(200);
  await res.json();
  return performance.now();
}

describe('a server with a run going', () => {
  // Behaviour, not a stopwatch: a server that ran the simulation on its own thread would answer
  // the health requests only after the run ended. The latency itself is measured in
  // bench/server.bench.ts.
  it('streams progress as the run goes and answers /api/health meanwhile', async () => {
    // 11 simulated years of 400 ms of CPU each: the run lasts over 4 s
    const res = await fetch(`${base}/api/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'test-scenario', seed: 1, from: 1990, to: 2000 }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };

    const seen: { at: number; type: string; done: number; resultId?: unknown }[] = [];
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const stream = (async () => {
      for await (const e of events(id)) {
        const done = (e.job.progress as { done: number }).done;
        seen.push({ at: performance.now(), type: e.type, done, resultId: e.job.resultId });
        if (e.type === 'progress' && done >= 1) started();
      }
      started();
    })();

    await running;
    const answers: number[] = [];
    for (let i = 0; i < 10; i++) {
      answers.push(await healthAnsweredAt());
      await new Promise((r) => setTimeout(r, 100));
    }
    const sampledUntil = performance.now();
    await stream;

    const end = seen[seen.length - 1];
    expect(end.type).toBe('done');
    expect(end.resultId).toMatch(/^run-/);
    // the samples were taken while the run went on: it ended after the last of them
    expect(end.at).toBeGreaterThan(sampledUntil);
    // progress came year by year, not in one burst at the end
    const firstYear = seen.find((e) => e.type === 'progress' && e.done >= 1)!;
    expect(end.at - firstYear.at).toBeGreaterThan(1500);
    // the run's years went on between the health answers: progress came after the first answer
    // and before the last, so the server answered while the run was computing
    const progressBetween = seen.filter(
      (e) => e.type === 'progress' && e.at > answers[0] && e.at < answers[answers.length - 1],
    );
    expect(progressBetween.length).toBeGreaterThanOrEqual(1);
  });
});

describe('a server with large documents to validate', () => {
  // Four documents keep the two task workers busy for two rounds; on a loaded machine that can
  // take a minute, hence the longer timeout (the test measures no time).
  it('answers /api/health while four 9,000-key documents are checked', { timeout: 180_000 }, async () => {
    const keys = Array.from({ length: 9000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const doc = `kind: Case\nid: many-keys\n${keys}\n`;
    await fetch(`${base}/api/health`);
    let finished = 0;
    let lastAt = 0;
    const posts = Array.from({ length: 4 }, async () => {
      const res = await fetch(`${base}/api/validate`, {
        method: 'POST',
        headers: { 'content-type': 'application/yaml' },
        body: doc,
      });
      const body = (await res.json()) as { ok: boolean; diagnostics: { code: string }[] };
      finished++;
      lastAt = performance.now();
      return [res.status, body.ok, body.diagnostics[0]?.code];
    });
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 10; i++) await healthAnsweredAt();
    const sampledUntil = performance.now();
    const sampledBefore = finished;
    const answers = await Promise.all(posts);
    expect(answers).toEqual(Array(4).fill([200, false, 'E_MISSING_FIELD']));
    // the samples were taken while documents were still being checked
    expect(sampledBefore).toBeLessThan(4);
    expect(lastAt).toBeGreaterThan(sampledUntil);
  });
});
