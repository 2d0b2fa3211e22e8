/**
 * A worker thread of the agent pool (pool.ts): waits on the epoch counter, takes its job from its
 * port, runs the agent kernels over its groups and counts itself done.
 */
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { runGroups } from './agent-pass.ts';
import { bilateralTallyOf } from './bilateral-tally.ts';
import type { AgentJob } from './pool.ts';
import { CTRL } from './pool.ts';
import { storeFromBuffers } from './state.ts';

const { ctrl: ctrlBuffer, port } = workerData as { ctrl: SharedArrayBuffer; port: MessagePort };
const ctrl = new Int32Array(ctrlBuffer);

let seen = Atomics.load(ctrl, CTRL.epoch);
Atomics.add(ctrl, CTRL.ready, 1);
Atomics.notify(ctrl, CTRL.ready);
for (;;) {
  Atomics.wait(ctrl, CTRL.epoch, seen);
  seen = Atomics.load(ctrl, CTRL.epoch);
  if (Atomics.load(ctrl, CTRL.stop)) break;
  let received = receiveMessageOnPort(port);
  for (let tries = 0; !received && tries < 5000; tries++) {
    Atomics.wait(ctrl, CTRL.stop, 0, 1);
    received = receiveMessageOnPort(port);
  }
  if (!received) {
    Atomics.store(ctrl, CTRL.failed, 1);
    port.postMessage({ error: 'no job arrived on the port' });
  } else {
    try {
      const job = received.message as AgentJob;
      runGroups(
        storeFromBuffers(job.buffers),
        job.ctx,
        new Float64Array(job.acc),
        job.sliceLength,
        job.groupSize,
        job.groups,
        bilateralTallyOf(job.bilateral, job.ctx.n, job.thread),
      );
    } catch (e) {
      Atomics.store(ctrl, CTRL.failed, 1);
      port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  }
  Atomics.add(ctrl, CTRL.done, 1);
  Atomics.notify(ctrl, CTRL.done);
}
port.close();
