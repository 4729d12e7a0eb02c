import { invalidArgument, ValidationError } from '../errors/validation.js';

/**
 * A word as the vocabularies look it up: lower case, accents removed, dashes, underscores and dots read as
 * spaces, runs of spaces collapsed. `"E-mail"`, `"e_mail"` and `" E MAIL "` all fold to `"e mail"`.
 * @example `fold(' Risolto ') // 'risolto'`
 */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-_.–—]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The error an automation step shows its user: a `ValidationError` whose subject names the function and the
 * input field, with a message that says what was expected. Never pass the input's value in `message`.
 * @example `throw fail('scoreNps', 'answers', 'expected scores 0–10');`
 */
export function fail(fn: string, field: string, message: string): ValidationError {
  return invalidArgument(`${fn}()`, field, message);
}

/**
 * {@link fail} for one item of a list field, naming its position: `Validation failed for scoreNps() answers`,
 * `- [3]: expected a whole number 0–10`.
 * @example `throw failAt('scoreNps', 'answers', 3, 'expected a whole number 0–10');`
 */
export function failAt(fn: string, field: string, index: number, message: string): ValidationError {
  return new ValidationError(`${fn}() ${field}`, [{ path: [index], code: 'invalid_value', message }]);
}

/**
 * The text of a loose scalar input: strings as they are, finite numbers as their decimal form; `null`,
 * `undefined` and blank strings give `''`. Anything else is an error naming the field.
 * @example `scalarText(9, 'npsCategory', 'score') // '9'`
 */
export function scalarText(value: unknown, fn: string, field: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw fail(fn, field, 'expected a string or a number');
}

/**
 * The items of a loose list: an array as it is, or a string split on new lines, commas and semicolons (a CSV
 * column pasted in, or a Zapier line-item field, which arrives comma-joined).
 * @example `listItems('9, 10;\n3', 'scoreNps', 'answers') // ['9', ' 10', '', '3']`
 */
export function listItems(value: unknown, fn: string, field: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'number') return [value];
  if (typeof value === 'string') return value.split(/\r?\n|[,;]/);
  throw fail(fn, field, 'expected a list: an array, or a string with one answer per line or comma');
}

/**
 * The options object of a function, `{}` when omitted; anything but a plain object is an error.
 * @example `optionsOf(undefined, 'parseWhen') // {}`
 */
export function optionsOf<T extends object>(value: T | undefined, fn: string): Partial<T> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw fail(fn, 'options', 'expected an object');
  return value;
}
