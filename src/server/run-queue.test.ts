import { describe, expect, it } from 'vitest';
import { RunQueue, type JobEvent } from './run-queue.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('RunQueue', () => {
  it('runs at most `concurrency` jobs, queues up to `maxQueued`, refuses the rest', async () => {
    const q = new RunQueue({ concurrency: 2, maxQueued: 1 });
    const release: (() => void)[] = [];
    const work = () => new Promise<string>((done) => release.push(() => done('run-x')));
    q.submit('run', {}, work);
    q.submit('run', {}, work);
    const third = q.submit('run', {}, work);
    expect(third.state).toBe('queued');
    expect(third.position).toBe(1);
    expect(() => q.submit('run', {}, work)).toThrow(
      expect.objectContaining({ statusCode: 429, code: 'E_QUEUE_FULL' }),
    );
    expect(q.counts()).toMatchObject({ running: 2, queued: 1 });
    release.shift()!();
    await tick();
    expect(q.counts()).toMatchObject({ running: 2, queued: 0, done: 1 });
    release.splice(0).forEach((f) => f());
    await tick();
    expect(q.counts()).toMatchObject({ running: 0, done: 3 });
  });

  it('replays the state to a late subscriber, then sends progress and the end', async () => {
    const q = new RunQueue();
    let go!: () => void;
    const job = q.submit('run', {}, async (ctx) => {
      await new Promise<void>((r) => (go = r));
      ctx.progress(1, 2, 'one');
      ctx.progress(2, 2, 'two');
      return 'run-result';
    });
    await tick();
    const events: JobEvent[] = [];
    q.subscribe(job.id, (e) => events.push(e));
    go();
    await tick();
    expect(events[0].type).toBe('state');
    expect(events.at(-1)).toMatchObject({ type: 'done', job: { state: 'done', resultId: 'run-result' } });
    expect(events.some((e) => e.type === 'progress' && e.job.progress.done === 2)).toBe(true);
    const late: JobEvent[] = [];
    q.subscribe(job.id, (e) => late.push(e));
    expect(late).toHaveLength(1);
    expect(late[0].type).toBe('done');
  });

  it('marks a throwing job failed with its code', async () => {
    const q = new RunQueue();
    const job = q.submit('run', {}, async () => {
      throw Object.assign(new Error('no such scenario'), { code: 'E_UNKNOWN_ID' });
    });
    await tick();
    expect(q.get(job.id)).toMatchObject({
      state: 'failed',
      error: { code: 'E_UNKNOWN_ID', message: 'no such scenario' },
    });
  });
});
