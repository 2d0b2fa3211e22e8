/** `regimes world --year Y`: a summary of the world data for one year. */
import type { Command } from 'commander';
import { userError } from '../../shared/errors.ts';
import {
  CORE_MIN_RATIO,
  DATA_SPAN,
  SEMI_PERIPHERY_MIN_RATIO,
  checkSpan,
  loadWorld,
  summarizeYear,
} from '../../world/index.ts';
import type { WorldYearSummary } from '../../world/index.ts';
import type { CommonOptions } from '../output.ts';
import { note, printJson, printLine } from '../output.ts';

interface WorldOptions extends CommonOptions {
  year: string;
}

/** Registers `world`. */
export function registerWorld(program: Command): void {
  program
    .command('world')
    .description(
      'summarise the world data for one year: population, migrants, refugees, money flows, tiers, corridors, conflicts',
    )
    .requiredOption('--year <year>', `calendar year, ${DATA_SPAN.first}–${DATA_SPAN.last}`)
    .option('--json', 'print the summary as JSON on stdout')
    .option('--quiet', 'no notes on stderr')
    .action((opts: WorldOptions) => {
      const year = parseYear(opts.year);
      checkSpan({ first: year, last: year }, DATA_SPAN);
      const started = performance.now();
      const summary = summarizeYear(loadWorld({ first: year, last: year }), year);
      note(opts, `world data loaded and summarised in ${Math.round(performance.now() - started)} ms`);
      if (summary.migrantStock && summary.migrantStock.dataYear !== year) {
        note(
          opts,
          `note: migrant stocks are from ${summary.migrantStock.dataYear}, the nearest UN DESA year ≤ ${year} (later years are held out)`,
        );
      }
      if (opts.json) printJson(summary);
      else printSummary(summary);
    });
}

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text.trim()))
    throw userError('E_WORLD_YEAR', `not a year: ${JSON.stringify(text)} (expected e.g. 1995)`);
  return Number(text);
}

const millions = (v: number) =>
  `${(v / 1e6).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} M`;
const billionsUsd = (v: number) =>
  `$${(v / 1e9).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} bn`;
const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

function printSummary(s: WorldYearSummary): void {
  const row = (label: string, value: string) => printLine(`  ${label.padEnd(24)}${value}`);
  printLine(`World ${s.year}: ${s.countries} countries`);
  row('population', `${millions(s.population.total)} (${s.population.reporting} countries)`);
  if (s.migrantStock) {
    const m = s.migrantStock;
    row(
      `migrant stock ${m.dataYear}`,
      `${millions(m.world)} (${percent(m.shareOfPopulation)} of population; UN DESA 2024)`,
    );
    row(
      '',
      `${millions(m.inModelCountries)} in model countries, ${millions(m.unknownOrigin)} of unknown origin`,
    );
  }
  if (s.refugees) {
    row(
      'refugees',
      `${millions(s.refugees.total)} (UNHCR; ${millions(s.refugees.unknownOrigin)} of unknown origin), ${millions(s.refugees.asylumSeekers)} asylum seekers pending`,
    );
  } else {
    row('refugees', 'held out after 2005 (validation data, not in the project)');
  }
  const rem = s.remittancesReceivedUsd;
  const oda = s.odaReceivedUsd;
  row('remittances received', `${billionsUsd(rem.total)} (${rem.reporting} countries)`);
  row(
    'aid (net ODA) received',
    `${billionsUsd(oda.total)} (${oda.reporting} countries): remittances ${s.remittancesToAid.toFixed(2)}× aid`,
  );
  row('FDI net inflows', `${billionsUsd(s.fdiInflowsUsd.total)} (${s.fdiInflowsUsd.reporting} countries)`);
  printLine();
  printLine(
    `Tiers (GDP per capita vs world $${Math.round(s.worldGdpPerCapitaUsd).toLocaleString('en-US')}: core ≥ ${CORE_MIN_RATIO}×, periphery < ${SEMI_PERIPHERY_MIN_RATIO}×)`,
  );
  for (const t of s.tiers)
    row(
      t.tier,
      `${String(t.countries).padStart(3)} countries, ${percent(t.populationShare).padStart(5)} of population`,
    );
  printLine();
  printLine(
    `Top ${s.topCorridors.length} corridors (UN DESA ${s.migrantStock?.dataYear ?? '-'}, origin → destination)`,
  );
  s.topCorridors.forEach((c, i) => {
    printLine(
      `  ${String(i + 1).padStart(2)}. ${`${c.originName} → ${c.destinationName}`.padEnd(36)}${millions(c.stock).padStart(9)}`,
    );
  });
  printLine();
  const wars = s.countriesInConflict.filter((c) => c.internal === 2);
  const minor = s.countriesInConflict.filter((c) => c.internal === 1);
  const interstate = s.countriesInConflict.filter((c) => c.interstate > 0);
  printLine(`Countries in armed conflict (UCDP/PRIO): ${s.countriesInConflict.length}`);
  row('war (≥ 1000 deaths)', wars.map((c) => c.iso3).join(' ') || '-');
  row('minor (25–999)', minor.map((c) => c.iso3).join(' ') || '-');
  row(
    'interstate party',
    interstate.map((c) => `${c.iso3}${c.interstate === 2 ? '(war)' : ''}`).join(' ') || '-',
  );
}
