import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES, exitCodeOf, httpStatusOf } from './error-codes.ts';
import { renderErrorsDoc } from './errors-doc.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.includes('/testing/') ? [p] : [];
  });
}

describe('error codes', () => {
  it('declares every code used in src/', () => {
    const used = new Set<string>();
    for (const file of sources(join(root, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/['"`](E_[A-Z0-9_]+)['"`]/g)) used.add(m[1]);
    }
    expect([...used].filter((code) => !(code in ERROR_CODES)).sort()).toEqual([]);
  });

  it('is what docs/errors.md lists (run `npm run docs:errors` after changing the registry)', () => {
    expect(readFileSync(join(root, 'docs/errors.md'), 'utf8')).toBe(renderErrorsDoc());
  });

  it('gives the API a status and the CLI an exit code for each code', () => {
    expect(httpStatusOf('E_UNKNOWN_ID')).toBe(404);
    expect(httpStatusOf('E_STORE_BUSY')).toBe(503);
    expect(httpStatusOf('E_FILE_NOT_FOUND')).toBe(400);
    expect(httpStatusOf('E_PORT_IN_USE')).toBe(400); // never an API answer
    expect(httpStatusOf('E_NOT_DECLARED')).toBe(500);
    expect(exitCodeOf('E_UNKNOWN_ID')).toBe(1);
    expect(exitCodeOf('E_INTERNAL')).toBe(3);
  });

  it('leaves statuses to the registry: no error in src/ is built with a status of its own', () => {
    const handWritten: string[] = [];
    for (const file of sources(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new HttpError\(\s*\d{3}|\b(?:badRequest|notFound)\(|NOT_FOUND_CODES/g))
        handWritten.push(`${file.slice(root.length)}: ${m[0]}`);
    }
    expect(handWritten).toEqual([]);
  });
});
