/**
 * A task worker thread: answers requests with the handlers of a task module (`workerData.tasks`,
 * a module exporting `TASKS`; the server's is library-tasks.ts: documents, validation, decisions,
 * compliance, world data), keeping what they load (the library) between tasks. Errors go back as
 * data; the server renders them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../../shared/errors.ts';
import { HttpError } from '../http-error.ts';
import type { TaskAnswer, TaskFailure, TaskOrder } from './task-message.ts';
import type { TaskTable } from './task-table.ts';

const port = parentPort!;
const { TASKS } = (await import((workerData as { tasks: string }).tasks)) as { TASKS: TaskTable };

function failureOf(err: unknown): TaskFailure {
  if (err instanceof HttpError)
    return {
      kind: 'http',
      statusCode: err.statusCode,
      code: err.code,
      message: err.message,
      ...(err.diagnostics ? { diagnostics: err.diagnostics } : {}),
    };
  if (err instanceof UserError) return { kind: 'user', diagnostics: err.diagnostics };
  const e = err instanceof Error ? err : new Error(String(err));
  return { kind: 'internal', message: e.message, stack: e.stack };
}

port.on('message', async (order: TaskOrder) => {
  let answer: TaskAnswer;
  try {
    const handler = TASKS[order.name];
    if (!handler) throw new Error(`no task ${order.name}`);
    answer = { type: 'done', id: order.id, value: await handler(order.request) };
  } catch (err) {
    answer = { type: 'failed', id: order.id, failure: failureOf(err) };
  }
  port.postMessage(answer);
});
port.postMessage({ type: 'ready' } satisfies TaskAnswer);
