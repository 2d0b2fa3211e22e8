/** `regimes cases DIR`: runs every Case with `expect` and reports pass/fail with a diff (exit 1 on a failure). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadWithBuiltins, type Tier } from '../../regime/index.ts';
import {
  casesWithExpect,
  compareExpectation,
  decide,
  formatDifference,
  regimeFromPath,
  type CaseTestResult,
} from '../../rules/index.ts';
import { UserError, userError } from '../../shared/errors.ts';
import { loadWorld, type World } from '../../world/index.ts';
import { note, printJson, printLine, type CommonOptions } from '../output.ts';
import { tierOf } from './decide.ts';

interface CasesOptions extends CommonOptions {
  regime?: string;
}

export function registerCases(program: Command): void {
  program
    .command('cases')
    .description(
      'run case tests: every Case with `expect` under DIR is decided and compared (regime from --regime or the folder cases/<regime-id>/…)',
    )
    .argument('<dir>', 'a folder (searched recursively) or a YAML file')
    .option('--regime <id>', 'decide every case under this regime (default: the folder named after a regime)')
    .option('--json', 'print the results as JSON')
    .option('--quiet', 'no chatter on stderr; print only failures and the summary')
    .action((dir: string, opts: CasesOptions) => {
      const files = yamlFiles(dir);
      if (!files.length) throw userError('E_NO_CASE', 'no .yaml files found', { file: dir });
      const started = performance.now();
      const lib = loadWithBuiltins(files);
      if (opts.regime) lib.require(opts.regime, 'Regime');
      let world: World | undefined;
      const results: CaseTestResult[] = casesWithExpect(lib, new Set(files)).map(({ doc, file }) => {
        const regime = opts.regime ?? regimeFromPath(lib, file);
        const base = { case: doc.id, file, regime };
        if (!regime)
          return {
            ...base,
            pass: false,
            differences: [],
            error: 'no regime: put the case under cases/<regime-id>/ or pass --regime',
          };
        try {
          const tier: Tier = tierOf(doc, doc.date, () => (world ??= loadWorld()));
          const differences = compareExpectation(doc.expect!, decide(lib, regime, doc, { tier }));
          return { ...base, pass: differences.length === 0, differences };
        } catch (e) {
          if (e instanceof UserError) return { ...base, pass: false, differences: [], error: e.message };
          throw e;
        }
      });
      const failed = results.filter((r) => !r.pass);
      note(opts, `${results.length} case tests in ${Math.round(performance.now() - started)} ms`);
      if (opts.json) printJson({ passed: results.length - failed.length, failed: failed.length, results });
      else {
        for (const r of results) {
          if (r.pass && opts.quiet) continue;
          printLine(`${r.pass ? 'PASS' : 'FAIL'}  ${r.case}  (${r.file}${r.regime ? `, ${r.regime}` : ''})`);
          if (r.error) printLine(`      ${r.error}`);
          for (const d of r.differences) printLine(`      ${formatDifference(d)}`);
        }
        printLine(`${results.length - failed.length} passed, ${failed.length} failed`);
      }
      if (failed.length)
        throw userError('E_CASES_FAILED', `${failed.length} of ${results.length} case tests failed`);
    });
}

function yamlFiles(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw userError('E_FILE_NOT_FOUND', 'no such file or folder', { file: path });
  }
  if (st.isFile()) return [path];
  const out: string[] = [];
  for (const name of readdirSync(path).sort()) {
    const p = join(path, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}
