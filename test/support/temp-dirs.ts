/** Temporary folders for a test file, removed after use so test runs leave nothing in the system's temporary folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/** Registers the clean-up (call it at the top level of a test file) and returns the maker of folders, each removed after the test that made it. */
export function tempDirs(prefix: string): () => string {
  return maker(prefix, afterEach);
}

/**
 * Like `tempDirs`, but the folders live until the end of the test file: for a folder made at the
 * top level or shared by several tests.
 */
export function fileTempDirs(prefix: string): () => string {
  return maker(prefix, afterAll);
}

function maker(prefix: string, after: (clean: () => void) => void): () => string {
  const dirs: string[] = [];
  after(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
}
