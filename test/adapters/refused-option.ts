import { expect } from 'vitest';
import { ValidationError } from '../../src/index.js';

/**
 * Asserts that `make` (an adapter factory call) throws a ValidationError whose issues name `option`, and whose
 * message does not echo `secret` when one is given.
 */
export function expectOptionRefused(make: () => unknown, option: string, secret?: string): void {
  let error: unknown;
  try {
    make();
  } catch (e) {
    error = e;
  }
  expect(error, option).toBeInstanceOf(ValidationError);
  expect(
    (error as ValidationError).issues.map((i) => i.path[0]),
    option,
  ).toContain(option);
  if (secret !== undefined) expect((error as ValidationError).message).not.toContain(secret);
}
