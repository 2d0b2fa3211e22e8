import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ResultStore } from '../../src/store/index.ts';
import { holdStore } from '../support/hold-store.ts';
import { TOKEN, useBusyServer } from './busy-server.ts';

const auth = { authorization: `Bearer ${TOKEN}` };

const server = useBusyServer('sharing', 300);
const storeFile = () => join(server.dir, 'results.duckdb');

beforeAll(async () => {
  (await ResultStore.open(storeFile(), 'write')).close();
});

async function jobState(id: string): Promise<Record<string, unknown>> {
  for (;;) {
    const job = (await server.app.inject(`/api/jobs/${id}`)).json() as Record<string, unknown>;
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Issue 24, finding 7: while `regimes run` wrote, reads got 503 for the whole run, and runs the
// server had accepted failed when they came to store their result.
describe('the server and another writer share the store', () => {
  it('answers reads while another process appends (it waits for the append), never 503', async () => {
    const holder = await holdStore(storeFile(), 1500);
    const res = await server.app.inject('/api/runs');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ runs: [] });
    await holder.released;
  });

  it('lets a run it accepted wait for the store and finish', async () => {
    const holder = await holdStore(storeFile(), 4000);
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: auth,
      payload: { scenario: 'test-scenario', seed: 1, from: 1990, to: 1991 },
    });
    expect(res.statusCode).toBe(202);
    const job = await jobState(res.json().id as string);
    expect(job, JSON.stringify(job)).toMatchObject({
      state: 'done',
      resultId: expect.stringMatching(/^run-/),
    });
    await holder.released;
  });

  it('keeps the store free while a run simulates: reads during a 3 s run answer at once', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: auth,
      payload: { scenario: 'test-scenario', seed: 2, from: 1990, to: 1999 },
    });
    const id = res.json().id as string;
    let job = (await server.app.inject(`/api/jobs/${id}`)).json() as {
      state: string;
      progress: { done: number };
    };
    while (job.state !== 'running' || job.progress.done < 1) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await server.app.inject(`/api/jobs/${id}`)).json();
    }
    // no waiting either: the read must not find the store held (a wait of 0 ms)
    const runs = await ResultStore.using(storeFile(), 'read', (s) => s.listRuns(), { waitMs: 0 });
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect((await server.app.inject(`/api/jobs/${id}`)).json().state).toBe('running');
    expect(await jobState(id)).toMatchObject({ state: 'done' });
  });
});
