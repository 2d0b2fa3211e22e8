/**
 * Errors of the HTTP API: a status, a stable code (docs/errors.md) and a message. Every error the
 * server sends is JSON of the shape `ApiErrorBody`, whatever raised it.
 */
import type { Diagnostic } from '../shared/errors.ts';

/** The body of every error response. */
export interface ApiErrorBody {
  /** HTTP status, repeated in the body for clients that only keep the body. */
  statusCode: number;
  /** Stable code, listed in docs/errors.md. */
  code: string;
  /** One line saying what went wrong. */
  message: string;
  /** Every problem found, with file, line and column where they are known. */
  diagnostics?: Diagnostic[];
  /** For an internal error (500): the id of the server log's line with the detail. */
  errorId?: string;
}

/** An error with an HTTP status: thrown by routes, rendered by the app's error handler. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly diagnostics?: Diagnostic[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** 400: the request is malformed (a bad parameter, a bad id). */
export const badRequest = (code: string, message: string) => new HttpError(400, code, message);

/** 404: no such thing. */
export const notFound = (code: string, message: string) => new HttpError(404, code, message);
