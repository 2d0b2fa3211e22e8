/** For tests: the rendered `FILE:LINE: message [CODE]` of the UserError a function throws. */
import { expect } from 'vitest';
import { UserError } from '../../src/shared/errors.ts';

export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).message;
  }
  throw new Error('expected a UserError');
}
