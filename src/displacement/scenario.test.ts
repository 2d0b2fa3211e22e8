import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { errorOf } from '../../test/support/user-error.ts';
import { loadScenario } from './scenario.ts';
import { initialState, plannedAgents } from './model.ts';
import { TINY, writeTinyScenario } from '../../test/support/displacement/tiny-scenario.ts';

describe('a shipped Flee scenario as a typed object', () => {
  const s = loadScenario('data/flee/mali2012');
  it('has the camps in locations.csv order, the period and the validation settings', () => {
    expect(s.name).toBe('mali2012');
    expect(s.startDate).toBe('2012-02-29');
    expect(s.days).toBe(300);
    expect(Array.from(s.camps, (c) => s.locations[c].name)).toEqual([
      'Fassala-Mbera',
      'Mentao',
      'Bobo-Dioulasso',
      'Abala',
      'Mangaize',
      'Niamey',
      'Tabareybarey',
    ]);
    expect(s.homeCountry).toBe('Mali');
    expect(s.settings).toMatchObject({
      maxMoveSpeed: 400,
      softening: 50,
      distancePower: 0.75,
      conflictWeight: 0.25,
      avoidShortStints: true,
      capacityScaling: 1.25,
    });
  });
  it('pre-fills the camps with their day-0 counts, as Flee prints them on day 0', () => {
    // Flee's out.csv day 0 for mali2012: Fassala-Mbera data 9265, Abala 698, Mangaize 875.
    expect(s.campData[0]).toBe(9265);
    expect(Array.from(s.campDay0)).toEqual([9265, 0, 0, 698, 875, 0, 0]);
  });
  it('spawns exactly as many agents as Flee (89,991 at the end of mali2012)', () => {
    expect(plannedAgents(s)).toBe(89991);
  });
  it('divides populations, capacities and counts by hasten', () => {
    const h = loadScenario('data/flee/mali2012', { hasten: 10, days: 5 });
    expect(h.days).toBe(5);
    const kidal = h.locations.findIndex((l) => l.name === 'Kidal');
    expect(h.population[kidal]).toBe(Math.floor(25617 / 10));
    expect(h.campData[0]).toBe(926);
  });
});

describe('scenario errors name the file', () => {
  it('requires a row in data_layout.csv for every camp', () => {
    const dir = writeTinyScenario({ data_layout: 'total,refugees.csv\n' });
    expect(errorOf(() => loadScenario(dir))).toMatch(
      /data_layout\.csv: camp "Gamma" \(locations\.csv line 4\) has no row in data_layout\.csv/,
    );
  });
  it('requires one conflicts.csv row per simulated day', () => {
    const dir = writeTinyScenario({ sim_period: 'StartDate,2020-01-01\nLength,12\n' });
    expect(errorOf(() => loadScenario(dir))).toMatch(
      /conflicts\.csv: has 10 day rows but 12 days are simulated/,
    );
  });
  it('reports a missing file and a folder that is not a scenario', () => {
    const dir = writeTinyScenario({ series: { 'gamma.csv': 'Date,count\n2020-01-01,0\n' } });
    expect(errorOf(() => loadScenario(join(dir, 'input_csv')))).toMatch(/not a Flee scenario folder/);
    const missing = writeTinyScenario({ data_layout: 'total,refugees.csv\nGamma,nope.csv\n' });
    expect(errorOf(() => loadScenario(missing))).toMatch(
      /source_data[/\\]nope\.csv: file not found \[E_FLEE_MISSING_FILE\]/,
    );
  });
  it('applies registration corrections and rejects a date that is not a data point', () => {
    const series = { 'gamma.csv': 'Date,count\n2020-01-01,100\n2020-01-05,100\n2020-01-06,200\n' };
    const ok = loadScenario(
      writeTinyScenario({ series, registration_corrections: 'Gamma,2020-01-06,normalize\n' }),
    );
    expect(ok.campData[0]).toBe(200); // earlier points scaled by 200/100
    const bad = writeTinyScenario({ series, registration_corrections: 'Gamma,2020-01-03,normalize\n' });
    expect(errorOf(() => loadScenario(bad))).toMatch(
      /registration_corrections\.csv:1: no data point of "Gamma" on that date/,
    );
  });
  it('reports bad settings with file and line', () => {
    const dir = writeTinyScenario({ settings: 'move_rules:\n  max_move_speed: fast\n' });
    expect(errorOf(() => loadScenario(dir))).toMatch(
      /simsetting\.yml:2: move_rules\.max_move_speed: expected a number, got "fast"/,
    );
  });
});

describe('a scenario Flee reads although it is irregular', () => {
  // The two cases: a validation file out of date order, a conflicts column for a place
  // locations.csv does not list.
  const irregular = () =>
    writeTinyScenario({
      conflicts: ['#Day,Alpha,Atlantis', ...Array.from({ length: 10 }, (_, d) => `${d},1,1`)].join('\n'),
      series: { 'gamma.csv': 'Date,count\n2020-01-01,0\n2020-01-10,1000\n2020-01-05,400\n' },
    });

  it('loads with a warning for each irregularity, naming file and line', () => {
    const s = loadScenario(irregular());
    expect(s.conflicts.names).toEqual(['Alpha']);
    expect(s.warnings.map((w) => [w.file.replace(/.*flee-tiny-\w+[/\\]/, ''), w.line, w.code])).toEqual([
      ['input_csv/conflicts.csv', 1, 'E_FLEE_UNKNOWN_LOCATION'],
      ['source_data/gamma.csv', 4, 'E_FLEE_DATE'],
    ]);
  });

  it('is refused under strict as before', () => {
    expect(errorOf(() => loadScenario(irregular(), { strict: true }))).toMatch(
      /conflicts\.csv:1: unknown location "Atlantis" in header \(not in locations\.csv\) \(refused under --strict\)/,
    );
  });

  it('rescales the rows before every row on a corrected date, as Flee does', () => {
    const series = {
      'gamma.csv': 'Date,count\n2020-01-01,50\n2020-01-03,100\n2020-01-03,200\n2020-01-10,300\n',
    };
    const s = loadScenario(writeTinyScenario({ series, registration_corrections: 'Gamma,2020-01-03\n' }));
    // Row 2 rescales row 1 by 100/50; row 3 then rescales rows 1-2 by 200/100.
    expect(s.campData[0]).toBe(200); // the first rescaling alone would give 100
  });

  it('refuses a daily capacity increase (capacity_per_day), a Flee rule the model does not implement', () => {
    const locations = [
      '#name,region,country,latitude,longitude,location_type,conflict_date,population,capacity_per_day',
      'Alpha,R1,Home,0,0,conflict_zone,0,10000,',
      'Beta,R1,Home,0,1,town,,5000,',
      'Gamma,R2,Abroad,0,2,camp,,2000,50',
    ].join('\n');
    expect(errorOf(() => loadScenario(writeTinyScenario({ locations })))).toMatch(
      /locations\.csv:4: "Gamma" has a capacity_per_day column: .* \[E_FLEE_UNSUPPORTED\]/,
    );
  });

  it("attaches routes to the later row of a duplicated name and conflicts to the first, as Flee's lookups do", () => {
    const dir = writeTinyScenario({
      locations: `${TINY.locations}\nAlpha,R1,Home,0,0,town,,500`,
    });
    const s = loadScenario(dir);
    expect(s.locations.map((l) => l.name)).toEqual(['Alpha', 'Beta', 'Gamma', 'Alpha']);
    expect(s.conflictLocation[0]).toBe(0);
    const m = initialState(s, { seed: 1 });
    const fromLast = m.routes.locOff[4] - m.routes.locOff[3];
    expect([m.routes.locOff[1] - m.routes.locOff[0], fromLast]).toEqual([0, 1]); // the first Alpha has no links
  });

  it('still refuses a genuinely broken file with FILE:LINE', () => {
    const population = writeTinyScenario({ locations: 'Alpha,R1,Home,0,0,conflict_zone,0,many\n' });
    expect(errorOf(() => loadScenario(population))).toMatch(/locations\.csv:1: bad population "many"/);
  });
});
