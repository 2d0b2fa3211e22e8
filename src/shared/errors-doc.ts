/** docs/errors.md, rendered from the registry of error codes (src/shared/error-codes.ts). */
import { ERROR_CODES, ERROR_SECTIONS, type ErrorCodeInfo } from './error-codes.ts';

const PREAMBLE = `Every user-facing error carries a stable code. The CLI prints it in brackets at the end of the
line (\`FILE:LINE:COL: message (at path) [E_CODE]\`) and ends with the code's exit status (1 a user
error, 2 a usage error, 3 a fault of the program); no error prints a stack trace. \`--json\` output and
the API return it as \`code\`, the API with the code's HTTP status. Each code is declared once, in
\`src/shared/error-codes.ts\`, with its status, exit code and meaning; this file is rendered from it
(\`npm run docs:errors\`) and a test (\`src/shared/error-codes.test.ts\`) fails when the two differ or
when \`src/\` uses a code that is not declared. Codes are never reused for another meaning.`;

/** The text of docs/errors.md. */
export function renderErrorsDoc(): string {
  const out = ['# Error codes', '', PREAMBLE];
  for (const [key, section] of Object.entries(ERROR_SECTIONS)) {
    out.push('', `## ${section.title}`, '');
    if ('note' in section) out.push(section.note, '');
    out.push('| code | HTTP | exit | meaning |', '|---|---|---|---|');
    for (const [code, info] of Object.entries(ERROR_CODES) as [string, ErrorCodeInfo][]) {
      if (info.section !== key) continue;
      out.push(`| \`${code}\` | ${info.status ?? '—'} | ${info.exit} | ${info.meaning} |`);
    }
  }
  return out.join('\n') + '\n';
}
