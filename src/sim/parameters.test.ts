import { describe, expect, it } from 'vitest';
import { CALIBRATED, PARAMETER_INFO } from './parameters.ts';

describe('the engine parameters', () => {
  it('say each shared note once: no clause of 120 characters or more is in two sources', () => {
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    for (const [name, p] of Object.entries(PARAMETER_INFO))
      for (const clause of p.source.split(/[;:] /).map((c) => c.trim())) {
        if (clause.length < 120) continue;
        const first = seen.get(clause);
        if (first && first !== name) repeated.push(`${first} and ${name}: ${clause}`);
        else seen.set(clause, name);
      }
    expect(repeated).toEqual([]);
  });

  it('cite the calibration, method and fit, for every calibrated parameter', () => {
    expect(CALIBRATED.length).toBeGreaterThan(0);
    for (const name of CALIBRATED) expect(PARAMETER_INFO[name].source).toMatch(/stage [12] of calibrate\.ts/);
  });
});
