import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/regime/index.ts';
import { hostileTexts, randomYaml } from './hostile-yaml.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('the YAML reader on hostile text', () => {
  for (const h of hostileTexts().filter((h) => !h.code.startsWith('E_MISSING')))
    it(`refuses ${h.name} with ${h.code}`, () => {
      const r = parseSource('h.yaml', bytes(h.text));
      expect(r.ok ? [] : r.diagnostics.map((d) => d.code)).toEqual([h.code]);
    });
  it('reads a long scalar whole', () => {
    const h = hostileTexts().find((x) => x.name === 'a long plain scalar')!;
    const r = parseSource('h.yaml', bytes(h.text));
    expect(r.ok && (r.documents[0].value as { title: string }).title.length).toBe(990_000);
  });
  it('answers 200 random texts of structural characters with documents or coded problems, never a throw', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const text = randomYaml(seed, 400);
      const r = parseSource('r.yaml', bytes(text));
      if (r.ok) continue;
      for (const d of r.diagnostics) {
        expect(d.code, `seed ${seed}`).toMatch(/^E_[A-Z_]+$/);
        expect(d.message, `seed ${seed}`).not.toMatch(/call stack|\n\s+at /);
      }
    }
  });
});
