import { describe, it, expect } from 'vitest';
import { loadScenario } from './scenario.ts';
import { runModel } from './model.ts';
import { outCsv, pyFloat } from './out-csv.ts';
import { computeArd } from './validation.ts';
import { writeTinyScenario } from '../../test/support/displacement/tiny-scenario.ts';

describe("out.csv in Flee's columns", () => {
  const s = loadScenario('data/flee/mali2012', { days: 20 });
  const r = runModel(s, { seed: 1 });
  const lines = outCsv(s, r).trimEnd().split('\n');

  it('has the header run.py prints, one row per day, dated the day after', () => {
    expect(lines[0]).toBe(
      'Day,Date,Fassala-Mbera sim,Fassala-Mbera data,Fassala-Mbera error,Mentao sim,Mentao data,Mentao error,' +
        'Bobo-Dioulasso sim,Bobo-Dioulasso data,Bobo-Dioulasso error,Abala sim,Abala data,Abala error,' +
        'Mangaize sim,Mangaize data,Mangaize error,Niamey sim,Niamey data,Niamey error,Tabareybarey sim,Tabareybarey data,Tabareybarey error,' +
        'Total error,refugees in camps (UNHCR),total refugees (simulation),raw UNHCR refugee count,refugees in camps (simulation),refugee_debt',
    );
    expect(lines).toHaveLength(21);
    expect(lines[1].startsWith('0,2012-03-01,')).toBe(true);
    expect(lines[20].startsWith('19,2012-03-20,')).toBe(true);
  });

  it("writes Flee's day-0 totals (the raw count double-counts day 0, as Flee does)", () => {
    const cells = lines[1].split(',');
    // Flee's own out.csv for mali2012, day 0: UNHCR camps 10838, raw 30913.
    expect(cells.slice(-5, -3)).toEqual(['10838', '10838']);
    expect(cells[cells.length - 3]).toBe('30913');
  });

  it('gives back the same ARD when read the way extract-validation-results.py reads it', () => {
    const nc = s.camps.length;
    const sim: number[] = [];
    const data: number[] = [];
    for (const line of lines.slice(1)) {
      const c = line.split(',');
      for (let k = 0; k < nc; k++) {
        sim.push(Number(c[2 + 3 * k]));
        data.push(Number(c[3 + 3 * k]));
      }
    }
    const fromFile = computeArd({ days: 20, camps: nc, sim, data });
    const direct = computeArd({ days: 20, camps: nc, sim: r.campSim, data: s.campData, raw: r.raw });
    expect(fromFile.ard).toBe(direct.ard);
  });

  it('writes zeros in the totals when the raw count is 0, like Flee', () => {
    const empty = loadScenario(writeTinyScenario());
    const out = outCsv(empty, runModel(empty, { seed: 1 })).split('\n');
    expect(out[1]).toBe('0,2020-01-02,0,0,0.0,0.0,0,0,0,0,0');
  });

  it("formats floats like Python's str()", () => {
    expect([0, 1, 0.0003, 1.5e-5, 0.1 + 0.2, 12.5].map(pyFloat)).toEqual([
      '0.0',
      '1.0',
      '0.0003',
      '1.5e-05',
      '0.30000000000000004',
      '12.5',
    ]);
  });
});
