/**
 * The root of every error supportkit throws. Catch this to catch them all.
 *
 * Messages carry paths, types, status codes and operation names — never secrets or customer text
 * (STYLE rule 5), so an error can be logged as it is.
 *
 * @example
 * ```ts
 * import { SupportkitError } from 'supportkit';
 * try {
 *   await run();
 * } catch (error) {
 *   if (error instanceof SupportkitError) console.error(error.code, error.message);
 * }
 * ```
 */
export class SupportkitError extends Error {
  /** A stable, machine-readable code such as `validation_error` or `rate_limited`. */
  readonly code: string;

  constructor(message: string, options: { code: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
  }

  /** A plain-object form for logs and structured output; it never includes `cause`. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message };
  }
}
