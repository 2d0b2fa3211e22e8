/** The report of an ensemble that lacks members: which ones, and why, instead of fewer averages. */
import { UserError } from '../shared/errors.ts';
import type { MissingMember } from './backend.ts';

/** `regime seed N scale K YEAR–YEAR`: a member in words. */
export function memberName(m: Pick<MissingMember, 'job'>): string {
  const j = m.job;
  return `${j.regime} seed ${j.seed} (scale ${j.scale}, ${j.from}–${j.to})`;
}

/**
 * The error of an incomplete ensemble: one line saying how many members are missing and that
 * nothing was stored, then one line per missing member with its last error.
 */
export function incompleteEnsemble(missing: readonly MissingMember[], total: number): UserError {
  const head = {
    code: 'E_ENSEMBLE_INCOMPLETE',
    message: `${missing.length} of ${total} ensemble members failed, so nothing was stored (no statistics over fewer members); run the same command again to retry them — finished members are kept`,
  };
  const lines = missing.map((m) => ({
    code: 'E_ENSEMBLE_INCOMPLETE',
    message: `member ${m.index + 1}, ${memberName(m)}: failed after ${m.attempts} attempt${m.attempts === 1 ? '' : 's'}: ${firstLine(m.error)}`,
  }));
  return new UserError([head, ...lines]);
}

function firstLine(s: string): string {
  const line = s.split('\n', 1)[0].trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
