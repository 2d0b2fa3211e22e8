/**
 * Errors of the HTTP API: a status, a stable code (docs/errors.md) and a message. Every error the
 * server sends is JSON of the shape `ApiErrorBody`, whatever raised it.
 */
import type { Diagnostic } from '../shared/errors.ts';
import { httpStatusOf, type ErrorCode } from '../shared/error-codes.ts';

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

/** An error of the API with the HTTP status its code is declared with (src/shared/error-codes.ts). */
export function apiError(code: ErrorCode, message: string, diagnostics?: Diagnostic[]): HttpError {
  return new HttpError(httpStatusOf(code), code, message, diagnostics);
}
