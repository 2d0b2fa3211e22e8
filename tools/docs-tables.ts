/**
 * The tables of the documentation that are generated from the code, so that they cannot drift from
 * it: each sits in its Markdown file between `<!-- table:NAME … -->` and `<!-- /table:NAME -->`.
 * `npm run docs:tables` rewrites them; tools/docs-tables.test.ts fails when one is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { INSTITUTION_PARAMETER_INFO } from '../src/institutions/parameters.ts';
import { ROOT_CAUSE_PARAMETER_INFO } from '../src/rootcauses/parameters.ts';
import { parameterTable } from '../src/shared/parameter-info.ts';
import { PARAMETER_INFO } from '../src/sim/parameters.ts';

export interface GeneratedTable {
  /** The Markdown file, relative to the repository. */
  file: string;
  name: string;
  /** The code it is generated from, named in the opening marker. */
  from: string;
  render(): string;
}

export const GENERATED_TABLES: GeneratedTable[] = [
  {
    file: 'docs/model.md',
    name: 'engine-parameters',
    from: 'src/sim/parameters.ts',
    render: () => parameterTable(PARAMETER_INFO),
  },
  {
    file: 'docs/experiments.md',
    name: 'institution-parameters',
    from: 'src/institutions/parameters.ts',
    render: () => parameterTable(INSTITUTION_PARAMETER_INFO),
  },
  {
    file: 'docs/model.md',
    name: 'root-cause-parameters',
    from: 'src/rootcauses/parameters.ts',
    render: () => parameterTable(ROOT_CAUSE_PARAMETER_INFO),
  },
];

export const REPO = fileURLToPath(new URL('..', import.meta.url));

const open = (t: GeneratedTable) =>
  `<!-- table:${t.name} (generated from ${t.from} by \`npm run docs:tables\`; do not edit) -->`;
const close = (t: GeneratedTable) => `<!-- /table:${t.name} -->`;

/** The table as it stands in the text, markers excluded; throws when the markers are missing. */
export function tableInText(text: string, t: GeneratedTable): string {
  const start = text.indexOf(`<!-- table:${t.name} `);
  const end = text.indexOf(close(t));
  if (start < 0 || end < start) throw new Error(`${t.file}: no markers for the table ${t.name}`);
  return text.slice(text.indexOf('\n', start) + 1, end).trimEnd();
}

/** The text with the table rewritten from the code. */
export function withTable(text: string, t: GeneratedTable): string {
  const start = text.indexOf(`<!-- table:${t.name} `);
  const end = text.indexOf(close(t));
  if (start < 0 || end < start) throw new Error(`${t.file}: no markers for the table ${t.name}`);
  return `${text.slice(0, start)}${open(t)}\n${t.render()}\n${text.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const t of GENERATED_TABLES) {
    const path = `${REPO}${t.file}`;
    const before = readFileSync(path, 'utf8');
    const after = withTable(before, t);
    if (after !== before) writeFileSync(path, after);
    console.log(`${t.file}: ${t.name} ${after === before ? 'up to date' : 'rewritten'}`);
  }
}
