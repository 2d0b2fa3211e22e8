import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_TABLES, REPO, tableInText, withTable } from './docs-tables.ts';

describe('the tables of the documentation generated from the code', () => {
  for (const t of GENERATED_TABLES)
    it(`${t.file} lists ${t.name} as ${t.from} has them (else: npm run docs:tables)`, () => {
      expect(tableInText(readFileSync(`${REPO}${t.file}`, 'utf8'), t)).toBe(t.render());
    });

  it('rewrites only what lies between the markers', () => {
    const t = { ...GENERATED_TABLES[0], render: () => '| new |' };
    const text = `before\n<!-- table:${t.name} (old) -->\n| old |\n<!-- /table:${t.name} -->\nafter\n`;
    const out = withTable(text, t);
    expect(out).toMatch(/^before\n<!-- table:engine-parameters \(generated from .*\n\| new \|\n<!-- \/table/);
    expect(out.endsWith('<!-- /table:engine-parameters -->\nafter\n')).toBe(true);
    expect(tableInText(out, t)).toBe('| new |');
  });

  it('refuses a file without the markers', () => {
    expect(() => tableInText('no table here', GENERATED_TABLES[0])).toThrow(/no markers/);
  });
});
