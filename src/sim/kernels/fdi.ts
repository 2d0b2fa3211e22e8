/**
 * Transnational production (docs/model.md §3.2; Overbeek 2002, §1), with both of its effects on
 * emigration:
 * - substitution: FDI as a functional alternative to labour migration (Fröbel, Heinrichs & Kreye
 *   1977): some who would consider a move abroad take an FDI job at home instead;
 * - uprooting: FDI reproduces capitalist relations of production and draws people out of
 *   subsistence and household production into wage labour, beyond the jobs it creates — the
 *   commodification that enlarges the pool of potential emigrants (Sassen 1988, The Mobility of
 *   Labor and Capital; Massey et al. 1993, PDR 19:3, world-systems theory).
 *
 *   jobs[c]        = max(0, FDI inflow[c]) / 1e6 × fdiJobsPerMillion
 *   substituted[c] = min(½ × voluntary candidates[c], fdiSubstitution × jobs[c])   (persons who take
 *                    a wage job at home instead of considering a move abroad this year)
 *   uprooted[c]    = min(1 − m[c], fdiUprooting × jobs[c] / working-age population[c])   (the share
 *                    of the working-age population drawn into wage labour this year; it adds to the
 *                    commodification share m, commodification.ts, which scales aspirations)
 * Which effect wins is not fixed: substitution acts in the year, uprooting accumulates in m.
 *   FDI presence of destination j in origin o (opens intra-corporate transfers and services):
 *     presence[j, o] = min(1, share of j in world FDI outflows × FDI inflow[o] / US$ 100 M)
 */
import type { Parameters } from '../parameters.ts';
import type { WorldInput } from '../world-input.ts';
import { at } from '../world-input.ts';

export interface FdiYear {
  /** Wage jobs created by FDI inflows this year, persons. */
  jobs: Float64Array;
  /** Share of each country in world FDI outflows. */
  outflowShare: Float64Array;
  /** FDI inflow, US$ (≥ 0). */
  inflow: Float64Array;
}

export function fdiKernel(world: WorldInput, year: number, p: Parameters): FdiYear {
  const n = world.iso3.length;
  const jobs = new Float64Array(n);
  const outflowShare = new Float64Array(n);
  const inflow = new Float64Array(n);
  let out = 0;
  for (let c = 0; c < n; c++) out += Math.max(0, world.fdiOutflowsUsd[at(world, year, c)]);
  for (let c = 0; c < n; c++) {
    inflow[c] = Math.max(0, world.fdiInflowsUsd[at(world, year, c)]);
    jobs[c] = (inflow[c] / 1e6) * p.fdiJobsPerMillion;
    outflowShare[c] = out > 0 ? Math.max(0, world.fdiOutflowsUsd[at(world, year, c)]) / out : 0;
  }
  return { jobs, outflowShare, inflow };
}

/** Candidates who stay for an FDI job instead. */
export function fdiSubstitutedCandidates(voluntaryCandidates: number, jobs: number, p: Parameters): number {
  return Math.min(0.5 * voluntaryCandidates, p.fdiSubstitution * jobs);
}

/** The share of the working-age population FDI draws into wage labour this year (uprooting). */
export function fdiUprooted(jobs: number, workingAge: number, commodified: number, p: Parameters): number {
  if (!(workingAge > 0)) return 0;
  return Math.min(Math.max(0, 1 - commodified), (p.fdiUprooting * Math.max(0, jobs)) / workingAge);
}

/** FDI presence of destination j's firms in origin o, 0–1. */
export function fdiPresence(fdi: FdiYear, j: number, o: number): number {
  return Math.min(1, (fdi.outflowShare[j] * fdi.inflow[o]) / 1e8);
}
