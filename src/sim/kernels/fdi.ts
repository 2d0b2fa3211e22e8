/**
 * Transnational production (docs/model.md §3.2; Overbeek 2002, §1: FDI as a functional alternative to labour
 * migration, Fröbel, Heinrichs & Kreye 1977).
 *
 *   jobs[c]        = max(0, FDI inflow[c]) / 1e6 × fdiJobsPerMillion
 *   substituted[c] = min(½ × voluntary candidates[c], fdiSubstitution × jobs[c])   (persons who take
 *                    a wage job at home instead of considering a move abroad this year)
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

/** FDI presence of destination j's firms in origin o, 0–1. */
export function fdiPresence(fdi: FdiYear, j: number, o: number): number {
  return Math.min(1, (fdi.outflowShare[j] * fdi.inflow[o]) / 1e8);
}
