/**
 * The numeric options of a benchmark (`--rows 230000`), read with node's own argument parser;
 * options a benchmark does not declare are left to it (strict: false).
 */
import { parseArgs } from 'node:util';

/** `defaults` with the values given on the command line; a value that is not a number is refused. */
export function numberOptions<K extends string>(
  defaults: Record<K, number>,
  argv: string[] = process.argv.slice(2),
): Record<K, number> {
  const names = Object.keys(defaults) as K[];
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])),
    strict: false,
    allowPositionals: true,
  });
  const out = { ...defaults };
  for (const n of names) {
    const given = values[n];
    if (typeof given !== 'string') continue;
    const x = Number(given);
    if (given.trim() === '' || !Number.isFinite(x)) throw new Error(`--${n}: ${given} is not a number`);
    out[n] = x;
  }
  return out;
}
