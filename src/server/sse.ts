/**
 * Server-sent events for a job: the job's current state at once, then each progress event, and
 * the stream ends after `done` or `failed`. A comment line every 15 s keeps proxies from closing it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JobEvent, RunQueue } from './run-queue.ts';

/** Streams the events of job `id` (already known to exist) to the client. */
export function streamJob(queue: RunQueue, id: string, req: FastifyRequest, reply: FastifyReply): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let ended = false;
  const subscription: { off?: () => void } = {};
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    subscription.off?.();
    res.end();
  };
  const send = (e: JobEvent) => {
    if (ended) return;
    res.write(`event: ${e.type}\ndata: ${JSON.stringify(e.job)}\n\n`);
    if (e.type === 'done' || e.type === 'failed') setImmediate(end);
  };
  req.raw.on('close', end);
  subscription.off = queue.subscribe(id, send);
  if (ended) subscription.off?.();
}
