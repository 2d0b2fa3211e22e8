/**
 * Out of sample: the model's free run from 1990, calibrated on 1990–2005 only, scored against the
 * shipped series that go on after 2005 — the years data/world/SOURCES.md sets aside for validation
 * ("calibrate 1990–2005 and validate 2006/2010–2020"). Migrant stocks and refugees after 2005 are
 * held out of the data folder altogether, so they cannot be scored here.
 *
 * - `remittances:WLD`, 2006–2020: personal remittances received, summed over the model countries
 *   that report (WDI, BPM6), as in the fit's in-sample series (targets.ts);
 * - `deaths:WLD`, 2014–2020: the dead and missing on migration routes recorded by the IOM Missing
 *   Migrants Project (every record type: incidents, split and cumulative incidents). IOM counts
 *   only deaths someone reported, so its figures are a floor; the model's `deaths_en_route` are
 *   the deaths of smuggled crossings.
 *
 * The baseline is persistence from 2005: the 2000–2005 growth carried forward (baselines.ts), for
 * the series observed in both years. Deaths en route have no observation before 2014, so no
 * baseline: the model's error stands alone there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { columnIndex, numberCell, parseCsv, yearCell } from '../world/csv.ts';
import { DEFAULT_WORLD_DIR } from '../world/load-world.ts';
import type { World } from '../world/index.ts';
import type { TargetSeries } from './targets.ts';
import { remittancesReceived } from './targets.ts';

/** Years scored out of sample, and the forecast origin and base year of its persistence baseline. */
export const OUT_OF_SAMPLE = { first: 2006, last: 2020, origin: 2005, base: 2000 } as const;

/** The IOM Missing Migrants Project file, relative to the world data folder. */
export const MISSING_MIGRANTS_FILE = 'irregular/iom_missing_migrants_2014_2025.csv';

/** Dead and missing migrants recorded per year (every record type), from the IOM file's text. */
export function missingMigrantsByYear(
  text: string,
  file = `data/world/${MISSING_MIGRANTS_FILE}`,
): Map<number, number> {
  const table = parseCsv(text, file);
  const year = columnIndex(table, 'year');
  const dead = columnIndex(table, 'dead_and_missing');
  const out = new Map<number, number>();
  table.rows.forEach((_, r) => {
    const count = numberCell(table, r, dead);
    // an empty count is a record without a figure, not a zero
    if (!Number.isFinite(count)) return;
    const y = yearCell(table, r, year);
    out.set(y, (out.get(y) ?? 0) + count);
  });
  return out;
}

/**
 * The out-of-sample series: each with its scored years (`OUT_OF_SAMPLE.first`–`last`) and, where
 * the data have them, the base and origin years persistence needs. `world` must span those years.
 */
export function outOfSampleSeries(world: World, dataDir = DEFAULT_WORLD_DIR): TargetSeries[] {
  // the scored years, and the base and origin years persistence needs
  const remYears: number[] = [];
  for (let y = OUT_OF_SAMPLE.base; y <= OUT_OF_SAMPLE.last; y++)
    if (
      y >= world.span.first &&
      y <= world.span.last &&
      (y <= OUT_OF_SAMPLE.base || y >= OUT_OF_SAMPLE.origin)
    )
      remYears.push(y);
  const remObserved = remYears.map((y) => remittancesReceived(world, y));
  const deaths = missingMigrantsByYear(readFileSync(join(dataDir, MISSING_MIGRANTS_FILE), 'utf8'));
  const deathYears = [...deaths.keys()]
    .filter((y) => y >= OUT_OF_SAMPLE.first && y <= OUT_OF_SAMPLE.last)
    .sort((a, b) => a - b);
  return [
    {
      id: 'remittances:WLD',
      group: 'remittances',
      label: 'remittances received, world (US$)',
      years: remYears,
      observed: remObserved,
    },
    {
      id: 'deaths:WLD',
      group: 'deaths en route',
      label: 'dead and missing en route, world (IOM)',
      years: deathYears,
      observed: deathYears.map((y) => deaths.get(y)!),
    },
  ];
}
