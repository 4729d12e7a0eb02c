import { SupportkitError } from './base.js';
import { field, text } from './lenient.js';

/** One machine-readable problem found while validating input. */
export interface ValidationIssue {
  /** Where the problem is, as keys and indexes from the root of the input, e.g. `['tickets', 3, 'createdAt']`. */
  readonly path: ReadonlyArray<string | number>;
  /** A stable code, e.g. `invalid_type`, `too_small`, `invalid_value`, `custom`. */
  readonly code: string;
  /** What was wrong, in words. Never contains the offending value. */
  readonly message: string;
}

/** Longest key shown in a path: keys come from input, and a 1 MB key must not make a 1 MB message. */
const MAX_KEY_CHARS = 64;

/**
 * Shortens a key taken from input to at most 64 characters, marking the cut with `…`.
 * @example `truncateKey('x'.repeat(100)).length // 64`
 */
export function truncateKey(key: string): string {
  if (typeof key !== 'string') return '';
  return key.length <= MAX_KEY_CHARS ? key : `${key.slice(0, MAX_KEY_CHARS - 1)}…`;
}

/**
 * Formats a path as `tickets[3].createdAt`; the root is `(root)`. Keys longer than 64 characters are cut.
 * @example `formatPath(['tickets', 3, 'createdAt']) // 'tickets[3].createdAt'`
 */
export function formatPath(path: ReadonlyArray<string | number | symbol>): string {
  if (!Array.isArray(path))
    throw invalidArgument('formatPath()', 'path', 'expected an array of keys and indexes');
  if (path.length === 0) return '(root)';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'symbol') out += `[${key.description ?? 'symbol'}]`;
    else if (typeof key !== 'string') out += '[?]';
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? truncateKey(key) : `.${truncateKey(key)}`;
    else out += `[${JSON.stringify(truncateKey(key))}]`;
  }
  return out;
}

/**
 * An issue as given when it is well formed; otherwise its readable parts, with generic words for the rest.
 * @example `issueOf(null) // { path: [], code: 'invalid', message: 'is not valid' }`
 */
export function issueOf(issue: unknown): ValidationIssue {
  const path = field(issue, 'path');
  const code = field(issue, 'code');
  const message = field(issue, 'message');
  if (Array.isArray(path) && typeof code === 'string' && typeof message === 'string')
    return issue as ValidationIssue;
  return {
    path: Array.isArray(path) ? path : [],
    code: text(code, 'invalid'),
    message: text(message, 'is not valid'),
  };
}

/**
 * Input did not match what supportkit expects. `issues` lists every problem with its path; the message
 * (`Validation failed for Ticket (2 issues):` and one line per issue) lists them too, without echoing any of the
 * input's values; keys taken from the input are cut to 64 characters.
 *
 * @example
 * ```ts
 * import { parseTicket, ValidationError } from 'supportkit-ts';
 * try {
 *   parseTicket({ id: 1 });
 * } catch (error) {
 *   if (error instanceof ValidationError) {
 *     for (const issue of error.issues) console.log(issue.path.join('.'), issue.code);
 *   }
 * }
 * ```
 */
export class ValidationError extends SupportkitError {
  /** Every problem found, in input order. */
  readonly issues: readonly ValidationIssue[];
  /** What was being validated, e.g. `Ticket` or `nps() scores`. */
  readonly subject: string;

  constructor(subject: string, issues: readonly ValidationIssue[]) {
    // Lenient: a subject that is not a string, issues that are not an array, or issues without a path, code or
    // message still give an error (see SupportkitError).
    subject = text(subject, 'input');
    issues = Array.isArray(issues) ? issues.map(issueOf) : [];
    const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
    const lines = issues.slice(0, 20).map((issue) => `  - ${formatPath(issue.path)}: ${issue.message}`);
    if (issues.length > 20) lines.push(`  … and ${issues.length - 20} more (see error.issues)`);
    super(`Validation failed for ${subject} (${count}):\n${lines.join('\n')}`, { code: 'validation_error' });
    this.subject = subject;
    this.issues = issues;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), subject: this.subject, issues: this.issues };
  }
}

/**
 * The error a public function throws when an argument is not what it takes: a {@link ValidationError} whose
 * subject names the function and the argument, so the caller sees their mistake rather than a `TypeError` from
 * inside the library. Never pass the argument's value in `message`.
 *
 * @example
 * ```ts
 * if (!Array.isArray(scores)) throw invalidArgument('nps()', 'scores', 'expected an array of numbers 0..10');
 * // Validation failed for nps() scores (1 issue):
 * //   - (root): expected an array of numbers 0..10
 * ```
 */
export function invalidArgument(fn: string, argument: string, message: string): ValidationError {
  return new ValidationError(`${text(fn, 'a function')} ${text(argument, 'argument')}`, [
    { path: [], code: 'invalid_argument', message: text(message, 'is not valid') },
  ]);
}

/**
 * The error a factory or function throws for an option it cannot use: a {@link ValidationError} whose subject
 * is `<fn>() options` and whose issue path is the option's (dotted) name. Never put the option's value in
 * `message` — it may be a secret.
 *
 * @example
 * ```ts
 * if (!(alpha > 0 && alpha < 1)) throw invalidOption('tagTrends', 'alpha', 'must be between 0 and 1');
 * // Validation failed for tagTrends() options (1 issue):
 * //   - alpha: must be between 0 and 1
 * ```
 */
export function invalidOption(fn: string, option: string, message: string): ValidationError {
  fn = text(fn, 'a function');
  option = text(option, '');
  message = text(message, 'is not valid');
  const path = option === '' ? [] : option.split('.');
  // `tagTrends() options`, as the metrics' own argument checks name them; a phrase stays as it is.
  const subject = /^[A-Za-z_$][\w$]*$/.test(fn) ? `${fn}() options` : `${fn} options`;
  return new ValidationError(subject, [{ path, code: 'invalid_option', message }]);
}
