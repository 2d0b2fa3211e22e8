/**
 * Writes the test fixtures reduced from FabFlee's config_files (the rows and columns that show
 * each irregularity Flee reads), with a SOURCES.md naming the files, the rows kept, the commit
 * and the licence. Run through `npx tsx bench/flee-compat.ts --fabflee PATH --write-fixtures DIR`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface Reduction {
  /** Path under config_files/. */
  from: string;
  /** Fixture file name. */
  to: string;
  /** 1-based line ranges kept, inclusive. */
  lines: [number, number][];
  /** Columns kept (0-based, every row), all when absent. */
  columns?: number;
  shows: string;
}

const REDUCTIONS: Reduction[] = [
  {
    from: 'validation/SWEEP/mali2017_adm1/source_data/refugees.csv',
    to: 'mali2017_adm1-refugees.csv',
    lines: [[31, 38]],
    shows: 'rows out of date order (2020-02-29 after 2020-05-31; 2019-06-30 last)',
  },
  {
    from: 'validation/SWEEP/ukraine2022/source_data/pol-medyka.csv',
    to: 'ukraine2022-pol-medyka.csv',
    lines: [
      [316, 320],
      [337, 338],
    ],
    shows: 'a row out of date order (2023-01-07 after 2023-08-17) and a date given twice (2023-08-17)',
  },
  {
    from: 'validation/SWEEP/venezuela2022/input_csv/conflicts.csv',
    to: 'venezuela2022-conflicts.csv',
    lines: [[1, 4]],
    columns: 10,
    shows: 'a conflicts column, "Distrito Capital", for a place locations.csv does not list',
  },
  {
    from: 'validation/SWEEP/tigray2020/source_data/refugees.csv',
    to: 'tigray2020-refugees.csv',
    lines: [[1, 4]],
    shows: 'columns after the count',
  },
  {
    from: 'ssudan_whole_revised/input_csv/locations.csv',
    to: 'ssudan_whole_revised-locations.csv',
    lines: [
      [1, 1],
      [91, 91],
      [128, 128],
    ],
    shows: 'a location name given twice (Pochalla, a town)',
  },
  {
    from: 'bangladesh/source_data/data_layout.csv',
    to: 'bangladesh-data_layout.csv',
    lines: [[1, 2]],
    shows: 'a byte-order mark and Windows line ends',
  },
];

/** The kept lines of a file, line ends and a leading byte-order mark as they are. */
function reduce(text: string, r: Reduction): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const kept = r.lines.flatMap(([a, b]) => lines.slice(a - 1, b));
  const cut = r.columns === undefined ? kept : kept.map((l) => l.split(',').slice(0, r.columns).join(','));
  return cut.join(eol) + eol;
}

export function writeFixtures(fabflee: string, dir: string, commit: string): void {
  mkdirSync(dir, { recursive: true });
  for (const r of REDUCTIONS) {
    const file = join(dir, r.to);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, reduce(readFileSync(join(fabflee, 'config_files', r.from), 'utf8'), r));
  }
  const rows = REDUCTIONS.map(
    (r) =>
      `| \`${r.to}\` | \`config_files/${r.from}\` | lines ${r.lines.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(', ')}${r.columns ? `, first ${r.columns} columns` : ''} | ${r.shows} |`,
  );
  writeFileSync(
    join(dir, 'SOURCES.md'),
    [
      '# Fixtures reduced from FabFlee',
      '',
      `Rows cut from files of github.com/djgroen/FabFlee at commit \`${commit}\`, written by`,
      '`npx tsx bench/flee-compat.ts --fabflee PATH --write-fixtures src/displacement/fixtures/fabflee`',
      '(bench/flee-compat-fixtures.ts); the bytes of each kept line are unchanged (line ends and',
      'byte-order marks included). They are the test cases of src/displacement/fabflee-fixtures.test.ts.',
      '',
      'Licence of the repository: BSD 3-Clause, "Copyright (c) 2018, Derek Groen" (file `LICENSE` at',
      "its root); keep this notice with redistributed copies. The numbers come from the Flee authors'",
      'sources (UNHCR situation data, ACLED conflict events, census populations); their terms apply.',
      '',
      '| fixture | from | kept | shows |',
      '| --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
}
