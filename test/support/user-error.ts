/** For tests: what a function throws as a UserError, rendered or by its code. */
import { expect } from 'vitest';
import { UserError } from '../../src/shared/errors.ts';

/** The UserError `fn` throws (anything else it throws fails the test), or undefined when it returns. */
function thrownUserError(fn: () => unknown): UserError | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  return undefined;
}

/** The rendered `FILE:LINE: message [CODE]` of the UserError `fn` throws. */
export function errorOf(fn: () => unknown): string {
  const e = thrownUserError(fn);
  if (!e) throw new Error('expected a UserError');
  return e.message;
}

/** The code of the UserError `fn` throws, or 'no error' when it returns. */
export function errorCodeOf(fn: () => unknown): string {
  return thrownUserError(fn)?.code ?? 'no error';
}
