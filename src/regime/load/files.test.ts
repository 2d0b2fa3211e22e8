import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libraryOf, readDocuments } from '../../ensemble/documents.ts';
import { BUILTIN_DIR, builtinNameOf, checkWithBuiltins, loadWithBuiltins } from './files.ts';

const builtinPolicy = join(BUILTIN_DIR, 'policies', 'policy-sau.yaml');
const dir = mkdtempSync(join(tmpdir(), 'regimes-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the user's files with the built-ins", () => {
  it('take a built-in file given back (edited in place) as that file, not as a second definition of its ids', () => {
    expect(builtinNameOf(builtinPolicy)).toBe(join('regimes', 'policies', 'policy-sau.yaml'));
    const result = checkWithBuiltins([builtinPolicy]);
    expect(result.ok, JSON.stringify(!result.ok && result.diagnostics)).toBe(true);
    expect(loadWithBuiltins([builtinPolicy]).get('policy-sau')).toBeDefined();
    // the same in a simulation's jobs, which carry the files' bytes
    expect(libraryOf(readDocuments([builtinPolicy])).get('policy-sau')).toBeDefined();
  });

  it('still refuse a copy of a built-in elsewhere: two files define the same id', () => {
    const copy = join(dir, 'policy-sau.yaml');
    copyFileSync(builtinPolicy, copy);
    expect(builtinNameOf(copy)).toBeUndefined();
    const result = checkWithBuiltins([copy]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]).toMatchObject({ code: 'E_DUPLICATE_ID', file: copy });
  });
});
