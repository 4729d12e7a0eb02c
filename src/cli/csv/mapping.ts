import { fold } from '../../automations/text.js';
import { isIanaTimeZone } from '../../models/primitives.js';
import { CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '../../models/vocabulary.js';
import { CommandError, UsageError } from '../errors.js';
import { type CellKind, type CsvKind, FIELDS, requiredFields, WORD_CELLS } from './fields.js';

export type { CsvKind } from './fields.js';

/**
 * How numeric dates such as `02/03/2026` are read: `iso` takes only year-first ISO dates (`2026-03-02 14:05`),
 * `day-first` reads 2 March (most of the world), `month-first` 3 February (the US). ISO dates are read in every
 * order. The rule is `parseWhen`'s (supportkit-ts/automations).
 */
export type CsvDateOrder = 'iso' | 'day-first' | 'month-first';

/** How a CSV maps to records: its kind, canonical field → CSV column, and how dates, numbers and words read. */
export interface CsvMapping {
  kind: CsvKind;
  columns: ReadonlyMap<string, string>;
  /** The zone of dates without a UTC offset. */
  timeZone: string | undefined;
  dateOrder: CsvDateOrder;
  /** The decimal separator of number cells: `,` in a semicolon-separated file (Excel in most of Europe), else `.`. */
  decimalSeparator: ',' | '.';
  /** Per word field (status, priority, channel, a CSAT rating): the file's own words (folded) → a canonical value. */
  values: ReadonlyMap<string, ReadonlyMap<string, string | number>>;
}

/** The keys a mapping file may have: any other is a slip (`timezone`, `column`) and is refused. */
const KEYS = ['kind', 'columns', 'timeZone', 'dateOrder', 'decimalSeparator', 'values'] as const;
const DATE_ORDERS: readonly CsvDateOrder[] = ['iso', 'day-first', 'month-first'];

/** What a `values` entry may map to, per kind of cell. */
const TARGETS: Partial<Record<CellKind, readonly (string | number)[]>> = {
  status: TICKET_STATUSES,
  priority: TICKET_PRIORITIES,
  channel: CHANNELS,
  rating: ['good', 'bad', 1, 2, 3, 4, 5],
};

/** Options of {@link mappingOf} from the command line: they win over the file. */
export interface MappingOptions {
  /** --tz */
  tz?: string | undefined;
  /** --date-order */
  dateOrder?: string | undefined;
  /** The CSV's delimiter: a `;` file's numbers have a decimal comma unless the mapping says otherwise. */
  delimiter: string;
}

const badMapping = (name: string, what: string) =>
  new CommandError(
    `mapping ${name}: ${what}`,
    'see "supportkit import csv" in docs/cli.md for the mapping format',
    'bad_mapping',
  );

const shown = (key: string) => JSON.stringify(key.slice(0, 40));

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The known key a mistyped one was probably meant to be: the same but for case, or one edit away. */
function closest(key: string, known: readonly string[]): string | undefined {
  const a = key.toLowerCase();
  return known.find((candidate) => {
    const b = candidate.toLowerCase();
    if (a === b) return true;
    if (Math.abs(a.length - b.length) > 1) return false;
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return (
      a.slice(i + 1) === b.slice(i + 1) || // one letter changed
      a.slice(i) === b.slice(i + 1) || // one left out
      a.slice(i + 1) === b.slice(i) || // one too many
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)) // two swapped
    );
  });
}

function unknownKey(name: string, where: string, key: string, known: readonly string[]): CommandError {
  const guess = closest(key, known);
  return badMapping(
    name,
    `${where}${shown(key)} is not a key it takes${guess ? ` (did you mean "${guess}"?)` : ''}; its keys are ${known.join(', ')}`,
  );
}

/**
 * The mapping file's content, checked: `{ kind, columns: { field: "CSV header" }, timeZone?, dateOrder?,
 * decimalSeparator?, values? }`. An unknown key anywhere is refused, naming it; every mapped column must be in
 * the CSV's header, and every field the model requires must be mapped (a UsageError, once, rather than the same
 * bad cell on every row). `--tz` and `--date-order` win over the file's `timeZone` and `dateOrder`.
 *
 * @example
 * ```ts
 * const mapping = mappingOf(JSON.parse(text), 'map.json', header, { tz: 'Europe/Rome', delimiter: ';' });
 * ```
 */
export function mappingOf(
  value: unknown,
  name: string,
  header: readonly string[],
  options: MappingOptions,
): CsvMapping {
  if (!isObject(value)) throw badMapping(name, 'expected an object { kind, columns, timeZone?, … }');
  for (const key of Object.keys(value))
    if (!(KEYS as readonly string[]).includes(key)) throw unknownKey(name, '', key, KEYS);
  const { kind, columns, timeZone, dateOrder, decimalSeparator, values } = value;
  if (typeof kind !== 'string' || !Object.hasOwn(FIELDS, kind))
    throw badMapping(name, 'kind must be "tickets", "nps", "csat" or "ces"');
  const fields = FIELDS[kind as CsvKind];
  const map = columnsOf(columns, name, kind, fields, header);
  checkRequired(kind as CsvKind, map, name);
  if (map.has('firstReplyAt') && map.has('firstReplyMinutes'))
    throw badMapping(name, 'columns maps both firstReplyAt and firstReplyMinutes: keep one');
  const zone = options.tz ?? (typeof timeZone === 'string' ? timeZone : undefined);
  if (zone !== undefined && !isIanaTimeZone(zone))
    throw badMapping(name, 'timeZone (or --tz) must be an IANA time zone such as Europe/Rome');
  if (timeZone !== undefined && typeof timeZone !== 'string')
    throw badMapping(name, 'timeZone must be an IANA time zone such as "Europe/Rome"');
  return {
    kind: kind as CsvKind,
    columns: map,
    timeZone: zone,
    dateOrder: dateOrderOf(options.dateOrder, dateOrder, name),
    decimalSeparator: decimalSeparatorOf(decimalSeparator, options.delimiter, name),
    values: valuesOf(values, name, fields, map),
  };
}

function columnsOf(
  columns: unknown,
  name: string,
  kind: string,
  fields: Record<string, CellKind>,
  header: readonly string[],
): Map<string, string> {
  if (!isObject(columns)) throw badMapping(name, 'columns must be an object { field: "CSV column" }');
  const map = new Map<string, string>();
  for (const [field, column] of Object.entries(columns)) {
    if (!Object.hasOwn(fields, field)) {
      const guess = closest(field, Object.keys(fields));
      throw badMapping(
        name,
        `columns.${field.slice(0, 40)} is not a ${kind} field${guess ? ` (did you mean "${guess}"?)` : ''} (fields: ${Object.keys(fields).join(', ')})`,
      );
    }
    if (typeof column !== 'string' || !header.includes(column))
      throw badMapping(name, `columns.${field} names a column the CSV does not have`);
    map.set(field, column);
  }
  return map;
}

function checkRequired(kind: CsvKind, map: ReadonlyMap<string, string>, name: string): void {
  const missing = requiredFields(kind)
    .filter((alternatives) => !alternatives.some((field) => map.has(field)))
    .map(([field, ...others]) => (others.length > 0 ? `${field} (or ${others.join(' or ')})` : field!));
  if (missing.length > 0)
    throw new UsageError(
      `mapping ${name}: columns does not map the required ${kind} field${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      'map every required field to a CSV column (see "supportkit import csv" in docs/cli.md)',
    );
}

function dateOrderOf(option: string | undefined, file: unknown, name: string): CsvDateOrder {
  if (option !== undefined) {
    if (!(DATE_ORDERS as readonly string[]).includes(option))
      throw new UsageError(
        '--date-order must be iso, day-first or month-first',
        'day-first reads 02/03/2026 as 2 March; month-first as 3 February',
      );
    return option as CsvDateOrder;
  }
  if (file === undefined) return 'iso';
  if (typeof file !== 'string' || !(DATE_ORDERS as readonly string[]).includes(file))
    throw badMapping(name, 'dateOrder must be "iso", "day-first" (02/03/2026 is 2 March) or "month-first"');
  return file as CsvDateOrder;
}

function decimalSeparatorOf(value: unknown, delimiter: string, name: string): ',' | '.' {
  if (value === undefined) return delimiter === ';' ? ',' : '.';
  if (value !== ',' && value !== '.') throw badMapping(name, 'decimalSeparator must be "," or "."');
  if (value === delimiter)
    throw badMapping(name, 'decimalSeparator is the CSV delimiter too: numbers would be split');
  return value;
}

function valuesOf(
  values: unknown,
  name: string,
  fields: Record<string, CellKind>,
  columns: ReadonlyMap<string, string>,
): Map<string, Map<string, string | number>> {
  const out = new Map<string, Map<string, string | number>>();
  if (values === undefined) return out;
  const wordFields = Object.keys(fields).filter((field) => WORD_CELLS.has(fields[field]!));
  if (!isObject(values))
    throw badMapping(name, `values must be an object { ${wordFields.join(' | ')}: { "word": value } }`);
  for (const [field, words] of Object.entries(values)) {
    if (!wordFields.includes(field)) throw unknownKey(name, 'values.', field, wordFields);
    if (!columns.has(field))
      throw badMapping(name, `values.${field} is given but columns does not map ${field} to a column`);
    const targets = TARGETS[fields[field]!]!;
    if (!isObject(words))
      throw badMapping(name, `values.${field} must be an object { "word in the file": ${targets[0]} }`);
    const table = new Map<string, string | number>();
    for (const [word, target] of Object.entries(words)) {
      const key = fold(word);
      const where = `values.${field}.${shown(word)}`;
      if (key === '') throw badMapping(name, `${where}: a blank word (a blank cell is missing, not a word)`);
      const canonical = typeof target === 'string' ? fold(target) : target;
      if (!targets.includes(canonical as never))
        throw badMapping(name, `${where} must be one of ${targets.join(', ')}`);
      if (table.has(key) && table.get(key) !== canonical)
        throw badMapping(
          name,
          `${where} is given twice with different values (words match without case and accents)`,
        );
      table.set(key, canonical as string | number);
    }
    out.set(field, table);
  }
  return out;
}
