import { DateTime } from 'luxon';
import type { z } from 'zod';
import { normalizeChannel, normalizePriority, normalizeStatus } from '../../automations/words.js';
import type { DatasetRecord } from '../../models/dataset.js';
import { safeParse } from '../../models/parse.js';
import { isIanaTimeZone } from '../../models/primitives.js';
import { CesResponse, CsatResponse, NpsResponse } from '../../models/survey.js';
import { Ticket } from '../../models/ticket.js';
import { CommandError, UsageError } from '../errors.js';
import type { BadCell, CsvRow } from './read.js';

/** What a CSV export holds: tickets or one kind of survey answer. */
export type CsvKind = 'tickets' | 'nps' | 'csat' | 'ces';

/** How a CSV maps to records: the kind, canonical field → CSV column, and the zone of offset-less dates. */
export interface CsvMapping {
  kind: CsvKind;
  columns: ReadonlyMap<string, string>;
  timeZone: string | undefined;
}

const MODELS: Record<CsvKind, z.ZodObject> = {
  tickets: Ticket,
  nps: NpsResponse,
  csat: CsatResponse,
  ces: CesResponse,
};
/** The fields a CSV cell can fill, per kind, and how the cell is read. */
type CellKind = 'text' | 'date' | 'number' | 'list' | 'rating' | 'status' | 'priority' | 'channel';
/** The fields every survey answer has besides its score. */
const SURVEY_FIELDS: Record<string, CellKind> = {
  id: 'text',
  ticketId: 'text',
  customerId: 'text',
  agentId: 'text',
  comment: 'text',
  createdAt: 'date',
};

const FIELDS: Record<CsvKind, Record<string, CellKind>> = {
  tickets: {
    id: 'text',
    subject: 'text',
    description: 'text',
    status: 'status',
    priority: 'priority',
    type: 'text',
    channel: 'channel',
    requesterId: 'text',
    assigneeId: 'text',
    groupId: 'text',
    organizationId: 'text',
    tags: 'list',
    createdAt: 'date',
    updatedAt: 'date',
    solvedAt: 'date',
    dueAt: 'date',
    language: 'text',
  },
  nps: {
    ...SURVEY_FIELDS,
    score: 'number',
  },
  csat: {
    ...SURVEY_FIELDS,
    rating: 'rating',
  },
  ces: {
    ...SURVEY_FIELDS,
    score: 'number',
  },
};

/** The fields a row cannot do without (the model has no default for them): they must be mapped. */
function requiredFields(kind: CsvKind): string[] {
  const shape = MODELS[kind].shape as Record<string, z.ZodType>;
  const required = Object.keys(FIELDS[kind]).filter(
    (field) => shape[field] !== undefined && !shape[field].safeParse(undefined).success,
  );
  return kind === 'csat' ? [...required, 'rating'] : required; // a blank rating is "unanswered", a missing column a slip
}

const badMapping = (name: string, what: string) =>
  new CommandError(
    `mapping ${name}: ${what}`,
    'see "Import a CSV" in docs/cli.md for the mapping format',
    'bad_mapping',
  );

/**
 * The mapping file's content, checked: `{ kind, columns: { field: "CSV header" }, timeZone? }`. Every mapped
 * column must be in the CSV's header, and every field the model requires must be mapped (a UsageError, once,
 * rather than the same bad cell on every row); `tz` (the --tz option) wins over the file's `timeZone`.
 *
 * @example
 * ```ts
 * const mapping = mappingOf(JSON.parse(text), 'map.json', header, 'Europe/Rome');
 * ```
 */
export function mappingOf(
  value: unknown,
  name: string,
  header: readonly string[],
  tz: string | undefined,
): CsvMapping {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw badMapping(name, 'expected an object { kind, columns, timeZone? }');
  const { kind, columns, timeZone } = value as Record<string, unknown>;
  if (typeof kind !== 'string' || !Object.hasOwn(FIELDS, kind))
    throw badMapping(name, 'kind must be "tickets", "nps", "csat" or "ces"');
  if (columns === null || typeof columns !== 'object' || Array.isArray(columns))
    throw badMapping(name, 'columns must be an object { field: "CSV column" }');
  const fields = FIELDS[kind as CsvKind];
  const map = new Map<string, string>();
  for (const [field, column] of Object.entries(columns)) {
    if (!Object.hasOwn(fields, field))
      throw badMapping(
        name,
        `columns.${field.slice(0, 40)} is not a ${kind} field (fields: ${Object.keys(fields).join(', ')})`,
      );
    if (typeof column !== 'string' || !header.includes(column))
      throw badMapping(name, `columns.${field} names a column the CSV does not have`);
    map.set(field, column);
  }
  const missing = requiredFields(kind as CsvKind).filter((field) => !map.has(field));
  if (missing.length > 0)
    throw new UsageError(
      `mapping ${name}: columns does not map the required ${kind} field${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      'map every required field to a CSV column (see "Import a CSV" in docs/cli.md)',
    );
  const zone = tz ?? (typeof timeZone === 'string' ? timeZone : undefined);
  if (zone !== undefined && !isIanaTimeZone(zone))
    throw badMapping(name, 'timeZone (or --tz) must be an IANA time zone such as Europe/Rome');
  return { kind: kind as CsvKind, columns: map, timeZone: zone };
}

const OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** A date cell as ISO with an offset, or why not: a date without one needs the mapping's zone. */
function dateCell(cell: string, zone: string | undefined): string | { error: string } {
  if (OFFSET.test(cell) && /\d{4}-\d{2}-\d{2}[T ]\d/.test(cell)) return cell.replace(' ', 'T');
  if (zone === undefined)
    return { error: 'a date without a UTC offset: pass --tz (or timeZone in the mapping)' };
  const local = cell.replace(' ', 'T');
  const parsed = DateTime.fromISO(local, { zone });
  return parsed.isValid
    ? parsed.toISO()!
    : { error: 'not a date (expected ISO 8601, e.g. 2026-03-02 10:00)' };
}

const WORDS = {
  status: normalizeStatus,
  priority: normalizePriority,
  channel: normalizeChannel,
} as const;

/** A status, priority or channel word (any vendor's or language's) as the canonical value, or why not. */
function wordCell(kind: keyof typeof WORDS, cell: string): string | { error: string } {
  try {
    return WORDS[kind](cell).value;
  } catch {
    return {
      error: `not a ${kind} word supportkit knows (see normalize${kind[0]!.toUpperCase()}${kind.slice(1)})`,
    };
  }
}

function cellValue(kind: CellKind, cell: string, zone: string | undefined): unknown {
  switch (kind) {
    case 'status':
    case 'priority':
    case 'channel':
      return wordCell(kind, cell);
    case 'date':
      return dateCell(cell, zone);
    case 'number':
      return /^[+-]?\d+(\.\d+)?$/.test(cell) ? Number(cell) : { error: 'not a number' };
    case 'rating':
      if (/^(good|bad)$/i.test(cell)) return cell.toLowerCase();
      return /^\d+$/.test(cell) ? Number(cell) : { error: 'expected good, bad or an integer 1..5' };
    case 'list':
      return cell.split(/[\s,]+/).filter(Boolean);
    default:
      return cell;
  }
}

/**
 * One CSV row as a record of the mapping's kind, or the bad cells that stop it. Blank cells are missing (the
 * field is left out), never 0 or an empty string; a problem names the line and column, never the cell.
 *
 * @example
 * ```ts
 * const result = recordOfRow(row, mapping);
 * if ('bad' in result) console.error(result.bad);
 * ```
 */
export function recordOfRow(
  row: CsvRow,
  mapping: CsvMapping,
): { record: DatasetRecord } | { bad: BadCell[] } {
  const fields = FIELDS[mapping.kind];
  const value: Record<string, unknown> = {};
  const bad: BadCell[] = [];
  for (const [field, column] of mapping.columns) {
    const cell = row.cells.get(column) ?? '';
    if (cell === '') continue;
    const read = cellValue(fields[field]!, cell, mapping.timeZone);
    if (read !== null && typeof read === 'object' && 'error' in read)
      bad.push({ line: row.line, column, message: (read as { error: string }).error });
    else value[field] = read;
  }
  if (mapping.kind === 'csat' && !('rating' in value) && bad.length === 0) value.rating = null; // asked, unanswered
  if (bad.length > 0) return { bad };
  const parsed = safeParse(MODELS[mapping.kind], value, `CSV line ${row.line}`);
  if (parsed.success) return { record: { kind: mapping.kind, value: parsed.data } as DatasetRecord };
  return {
    bad: parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      const column = mapping.columns.get(field) ?? `(${field || 'row'}: not mapped)`;
      return { line: row.line, column, message: issue.message };
    }),
  };
}
