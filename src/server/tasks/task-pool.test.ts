import { afterEach, describe, expect, it } from 'vitest';
import { TaskPool, InternalError } from './task-pool.ts';

const TEST_TASKS = new URL('../../../test/server/test-tasks.ts', import.meta.url);
const request = (body: unknown = null) => ({ params: {}, query: {}, body });

let pool: TaskPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('the task pool', () => {
  it('answers a task on a worker, and tasks beyond its workers wait their turn', async () => {
    pool = new TaskPool({ tasks: TEST_TASKS, size: 1 });
    const answers = await Promise.all([
      pool.run('echo', request({ a: 1 })),
      pool.run('slow', request(50)),
      pool.run('echo', request(2)),
    ]);
    expect(answers).toEqual([{ a: 1 }, 'slow done', 2]);
  });

  it("gives back a task's own errors as they were thrown: HTTP, user, and internal with the worker's stack", async () => {
    pool = new TaskPool({ tasks: TEST_TASKS, size: 1 });
    await expect(pool.run('http', request())).rejects.toMatchObject({
      statusCode: 409,
      code: 'E_CONFLICT_TEST',
    });
    await expect(pool.run('user', request())).rejects.toMatchObject({ code: 'E_UNKNOWN_ID' });
    const internal = await pool.run('throws', request()).catch((e: unknown) => e);
    expect(internal).toBeInstanceOf(InternalError);
    expect((internal as InternalError).detail).toMatch(/boom[\s\S]*test-tasks/);
  });

  it('stops a task that runs too long (503 E_TASK_TIMEOUT) and answers the next on a fresh worker', async () => {
    pool = new TaskPool({ tasks: TEST_TASKS, size: 1, timeoutMs: 500 });
    await expect(pool.run('forever', request())).rejects.toMatchObject({
      statusCode: 503,
      code: 'E_TASK_TIMEOUT',
    });
    expect(await pool.run('echo', request('after'))).toBe('after');
  });

  it('fails only the task of a worker that dies, and replaces the worker', async () => {
    pool = new TaskPool({ tasks: TEST_TASKS, size: 1 });
    await expect(pool.run('exit', request())).rejects.toBeInstanceOf(InternalError);
    expect(await pool.run('echo', request('still here'))).toBe('still here');
  });

  it('stops a task that eats memory at its heap limit, and goes on', async () => {
    pool = new TaskPool({ tasks: TEST_TASKS, size: 1, maxHeapMb: 64 });
    await expect(pool.run('hog', request())).rejects.toBeInstanceOf(InternalError);
    expect(await pool.run('echo', request('alive'))).toBe('alive');
  });

  it('refuses tasks beyond its queue with 503 E_BUSY', async () => {
    pool = new TaskPool({ tasks: TEST_TASKS, size: 1, maxQueued: 1 });
    await pool.run('echo', request()); // the worker is up: the next task runs, one waits
    const first = pool.run('slow', request(300));
    const second = pool.run('echo', request(1));
    await expect(pool.run('echo', request(2))).rejects.toMatchObject({ statusCode: 503, code: 'E_BUSY' });
    expect(await Promise.all([first, second])).toEqual(['slow done', 1]);
  });
});
