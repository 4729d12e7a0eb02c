import { csatWordSatisfied, npsCategory } from '../../automations/scores.js';
import { fold } from '../../automations/text.js';
import { CHANNEL_WORDS, PRIORITY_WORDS, STATUS_WORDS } from '../../automations/vocabulary.js';
import { whenMillis } from '../../automations/when.js';
import type { CellKind } from './fields.js';
import type { CsvMapping } from './mapping.js';

/** Why a cell could not be read, in words that never repeat the cell. */
export interface CellError {
  error: string;
}

/** A cell's value as the model takes it, or why not. */
export type CellValue = string | number | Date | string[] | CellError;

/** Whether a read cell is an error. */
export const isCellError = (value: unknown): value is CellError =>
  value !== null && typeof value === 'object' && 'error' in value;

/** An ISO date with a UTC offset (`…Z`, `…+01:00`): an instant with no zone needed. */
const WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
/** A numeric date such as `02/03/2026` (day and month in some order, the year last). */
const NUMERIC_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\D|$)/;

const DATE_ORDER_HINT =
  'a date written like 02/03/2026: set "dateOrder" in the mapping ("day-first" for 2 March, "month-first" for 3 February), or --date-order';

/**
 * A date cell as an instant, read by `parseWhen`'s rule: ISO 8601 with an offset as it is; ISO without one, and
 * numeric dates in the mapping's `dateOrder`, as wall time in its zone. A local time the zone skips (the spring
 * change) is an error, as in `parseWhen`: a real export never has one, so it says the zone is not the export's.
 */
function dateCell(cell: string, mapping: CsvMapping): Date | CellError {
  const offset = WITH_OFFSET.test(cell);
  const numeric = !offset && NUMERIC_DATE.test(cell);
  if (numeric && mapping.dateOrder === 'iso') return { error: DATE_ORDER_HINT };
  const zone = mapping.timeZone ?? (offset ? 'UTC' : undefined);
  if (zone === undefined)
    return { error: 'a date without a UTC offset: pass --tz (or timeZone in the mapping)' };
  try {
    return new Date(
      whenMillis(
        cell,
        {
          timeZone: zone,
          ...(mapping.dateOrder === 'iso' ? {} : { dateOrder: mapping.dateOrder }),
        },
        'import',
        'value',
      ),
    );
  } catch (error) {
    const message = (error as { issues?: { message?: string }[] }).issues?.[0]?.message;
    if (message === undefined) throw error;
    if (message.startsWith('is a local time that does not exist'))
      return {
        error: `a local time that does not exist in ${zone} (the clocks go forward then): is that the zone the export was written in?`,
      };
    if (message.startsWith('is not a real date')) return { error: 'not a real date and time' };
    return {
      error: `not a date (expected ISO 8601 such as 2026-03-02 14:05${mapping.dateOrder === 'iso' ? ', or set "dateOrder" for 02/03/2026' : ' or 02/03/2026 14:05'})`,
    };
  }
}

/** A number with the mapping's decimal separator, no thousands separators: `12,5` or `12.5`. */
function numberCell(cell: string, mapping: CsvMapping): number | CellError {
  const pattern = mapping.decimalSeparator === ',' ? /^[+-]?\d+(?:,\d+)?$/ : /^[+-]?\d+(?:\.\d+)?$/;
  if (pattern.test(cell)) return Number(cell.replace(',', '.'));
  const other = mapping.decimalSeparator === ',' ? '.' : ',';
  return {
    error: /^[+-]?\d+[.,]\d+$/.test(cell)
      ? `not a number with the decimal separator "${mapping.decimalSeparator}": set "decimalSeparator": "${other}" in the mapping if the file uses "${other}"`
      : 'not a number',
  };
}

const WORDS: Partial<Record<CellKind, ReadonlyMap<string, string>>> = {
  status: STATUS_WORDS,
  priority: PRIORITY_WORDS,
  channel: CHANNEL_WORDS,
};

/** A status, priority or channel word: the mapping's `values` first, then any vendor's or language's word. */
function wordCell(kind: 'status' | 'priority' | 'channel', cell: string, field: string, mapping: CsvMapping) {
  const key = fold(cell);
  const value = mapping.values.get(field)?.get(key) ?? WORDS[kind]!.get(key);
  if (value !== undefined) return value;
  return {
    error: `not a ${kind} word supportkit knows: map it in the mapping's "values": { "${field}": { "<word>": "${kind === 'status' ? 'open' : kind === 'priority' ? 'high' : 'email'}" } }`,
  };
}

/** A CSAT answer: an integer 1..5, `good`/`bad`, or a satisfaction word or emoji in any of five languages. */
function ratingCell(cell: string, field: string, mapping: CsvMapping): string | number | CellError {
  const mapped = mapping.values.get(field)?.get(fold(cell));
  if (mapped !== undefined) return mapped;
  const number = numberCell(cell, mapping);
  if (typeof number === 'number')
    return Number.isInteger(number) && number >= 1 && number <= 5
      ? number
      : { error: 'a rating outside the integers 1..5' };
  const word = csatWordSatisfied(cell);
  if (word !== undefined) return word ? 'good' : 'bad';
  return {
    error: `expected good, bad, a rating 1..5 or a satisfaction word; map others in the mapping's "values": { "${field}": { "<word>": "good" } }`,
  };
}

const NPS_EXPECTED = 'expected a whole number 0..10 (a label after it is fine: 9 - very likely)';
/** The longest NPS answer with a label that is read (`10 - estremamente probabile` is 28 characters). */
const LABEL_LIMIT = 80;

/** An NPS answer: 0..10, with a label after it or not (`9 - molto probabile`), as `npsCategory` reads it. */
function npsCell(cell: string, mapping: CsvMapping): number | CellError {
  const number = numberCell(cell, mapping);
  if (typeof number === 'number' && Number.isInteger(number) && number >= 0 && number <= 10) return number;
  // npsCategory's label pattern backtracks quadratically on long runs of spaces; a real label is short.
  if (cell.length > LABEL_LIMIT) return { error: NPS_EXPECTED };
  try {
    return npsCategory(cell).score;
  } catch {
    return { error: NPS_EXPECTED };
  }
}

/**
 * Tags in one cell: split on `,`, `;` or `|` when the cell has one (a spreadsheet's list), else on spaces (a
 * helpdesk export's, whose tags hold no spaces); trimmed, lower case, a leading `#` dropped, inner spaces joined
 * with `_`, duplicates removed — as `splitTags` does.
 */
function tagsCell(cell: string): string[] {
  const tags = new Set<string>();
  for (const raw of cell.split(/[,;|]/.test(cell) ? /[,;|\r\n]+/ : /\s+/)) {
    const tag = raw.trim().replace(/^#+/, '').trim().toLowerCase().replace(/\s+/g, '_');
    if (tag !== '') tags.add(tag);
  }
  return [...tags];
}

/**
 * One non-blank cell of `field` read as its kind says, or why not (never echoing the cell).
 *
 * @example
 * ```ts
 * readCell('date', '02/03/2026 14:05', 'createdAt', mapping); // a Date, with dateOrder day-first
 * ```
 */
export function readCell(kind: CellKind, cell: string, field: string, mapping: CsvMapping): CellValue {
  switch (kind) {
    case 'status':
    case 'priority':
    case 'channel':
      return wordCell(kind, cell, field, mapping);
    case 'date':
      return dateCell(cell, mapping);
    case 'minutes': {
      const minutes = numberCell(cell, mapping);
      return typeof minutes === 'number' && minutes < 0 ? { error: 'a negative number of minutes' } : minutes;
    }
    case 'ces': {
      const score = numberCell(cell, mapping);
      if (isCellError(score)) return score;
      return Number.isInteger(score) && score >= 1 && score <= 7
        ? score
        : { error: 'a CES score outside the integers 1..7' };
    }
    case 'nps':
      return npsCell(cell, mapping);
    case 'rating':
      return ratingCell(cell, field, mapping);
    case 'list':
      return tagsCell(cell);
    default:
      return cell;
  }
}
