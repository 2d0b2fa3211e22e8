/**
 * Errors are coded data: a stable code, a message, and where the problem is.
 * The CLI, API and dashboard render them; nothing else formats them.
 */

/** Where a diagnostic points: a file and a 1-based line and column, and the path inside the document. */
export interface Diagnostic {
  /** Stable machine-readable code, listed in docs/errors.md. */
  code: string;
  /** One line saying what is wrong and what was expected. */
  message: string;
  /** File the problem is in (as the user named it), if any. */
  file?: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  col?: number;
  /** Path inside the document, e.g. `parameters.quota.0.value`. */
  path?: (string | number)[];
}

/** Renders a diagnostic as `FILE:LINE:COL: message (at path)`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}${d.col ? `:${d.col}` : ''}` : ''}: ` : '';
  const at = d.path && d.path.length ? ` (at ${d.path.join('.')})` : '';
  return `${where}${d.message}${at} [${d.code}]`;
}

/** An error the user can fix (bad input, unknown id): the CLI exits 1 and prints the diagnostics. */
export class UserError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[] | Diagnostic) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map(formatDiagnostic).join('\n'));
    this.name = 'UserError';
    this.diagnostics = list;
  }
  /** The code of the first diagnostic. */
  get code(): string {
    return this.diagnostics[0]?.code ?? 'E_USER';
  }
}

/** Shorthand for a single-diagnostic user error. */
export function userError(
  code: string,
  message: string,
  where: Omit<Diagnostic, 'code' | 'message'> = {},
): UserError {
  return new UserError({ code, message, ...where });
}
