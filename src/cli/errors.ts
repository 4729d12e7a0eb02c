import { SupportkitError } from '../errors/base.js';
import { ValidationError } from '../errors/validation.js';

/**
 * A command line the CLI cannot run: an unknown command or option, a missing argument. Exit code 2. CLI-only
 * (the library never throws it).
 *
 * @example
 * ```ts
 * throw new UsageError('report needs an input file', 'supportkit report sync-out/ --format html');
 * ```
 */
export class UsageError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}

/**
 * A command that ran and failed for a reason the user can fix (bad rows, missing credentials). Exit code 1.
 *
 * @example
 * ```ts
 * throw new CommandError('ZENDESK_TOKEN is not set', 'export ZENDESK_TOKEN=… or use --config');
 * ```
 */
export class CommandError extends Error {
  readonly hint: string | undefined;
  readonly code: string;
  constructor(message: string, hint?: string, code = 'command_failed') {
    super(message);
    this.name = 'CommandError';
    this.hint = hint;
    this.code = code;
  }
}

/** Hints by error code: what to try next. */
const HINTS: ReadonlyMap<string, string> = new Map([
  ['validation_error', 'check the input named above; --debug shows where it was raised'],
  ['authentication_failed', 'check the credentials in the environment or the config file'],
  ['permission_denied', 'the account lacks the permission; ask an admin'],
  ['rate_limited', 'wait and run again: sync resumes from its checkpoint'],
  ['network_error', 'check the network and the URL, then run again: sync resumes from its checkpoint'],
  ['timeout', 'run again: sync resumes from its checkpoint'],
  ['output_locked', 'another sync is writing there; wait for it or pick another --out'],
]);

/** What the CLI prints about an error: one line, a hint, an exit code and a machine-readable code. */
export interface ErrorReport {
  message: string;
  hint: string | undefined;
  code: string;
  exitCode: 1 | 2;
}

/**
 * One line per error (a ValidationError's first issue, and how many more), never the values it was given.
 *
 * @example
 * ```ts
 * const { message, exitCode } = describeError(error);
 * ```
 */
export function describeError(error: unknown): ErrorReport {
  if (error instanceof UsageError)
    return { message: error.message, hint: error.hint, code: 'usage', exitCode: 2 };
  if (error instanceof CommandError)
    return { message: error.message, hint: error.hint, code: error.code, exitCode: 1 };
  if (error instanceof ValidationError) {
    const first = error.issues[0];
    const where = first ? ` at ${first.path.join('.') || '(root)'}: ${first.message}` : '';
    const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
    return {
      message: `invalid ${error.subject}${where}${more}`,
      hint: HINTS.get(error.code),
      code: error.code,
      exitCode: 1,
    };
  }
  if (error instanceof SupportkitError) {
    const line = error.message.split('\n')[0] ?? error.message;
    return { message: line, hint: HINTS.get(error.code), code: error.code, exitCode: 1 };
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
    const path = (error as NodeJS.ErrnoException).path ?? 'a file';
    const what = code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a directory' : 'not readable';
    return { message: `${path}: ${what}`, hint: 'check the path', code: 'file_error', exitCode: 1 };
  }
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return {
    message: `unexpected error: ${message}`,
    hint: 'run again with --debug for the stack trace, and report it if it persists',
    code: 'internal',
    exitCode: 1,
  };
}
