/**
 * Flee's out.csv: same header and columns as runscripts/run.py prints, so the plotting and
 * validation scripts of Flee users read ours unchanged.
 */
import { formatDate } from './flee-csv.ts';
import type { FleeScenario } from './scenario.ts';
import type { ModelResult } from './model.ts';
import { round4 } from './validation.ts';

/** Python's str() of a float: "0.0" for whole numbers, exponent form below 1e-4. */
export function pyFloat(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : x < 0 ? '-inf' : 'nan';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return x.toFixed(1);
  const a = Math.abs(x);
  if (a < 1e-4 || a >= 1e16) {
    const [mant, exp] = x.toExponential().split('e');
    const e = Number(exp);
    return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(x);
}

/** Flee's rel_error: |sim/data - 1| rounded to 4 decimals, 0 when data is 0. */
function relError(sim: number, data: number): number {
  if (data < 0.00001) return 0;
  return round4(Math.abs(sim / data - 1));
}

export function outCsv(s: FleeScenario, r: ModelResult): string {
  const nc = s.camps.length;
  const names = Array.from(s.camps, (c) => s.locations[c].name);
  const lines: string[] = [];
  let header = 'Day,Date,';
  for (const n of names) header += `${n} sim,${n} data,${n} error,`;
  header +=
    'Total error,refugees in camps (UNHCR),total refugees (simulation),raw UNHCR refugee count,refugees in camps (simulation),refugee_debt';
  lines.push(header);
  for (let t = 0; t < r.days; t++) {
    const cells: string[] = [String(t), formatDate(s.startDay + t + 1)];
    let absSum = 0;
    let dataSum = 0;
    let simSum = 0;
    for (let c = 0; c < nc; c++) {
      const sim = r.campSim[t * nc + c];
      const data = s.campData[t * nc + c];
      cells.push(String(sim), String(data), pyFloat(relError(sim, data)));
      absSum += round4(Math.abs(sim - data));
      dataSum += data;
      simSum += sim;
    }
    const raw = r.raw[t];
    if (raw > 0)
      cells.push(
        pyFloat(absSum / raw),
        String(dataSum),
        String(r.totalAgents[t]),
        String(raw),
        String(simSum),
        String(r.debt[t]),
      );
    else cells.push('0.0', '0', String(r.totalAgents[t]), '0', String(simSum), '0');
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}
