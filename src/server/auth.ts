/**
 * The write token. Anything that writes or starts work (a run, a comparison) needs it, sent as
 * `Authorization: Bearer TOKEN` (or `X-Regimes-Token: TOKEN`). It comes from `--token`, else the
 * environment variable `REGIMES_TOKEN`, else the file `token` in the data folder, which is created
 * with a random token (mode 0600) on the first start.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { apiError } from './http-error.ts';
import { inside } from './paths.ts';

/** The shortest token accepted from `--token` or `REGIMES_TOKEN`. */
export const MIN_TOKEN_LENGTH = 16;

/** Where the token came from, and whether it was made just now (so the caller prints it). */
export interface TokenSource {
  token: string;
  origin: 'option' | 'env' | 'file' | 'generated';
  /** The token file (when the token lives in one). */
  file?: string;
}

/**
 * The token to use: the given one, else `REGIMES_TOKEN`, else the data folder's token file (made when missing).
 * @throws 400-free plain `Error` with code `E_BAD_TOKEN` when a given token is too short
 */
export function resolveToken(
  dataDir: string,
  given?: string,
  env: NodeJS.ProcessEnv = process.env,
): TokenSource {
  if (given !== undefined) return { token: checkToken(given, '--token'), origin: 'option' };
  const fromEnv = env.REGIMES_TOKEN;
  if (fromEnv !== undefined && fromEnv !== '')
    return { token: checkToken(fromEnv, 'REGIMES_TOKEN'), origin: 'env' };
  const file = inside(dataDir, 'token');
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (token.length >= MIN_TOKEN_LENGTH) return { token, origin: 'file', file };
  }
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, token + '\n', { mode: 0o600 });
  return { token, origin: 'generated', file };
}

function checkToken(token: string, what: string): string {
  if (token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) {
    throw apiError(
      'E_BAD_TOKEN',
      `${what}: a token needs at least ${MIN_TOKEN_LENGTH} characters and no spaces`,
    );
  }
  return token;
}

/** The token a request carries, if any. */
export function tokenOf(req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization;
  // the scheme is case-insensitive (RFC 9110, section 11.1): `bearer TOKEN` is a token too
  const bearer = typeof auth === 'string' ? /^bearer\s+(.+)$/i.exec(auth.trim()) : null;
  if (bearer) return bearer[1].trim();
  const header = req.headers['x-regimes-token'];
  return typeof header === 'string' ? header.trim() : undefined;
}

/** Compares in constant time. */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A hook that refuses a request without the right token.
 * @throws 401 `E_TOKEN_MISSING` or 403 `E_TOKEN_WRONG`
 */
export function requireToken(token: string) {
  return async (req: FastifyRequest): Promise<void> => {
    const sent = tokenOf(req);
    if (!sent)
      throw apiError(
        'E_TOKEN_MISSING',
        'this request writes or starts work: send the token as "Authorization: Bearer TOKEN" (regimes serve printed it; it is in .regimes/token)',
      );
    if (!sameToken(sent, token))
      throw apiError('E_TOKEN_WRONG', 'the token is not the one this server was started with');
  };
}
