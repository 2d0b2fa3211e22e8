/**
 * Hostile YAML texts for the fuzz tests: the shapes that used to crash or stall the parser (issue
 * 24, findings 1 and 3), each with the code it must be refused with, and a seeded generator of
 * random mixtures of them.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

export interface HostileText {
  name: string;
  text: string;
  /** The code the CLI and the API must answer with. */
  code: string;
}

const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n');

/** The named shapes: each is small enough to post (under 1 MB) unless it tests the size limit. */
export function hostileTexts(): HostileText[] {
  let block = 'kind: Case\n';
  for (let i = 0; i < 100; i++) block += `${'  '.repeat(i)}k${i}:\n`;
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++)
    bomb.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`,
    );
  return [
    { name: 'deep flow sequences', text: '['.repeat(1000) + ']'.repeat(1000), code: 'E_TOO_DEEP' },
    { name: 'deep flow sequences, never closed', text: '['.repeat(400_000), code: 'E_TOO_DEEP' },
    { name: 'deep flow mappings', text: '{a: '.repeat(1000) + '1' + '}'.repeat(1000), code: 'E_TOO_DEEP' },
    { name: 'deep block mappings', text: block + `${'  '.repeat(100)}v: 1\n`, code: 'E_TOO_DEEP' },
    { name: 'many keys', text: `kind: Case\nid: many\n${keys(20_000)}\n`, code: 'E_TOO_MANY_KEYS' },
    {
      name: 'many values',
      text: `kind: Case\nid: many\nl: [${'1,'.repeat(60_000)}]\n`,
      code: 'E_TOO_MANY_NODES',
    },
    {
      name: 'a long plain scalar',
      text: `kind: Case\nid: long\ntitle: ${'a'.repeat(990_000)}\n`,
      code: 'E_MISSING_FIELD',
    },
    {
      name: 'a long quoted scalar',
      text: `kind: Case\nid: long\ntitle: "${'\\u00e9 '.repeat(140_000)}"\n`,
      code: 'E_MISSING_FIELD',
    },
    { name: 'an alias bomb', text: bomb.join('\n') + '\n', code: 'E_ALIAS_LIMIT' },
  ];
}

const PIECES = [
  '[',
  ']',
  '{',
  '}',
  'a: ',
  '- ',
  '\n',
  '  ',
  ', ',
  '"x',
  '"',
  "'",
  '&a ',
  '*a ',
  '? ',
  '# c',
  '---\n',
  'k: v\n',
  '|\n',
  '1',
];

/** A random text of up to `length` pieces drawn from YAML's structural characters (seeded). */
export function randomYaml(seed: number, length: number): string {
  const rng = xoroshiro128plus(seed);
  const n = uniformInt(rng, 1, length);
  let text = '';
  for (let i = 0; i < n; i++) {
    const piece = PIECES[uniformInt(rng, 0, PIECES.length - 1)];
    text += piece.repeat(uniformInt(rng, 0, 3) === 0 ? uniformInt(rng, 1, 200) : 1);
  }
  return text;
}
