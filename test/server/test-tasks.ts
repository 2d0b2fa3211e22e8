/** TEST DOUBLE: tasks for the task pool's tests (src/server/tasks/task-pool.test.ts). */
import { userError } from '../../src/shared/errors.ts';
import { HttpError } from '../../src/server/http-error.ts';
import type { TaskTable } from '../../src/server/tasks/task-table.ts';

export const TASKS: TaskTable = {
  echo: (req) => req.body,
  slow: (req) => {
    const until = performance.now() + Number(req.body);
    while (performance.now() < until);
    return 'slow done';
  },
  forever: () => {
    for (;;);
  },
  exit: () => process.exit(7),
  throws: () => {
    throw new Error('boom');
  },
  user: () => {
    throw userError('E_UNKNOWN_ID', 'no such thing');
  },
  http: () => {
    throw new HttpError(409, 'E_CONFLICT_TEST', 'a conflict');
  },
  hog: () => {
    const keep: number[][] = [];
    for (;;) keep.push(new Array(1_000_000).fill(1));
  },
};
