/**
 * Cases and compliance: decide a case under a regime (decision, status, rights and the numbered
 * reasons with their citations), and check policies against a convention.
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-error.ts';

/** Registers the rules routes. */
export function rulesRoutes(app: FastifyInstance): void {
  const unavailable = async () => {
    throw new HttpError(503, 'E_RULES_UNAVAILABLE', 'deciding cases and checking compliance are not built in yet');
  };
  app.post('/api/decide', unavailable);
  app.post('/api/check', unavailable);
}
