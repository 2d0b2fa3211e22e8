import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/regimes.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'regimes-resume-'));
const running = new Set<ReturnType<typeof spawn>>();
afterAll(() => {
  for (const c of running) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** `regimes ARGS` in a child process; resolves with its exit, stdout and stderr. */
function regimes(args: string[], onSpawn?: (c: ReturnType<typeof spawn>) => void) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  onSpawn?.(child);
  return new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>(
    (resolve) =>
      child.on('exit', (code, signal) => {
        running.delete(child);
        resolve({ code, signal, stdout, stderr });
      }),
  );
}

const RUN = [
  'run',
  'world-1990-2020',
  '--scale',
  '200000',
  '--from',
  '1990',
  '--to',
  '1991',
  '--threads',
  '1',
  '--json',
];

describe('regimes run --checkpoint-every and regimes resume (real engine, tiny scale)', () => {
  it(
    'a run killed (SIGKILL) after a checkpoint, resumed, ends with the digest of an uninterrupted run',
    { timeout: 180_000 },
    async () => {
      const uninterrupted = regimes([...RUN, '--store', 'whole.duckdb']);
      const checkpoints = join(dir, 'checkpoints');
      const killed = await regimes(
        [...RUN, '--store', 'killed.duckdb', '--checkpoint-every', '1'],
        (child) => {
          const poll = setInterval(() => {
            if (existsSync(checkpoints) && readdirSync(checkpoints).some((f) => f.endsWith('.ckpt'))) {
              clearInterval(poll);
              child.kill('SIGKILL');
            }
          }, 20);
          child.on('exit', () => clearInterval(poll));
        },
      );
      expect(killed.signal).toBe('SIGKILL');
      const runId = /run (run-\d{8}-\d{6}-[0-9a-f]{6}): a checkpoint every 1 year/.exec(killed.stderr)?.[1];
      expect(runId).toBeDefined();
      expect(existsSync(join(checkpoints, `${runId}.ckpt`))).toBe(true);

      const resumed = await regimes(['resume', runId!, '--store', 'killed.duckdb', '--json']);
      expect(resumed.stderr).toMatch(new RegExp(`resuming run ${runId} .* after 1990: 1 year to go`));
      expect(resumed.code).toBe(0);
      const whole = await uninterrupted;
      expect(whole.code).toBe(0);
      const a = JSON.parse(whole.stdout) as { engineDigest: string; outputDigest: string; rows: number };
      const b = JSON.parse(resumed.stdout) as {
        runId: string;
        engineDigest: string;
        outputDigest: string;
        rows: number;
        resumedAfter: number;
      };
      expect(b.runId).toBe(runId);
      expect(b.engineDigest).toBe(a.engineDigest);
      expect(b.outputDigest).toBe(a.outputDigest);
      expect(b.rows).toBe(a.rows);
      expect(b.resumedAfter).toBe(1990);
      // once the run is stored, its checkpoint is gone
      expect(existsSync(join(checkpoints, `${runId}.ckpt`))).toBe(false);
    },
  );
});
