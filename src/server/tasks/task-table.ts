/**
 * Routes whose work runs in the task workers: a table of handlers keyed by `METHOD /path`. The
 * server registers each as a route that hands the request's parameters, query and body to the
 * pool; a worker finds the same handler by the same key.
 */
import type { FastifyInstance } from 'fastify';
import type { TaskHandler } from './task-message.ts';
import type { TaskPool } from './task-pool.ts';

/** Handlers by `METHOD /path` (fastify's path syntax). */
export type TaskTable = Record<string, TaskHandler>;

/** Registers every route of a table, each answered by its handler on a task worker. */
export function registerTaskRoutes(app: FastifyInstance, table: TaskTable, pool: TaskPool): void {
  for (const key of Object.keys(table)) {
    const [method, url] = key.split(' ');
    app.route({
      method: method as 'GET' | 'POST',
      url,
      handler: (req) =>
        pool.run(key, {
          params: req.params as Record<string, string>,
          query: req.query as Record<string, unknown>,
          body: req.body,
        }),
    });
  }
}
