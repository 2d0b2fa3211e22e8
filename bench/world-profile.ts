/**
 * Profile of the world model's step (not a test): builds an engine on the real world under the
 * compiled `neoliberal` tables at about `--agents` agents, steps `--warm` years, then records a
 * V8 CPU profile of `--years` more steps on one thread and prints the self time by function.
 *
 *   npx tsx bench/world-profile.ts [--agents 1e7] [--warm 4] [--years 2] [--out step.cpuprofile]
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { benchWorld } from './world-setup.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const agentsWanted = Number(opt('--agents', '1e7'));
const warm = Number(opt('--warm', '4'));
const years = Number(opt('--years', '2'));
const out = opt('--out', '');

const engine = (await benchWorld()).engineFor(agentsWanted, 1);
for (let y = 1990; y < 1990 + warm; y++) engine.step(y);

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
const session = new Session();
session.connect();
const post = <T>(method: string, params?: object) =>
  new Promise<T>((resolve, reject) =>
    session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))),
  );
await post('Profiler.enable');
await post('Profiler.setSamplingInterval', { interval: 200 });
await post('Profiler.start');
const t0 = performance.now();
const parts = { countryLevel: 0, decisions: 0, agentPass: 0, indicators: 0 };
for (let y = 1990 + warm; y < 1990 + warm + years; y++) {
  engine.step(y);
  for (const k of Object.keys(parts) as (keyof typeof parts)[]) parts[k] += engine.lastTimings[k] / years;
}
const wall = (performance.now() - t0) / 1000 / years;
const { profile } = await post<{ profile: { nodes: Node[] } }>('Profiler.stop');
engine.close();
if (out) writeFileSync(out, JSON.stringify(profile));

const self = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const hits = node.hitCount ?? 0;
  total += hits;
  const f = node.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(src|bench|node_modules)\//, '$1/')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + hits);
}
let agents = 0;
for (let i = 0; i < engine.store.used; i++) if (engine.store.status[i] !== 255) agents++;
console.log(
  `${(agents / 1e6).toFixed(2)} M agents (${(engine.store.used / 1e6).toFixed(2)} M slots), 1 thread: step ${(wall * 1000).toFixed(0)} ms ` +
    `(country level ${(parts.countryLevel * 1000).toFixed(0)}, decisions ${(parts.decisions * 1000).toFixed(0)}, agent pass ${(parts.agentPass * 1000).toFixed(0)}, indicators ${(parts.indicators * 1000).toFixed(0)} ms)`,
);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
