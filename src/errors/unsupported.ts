import { SupportkitError } from './base.js';
import { optionalText, text } from './lenient.js';

/**
 * The adapter cannot do this operation (the vendor has no such API). Check `adapter.capabilities` up front to
 * avoid it.
 *
 * @example
 * ```ts
 * import { UnsupportedError } from 'supportkit-ts';
 * throw new UnsupportedError('trello', 'surveys.listCsat');
 * // UnsupportedError: The trello adapter does not support surveys.listCsat
 * ```
 */
export class UnsupportedError extends SupportkitError {
  readonly adapter: string;
  readonly operation: string;

  constructor(adapter: string, operation: string, reason?: string) {
    adapter = text(adapter, 'helpdesk');
    operation = text(operation, 'this operation');
    const why = optionalText(reason);
    super(`The ${adapter} adapter does not support ${operation}${why ? `: ${why}` : ''}`, {
      code: 'unsupported',
    });
    this.adapter = adapter;
    this.operation = operation;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), adapter: this.adapter, operation: this.operation };
  }
}
