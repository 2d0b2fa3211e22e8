/** TEST HELPER: another process that holds a results store file open for writing, as a writer appending does. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A process holding a store. */
export interface Holder {
  pid: number;
  /** Resolves when it has closed the file and exited. */
  released: Promise<void>;
}

/** Starts a process that opens `file` for writing and holds it for `ms` ms; resolves once it holds it. */
export async function holdStore(file: string, ms: number): Promise<Holder> {
  const code = `import { DuckDBInstance } from '@duckdb/node-api';
    const i = await DuckDBInstance.create(${JSON.stringify(file)});
    console.log('held');
    setTimeout(() => { i.closeSync(); process.exit(0); }, ${ms});`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT });
  const released = new Promise<void>((done) => child.on('exit', () => done()));
  await new Promise<void>((held, fail) => {
    child.stdout.on('data', () => held());
    child.on('exit', (c) => fail(new Error(`the holder exited with ${c} before holding ${file}`)));
  });
  return { pid: child.pid!, released };
}
