/**
 * Writes the policy-index values of data/policy/ from the public copies named in
 * data/policy/SOURCES.md: `npx tsx tools/extract-policy-indices.ts --mipex mipex_av.dta --impic
 * impic2016.csv`. The inputs are not shipped; the CSVs this writes are, so the project never needs
 * them again. MIPEX: variable `mipex10` of the replication data of Manatschal and Bernauer (2016),
 * one overall score per country. IMPIC: the 2016 release, the overall index and the four fields (A family reunification, B labour, C asylum, D co-ethnics: the order of the codebook's Table 1 and of its item codes a–d),
 * two-letter codes turned into ISO3 with data/world/countries/countries.csv. The release also codes
 * the EU's own law as two units, `ed` (EU Directives) and `er` (EU Regulation) in the codebook's list
 * of units; they are no country and are left out by name, as `er` is also Eritrea's ISO code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { columnIndex, parseCsv } from '../src/world/csv.ts';
import { readDta } from './stata-dta.ts';

const { values } = parseArgs({
  options: {
    mipex: { type: 'string' },
    impic: { type: 'string' },
    out: { type: 'string', default: 'data/policy' },
  },
});
if (!values.mipex || !values.impic) {
  process.stderr.write(
    'usage: npx tsx tools/extract-policy-indices.ts --mipex mipex_av.dta --impic impic2016.csv\n',
  );
  process.exit(2);
}

const mipex = readDta(readFileSync(values.mipex));
const code = mipex.variables.findIndex((v) => v.name === 'short');
const score = mipex.variables.findIndex((v) => v.name === 'mipex10');
if (code < 0 || score < 0) throw new Error('mipex_av.dta: expected the variables short and mipex10');
const mipexRows = mipex.rows
  .map((r) => [String(r[code]), r[score]] as const)
  .filter(([, s]) => s !== null)
  .sort(([a], [b]) => a.localeCompare(b));
writeFileSync(
  join(values.out!, 'mipex-2010.csv'),
  ['iso3,mipex_2010', ...mipexRows.map(([c, s]) => `${c},${s}`)].join('\n') + '\n',
);

const countries = parseCsv(readFileSync('data/world/countries/countries.csv', 'utf8'), 'countries.csv');
const iso2 = columnIndex(countries, 'iso2');
const iso3 = columnIndex(countries, 'iso3');
const toIso3 = new Map(countries.rows.map((r) => [r[iso2].toLowerCase(), r[iso3]]));
/** IMPIC's units that are no country: EU Directives and EU Regulation (IMPIC codebook, list of units). */
const EU_UNITS = new Set(['ed', 'er']);
const impic = parseCsv(readFileSync(values.impic, 'utf8'), values.impic);
const cols = ['cntry', 'year', 'AvgS_ImmPol', 'AvgS_Reg_A', 'AvgS_Reg_B', 'AvgS_Reg_C', 'AvgS_Reg_D'].map(
  (c) => columnIndex(impic, c),
);
const impicRows = impic.rows
  .filter((r) => !EU_UNITS.has(r[cols[0]]) && toIso3.has(r[cols[0]]))
  .map((r) => [toIso3.get(r[cols[0]])!, ...cols.slice(1).map((c) => (r[c] === 'NA' ? '' : r[c]))])
  .sort((a, b) => a[0].localeCompare(b[0]) || Number(a[1]) - Number(b[1]));
writeFileSync(
  join(values.out!, 'impic-2016.csv'),
  ['iso3,year,immpol,family,labour,asylum,coethnic', ...impicRows.map((r) => r.join(','))].join('\n') + '\n',
);
process.stdout.write(`wrote ${mipexRows.length} MIPEX and ${impicRows.length} IMPIC rows to ${values.out}\n`);
