/** TEST HELPER: fresh `regimes` processes: the CLI once, or a server on a free port. */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/regimes.js', import.meta.url));

export interface Finished {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `regimes ...args` in a fresh process (in `cwd`) and waits for it. */
export function regimes(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Finished {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `regimes ...args` in a fresh process without blocking this one (several can run at once). */
export function regimesAsync(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

/** Signs of a crash or an uncaught error: a stack frame, V8's fatal errors, Node's uncaught handler. */
export const CRASH = /^\s+at |triggerUncaught|FATAL ERROR|Maximum call stack|node:internal/m;

export interface Server {
  url: string;
  token: string;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Stops it (SIGTERM) and waits for the exit. */
  stop(): Promise<void>;
}

/** Starts `regimes serve --port 0` in a fresh process (in `cwd`) and waits for its address. */
export async function startServer(cwd: string, args: string[] = []): Promise<Server> {
  const token = 'fuzz-token-0123456789';
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--token', token, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let exited = false;
  const done = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 60_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /dashboard: (http:\/\/[^/\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    void done.then(() => reject(new Error(`server exited: ${err}`)));
  });
  return {
    url,
    token,
    stderr: () => err,
    alive: () => !exited,
    stop: async () => {
      if (!exited) child.kill('SIGTERM');
      await done;
    },
  };
}
