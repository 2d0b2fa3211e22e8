/**
 * The shape of a JSON request body, measured on its text before `JSON.parse`: a body nested deeper
 * than documents may be, or with more keys or values than a document may have, is refused before
 * anything recursive (the zod schemas, yaml's stringify of a posted case) sees it. A `case` nested
 * 1,000 deep in `POST /api/decide` used to overflow the stack there (issue 24, finding 6).
 */
import { LIMITS } from '../regime/index.ts';
import type { ErrorCode } from '../shared/error-codes.ts';

/** The first limit a JSON text breaks, if any (the same limits as a YAML document: LIMITS). */
export function jsonShapeBreach(text: string): { code: ErrorCode; message: string } | undefined {
  let depth = 0;
  let keys = 0;
  let values = 0;
  let inString = false;
  let valueStarted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) {
      inString = true;
      if (!valueStarted) values++;
      valueStarted = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      values++;
      valueStarted = false;
      if (++depth > LIMITS.maxDepth)
        return { code: 'E_TOO_DEEP', message: `the body is nested deeper than ${LIMITS.maxDepth} levels` };
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      valueStarted = true;
    } else if (c === COLON) {
      valueStarted = false;
      // the string before the colon was a key, counted as a value above
      values--;
      if (++keys > LIMITS.maxKeys)
        return { code: 'E_TOO_MANY_KEYS', message: `the body has more than ${LIMITS.maxKeys} keys` };
    } else if (c === COMMA) valueStarted = false;
    else if (!valueStarted && c > SPACE) {
      values++; // a number, true, false or null
      valueStarted = true;
    }
    if (values > LIMITS.maxNodes)
      return { code: 'E_TOO_MANY_NODES', message: `the body has more than ${LIMITS.maxNodes} values` };
  }
  return undefined;
}

const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;
const SPACE = 0x20;
