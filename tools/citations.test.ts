/**
 * Comments, documents and docs cite files of this repository (`docs/…`) or published sources
 * ("Overbeek 2002, §4"), never a document that is not in the repository: a reader of the code has
 * only the repository.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const ROOTS = ['src', 'web/src', 'tools', 'bench', 'test', 'docs', 'regimes', 'cases', 'README.md'];
/** Under data/ only the notes (SOURCES.md and the like): the data files themselves are not prose. */
const NOTES = /\.md$/;
const TEXT = /\.(ts|tsx|js|md|ya?ml|json|css|html|sh)$/;
const SELF = fileURLToPath(import.meta.url);

/** Citations of the design notes and anchors kept outside the repository. */
const OUTSIDE = /\bDESIGN(\.md|\s+§)|\b[Ss]eed\s+§|policy-anchors|stack\.md|flee-(format|baseline)\.md/;

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isDirectory())
    return readdirSync(path).flatMap((name) => (name === 'node_modules' ? [] : files(join(path, name))));
  return TEXT.test(path) && path !== SELF ? [path] : [];
}

const all = [
  ...ROOTS.flatMap((r) => files(join(REPO, r))),
  ...files(join(REPO, 'data')).filter((f) => NOTES.test(f)),
];
const lines = (pattern: RegExp) =>
  all.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${relative(REPO, f)}:${i + 1}: ${line.trim()}`] : [])),
  );

describe('citations', () => {
  it('read the files', () => {
    expect(all.length).toBeGreaterThan(300);
  });

  it('never name a document outside the repository (DESIGN §, seed §, policy-anchors)', () => {
    expect(lines(OUTSIDE)).toEqual([]);
  });

  it('name only docs/ files that exist', () => {
    const missing = lines(/docs\/[\w-]+\.md/).filter((l) =>
      [...l.matchAll(/docs\/([\w-]+\.md)/g)].some((m) => !existsSync(join(REPO, 'docs', m[1]))),
    );
    expect(missing).toEqual([]);
  });

  it('are caught in a comment of either form', () => {
    for (const bad of [
      '// see DESIGN §2',
      ' * (seed §4: …)',
      '# Seed §3',
      'policy-anchors §2.12',
      '`docs/flee-format.md` in shared/',
    ])
      expect(OUTSIDE.test(bad), bad).toBe(true);
    for (const good of ['(Overbeek 2002, §4)', 'docs/model.md §3.9', 'seed: "§3"', 'the design of a seed'])
      expect(OUTSIDE.test(good), good).toBe(false);
  });
});
