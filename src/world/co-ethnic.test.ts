import { describe, expect, it } from 'vitest';
import { UserError } from '../shared/errors.ts';
import { buildCoEthnic } from './co-ethnic.ts';
import type { Country } from './countries.ts';
import { countryListOf } from './countries.ts';
import { parseCsv } from './csv.ts';
import { loadWorld } from './load-world.ts';

const HEADER = 'group,homeland,origin,population,law,from,until,moves';
const list = countryListOf(['SRB', 'BIH'].map((iso3) => ({ iso3 }) as Country));

describe('co-ethnic populations', () => {
  it('read whether a group settles or only flees to its homeland', () => {
    const t = parseCsv(`${HEADER}\nserbs,SRB,BIH,1366104,a law,1992,2005,flee\n`, 'x.csv');
    expect(buildCoEthnic(t, list)).toEqual([
      {
        group: 'serbs',
        homeland: 'SRB',
        origin: 'BIH',
        population: 1366104,
        law: 'a law',
        from: 1992,
        until: 2005,
        moves: 'flee',
      },
    ]);
  });

  it('read a group driven out as a whole', () => {
    const t = parseCsv(`${HEADER}\narmenians,SRB,BIH,245055,a law,1990,2005,expelled\n`, 'x.csv');
    expect(buildCoEthnic(t, list)[0].moves).toBe('expelled');
  });

  it('refuse an unknown way of moving, with its file and line', () => {
    const t = parseCsv(`${HEADER}\nserbs,SRB,BIH,1366104,a law,1992,2005,teleport\n`, 'x.csv');
    let err: unknown;
    try {
      buildCoEthnic(t, list);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('E_WORLD_VALUE');
    expect((err as UserError).message).toMatch(/teleport/);
    expect(JSON.stringify(err)).toMatch(/x\.csv/);
  });

  it('ship the Serbs of Croatia and Bosnia and Herzegovina and the Croats of Bosnia as groups that flee (1991 census)', () => {
    const flee = loadWorld({ first: 1990, last: 2005 }).coEthnic.filter((e) => e.moves === 'flee');
    expect(flee.map((e) => `${e.group} ${e.origin}>${e.homeland} ${e.population}`)).toEqual([
      'serbs HRV>SRB 581663',
      'serbs BIH>SRB 1366104',
      'croats BIH>HRV 760852',
    ]);
  });

  it('ship the Armenians of Azerbaijan outside Nagorno-Karabakh, the Azerbaijanis of Armenia, the Hoa of Viet Nam (1989 censuses) and the Serbs of Croatia in 1995 (1991 census) as expelled', () => {
    const expelled = loadWorld({ first: 1990, last: 2005 }).coEthnic.filter((e) => e.moves === 'expelled');
    expect(expelled.map((e) => `${e.group} ${e.origin}>${e.homeland} ${e.population}`)).toEqual([
      'armenians AZE>ARM 245055',
      'azerbaijanis ARM>AZE 84860',
      'hoa VNM>CHN 961702',
      'serbs HRV>SRB 581663',
    ]);
  });
});
