import type { z } from 'zod';
import { truncateKey, ValidationError, type ValidationIssue } from '../errors/validation.js';
import type { Group } from '../models/group.js';
import type { Message } from '../models/message.js';
import { toValidationIssues } from '../models/parse.js';
import type { Schedule } from '../models/schedule.js';
import type { SlaPolicy } from '../models/sla-policy.js';
import type { CesResponse, CsatResponse, NpsResponse } from '../models/survey.js';
import type { Ticket } from '../models/ticket.js';
import type { TicketEvent } from '../models/ticket-event.js';
import {
  CHANNELS,
  EPOCH_MS_FLOOR,
  MAX_EPOCH_MS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
} from '../models/vocabulary.js';
import { type ModelSchemas, modelSchemas } from './schemas.js';

/**
 * Validation at the public entry of every metric, once, so that internal helpers can trust their input: a metric accepts what the models accept — model
 * JSON with ISO strings as much as parsed models with Dates — and turns anything else into a ValidationError
 * that names the function and the path (never a value). Internal helpers take parsed models and do not re-check.
 *
 * Already-parsed data takes a fast path: when the fields the metrics read have their parsed types (Dates for
 * timestamps, strings for ids and statuses), the record is used as it is. Only then is parsing skipped, so a
 * `summarize` of parsed data pays a few `instanceof` checks per record, not a second zod parse.
 *
 * The schemas come from `modelSchemas()`, which the published build loads on first use (./schemas-lazy.ts):
 * importing the metrics does not load zod, and a metric handed parsed tickets, messages, events and survey
 * responses never does (schedules, SLA policies, groups and ISO strings are parsed with them, once).
 */

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object';
const isDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isOptionalId = (value: unknown) => value === null || value === undefined || isId(value);

const STATUS_SPELLINGS: ReadonlySet<string> = new Set(TICKET_STATUSES);
const PRIORITY_SPELLINGS: ReadonlySet<string> = new Set(TICKET_PRIORITIES);
const CHANNEL_SPELLINGS: ReadonlySet<string> = new Set(CHANNELS);
/**
 * A value the model would keep as it is: a canonical spelling, or a vendor value that does not fold to one.
 * `'Solved'` or `'ON_HOLD'` in a hand-built object must go through the model, which reads them as `solved`/`hold`.
 */
const isCanonical = (known: ReadonlySet<string>, value: unknown): boolean =>
  typeof value === 'string' &&
  (known.has(value) ||
    !known.has(
      value
        .trim()
        .toLowerCase()
        .replace(/[\s_-]+/g, ''),
    ));

function looksParsedTicket(value: unknown): boolean {
  if (!isObject(value)) return false;
  const v = value;
  return (
    isId(v.id) &&
    isCanonical(STATUS_SPELLINGS, v.status) &&
    (v.priority === null || isCanonical(PRIORITY_SPELLINGS, v.priority)) &&
    isCanonical(CHANNEL_SPELLINGS, v.channel) &&
    isDate(v.createdAt) &&
    isDate(v.updatedAt) &&
    (v.solvedAt === null || isDate(v.solvedAt)) &&
    isOptionalId(v.assigneeId) &&
    isOptionalId(v.groupId) &&
    isOptionalId(v.organizationId) &&
    Array.isArray(v.tags) &&
    v.tags.every((tag) => typeof tag === 'string')
  );
}

function looksParsedMessage(value: unknown): boolean {
  return (
    isObject(value) &&
    isId(value.id) &&
    isId(value.ticketId) &&
    typeof value.authorRole === 'string' &&
    typeof value.public === 'boolean' &&
    isDate(value.createdAt)
  );
}

function looksParsedEvent(value: unknown): boolean {
  if (!isObject(value) || !isId(value.id) || !isId(value.ticketId) || !isDate(value.at)) return false;
  if (value.type === 'status')
    return (
      isCanonical(STATUS_SPELLINGS, value.to) &&
      (value.from === null || isCanonical(STATUS_SPELLINGS, value.from))
    );
  if (value.type === 'priority')
    return (
      (value.to === null || isCanonical(PRIORITY_SPELLINGS, value.to)) &&
      (value.from === null || isCanonical(PRIORITY_SPELLINGS, value.from))
    );
  return (
    value.type === 'assignee' ||
    value.type === 'group' ||
    value.type === 'sla' ||
    value.type === 'tags' ||
    value.type === 'stage'
  );
}

function looksParsedSurvey(value: unknown): boolean {
  return (
    isObject(value) &&
    isId(value.id) &&
    isOptionalId(value.ticketId) &&
    isOptionalId(value.agentId) &&
    isDate(value.createdAt)
  );
}

/** The name of a schema in `modelSchemas()`. */
type SchemaName = keyof ModelSchemas;

/**
 * Parses one record with the named schema, or returns its issues under `path`. The schemas are looked up here,
 * on the slow path only, so that already-parsed input never loads them.
 */
function parseOne<N extends SchemaName>(
  name: N,
  value: unknown,
  path: readonly (string | number)[],
  issues: ValidationIssue[],
): z.output<ModelSchemas[N]> | undefined {
  const schema: z.ZodType = modelSchemas()[name];
  const result = schema.safeParse(value);
  if (result.success) return result.data as z.output<ModelSchemas[N]>;
  issues.push(...toValidationIssues(result.error.issues, path));
  return undefined;
}

/** Validates a list of records; returns the input itself when every record was already parsed. */
function listOf<K extends keyof Lists>(
  key: K,
  value: unknown,
  path: readonly (string | number)[],
  issues: ValidationIssue[],
): Lists[K][] {
  if (!Array.isArray(value)) {
    issues.push({ path, code: 'invalid_type', message: value === undefined ? 'required' : 'expected array' });
    return [];
  }
  const [name, looksParsed] = LIST_SCHEMAS[key];
  let out: Lists[K][] | null = null;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (looksParsed(item)) {
      out?.push(item as Lists[K]);
      continue;
    }
    out ??= value.slice(0, i) as Lists[K][];
    const parsed = parseOne(name, item, [...path, i], issues);
    if (parsed !== undefined) out.push(parsed as Lists[K]);
  }
  return out ?? (value as Lists[K][]);
}

function check(subject: string, issues: ValidationIssue[]): void {
  if (issues.length > 0) throw new ValidationError(subject, issues);
}

/**
 * A ticket as a metric takes it: parsed, or parsed now. `fn` names the metric in the error.
 * @example `const t = ticketArg(input, 'firstReplyTime'); // Ticket, or a ValidationError "Validation failed for firstReplyTime() ticket"`
 */
export function ticketArg(value: unknown, fn: string): Ticket {
  if (looksParsedTicket(value)) return value as Ticket;
  const issues: ValidationIssue[] = [];
  const ticket = parseOne('Ticket', value, [], issues);
  check(`${fn}() ticket`, issues);
  return ticket!;
}

/**
 * A ticket's messages as a metric takes them.
 * @example `messagesArg(json.messages, 'replyTimes'); // Message[]`
 */
export function messagesArg(value: unknown, fn: string): Message[] {
  const issues: ValidationIssue[] = [];
  const out = listOf('messages', value, [], issues);
  check(`${fn}() messages`, issues);
  return out;
}

/**
 * A ticket's events as a metric takes them.
 * @example `eventsArg(json.events, 'reopens'); // TicketEvent[]`
 */
export function eventsArg(value: unknown, fn: string): TicketEvent[] {
  const issues: ValidationIssue[] = [];
  const out = listOf('events', value, [], issues);
  check(`${fn}() events`, issues);
  return out;
}

/** The lists of a dataset that metrics read. */
type Lists = {
  tickets: Ticket;
  messages: Message;
  events: TicketEvent;
  csat: CsatResponse;
  nps: NpsResponse;
  ces: CesResponse;
  schedules: Schedule;
  groups: Group;
  slaPolicies: SlaPolicy;
};
/** The names of the schemas whose output is a `T` (so a list cannot be given another list's schema). */
type SchemaFor<T> = { [N in SchemaName]: z.output<ModelSchemas[N]> extends T ? N : never }[SchemaName];
/** Which schema validates each list, and how an already-parsed record of it looks. */
const LIST_SCHEMAS: { [K in keyof Lists]: [SchemaFor<Lists[K]>, (value: unknown) => boolean] } = {
  tickets: ['Ticket', looksParsedTicket],
  messages: ['Message', looksParsedMessage],
  events: ['TicketEvent', looksParsedEvent],
  csat: ['CsatResponse', looksParsedSurvey],
  nps: ['NpsResponse', looksParsedSurvey],
  ces: ['CesResponse', looksParsedSurvey],
  // Reference data is small: always parsed.
  schedules: ['Schedule', () => false],
  groups: ['Group', () => false],
  slaPolicies: ['SlaPolicy', () => false],
};

/**
 * The lists of a dataset a metric reads, each validated like the Dataset model (a missing list is empty).
 * @example `const { tickets } = datasetArg(json, 'tagTrends', ['tickets']);`
 */
export function datasetArg<K extends keyof Lists>(
  value: unknown,
  fn: string,
  keys: readonly K[],
): { [P in K]: Lists[P][] } & { asOf?: Date } {
  const issues: ValidationIssue[] = [];
  if (!isObject(value) || Array.isArray(value)) {
    issues.push({ path: [], code: 'invalid_type', message: 'expected a dataset object' });
    check(`${fn}() dataset`, issues);
  }
  const dataset = value as Record<string, unknown>;
  const out = {} as Record<string, unknown>;
  for (const key of keys) {
    const list = dataset[key];
    if (list === undefined) out[key] = [];
    else if (REFERENCE.has(key) && Array.isArray(list)) {
      // Reference data keeps its identity across calls, so a compiled schedule is reused.
      out[key] = list.map((item, i) => referenceOne(LIST_SCHEMAS[key][0], item, [key, i], issues));
    } else out[key] = listOf(key, list, [key], issues);
  }
  if (dataset.asOf !== undefined) {
    const asOf = parseOne('Timestamp', dataset.asOf, ['asOf'], issues);
    if (asOf) out.asOf = asOf;
  }
  check(`${fn}() dataset`, issues);
  return out as { [P in K]: Lists[P][] } & { asOf?: Date };
}

const parsedReference = new WeakMap<object, unknown>();

const REFERENCE = new Set<string>(['schedules', 'groups', 'slaPolicies']);

function referenceOne<N extends SchemaName>(
  name: N,
  value: unknown,
  path: readonly (string | number)[],
  issues: ValidationIssue[],
): z.output<ModelSchemas[N]> | undefined {
  if (isObject(value)) {
    const hit = parsedReference.get(value);
    if (hit !== undefined) return hit as z.output<ModelSchemas[N]>;
  }
  const parsed = parseOne(name, value, path, issues);
  if (parsed !== undefined) {
    parsedReference.set(value as object, parsed);
    parsedReference.set(parsed as object, parsed);
  }
  return parsed;
}

/** Parses reference data (a schedule, an SLA policy, a group) once per object. */
function referenceArg<N extends SchemaName>(
  name: N,
  value: unknown,
  subject: string,
): z.output<ModelSchemas[N]> {
  const issues: ValidationIssue[] = [];
  const parsed = referenceOne(name, value, [], issues);
  check(subject, issues);
  return parsed!;
}

/**
 * A schedule, parsed once per object.
 * @example `scheduleArg(options.schedule, 'firstReplyTime'); // Schedule`
 */
export function scheduleArg(value: unknown, fn: string): Schedule {
  return referenceArg('Schedule', value, `${fn}() schedule`);
}

/**
 * An SLA policy, parsed once per object.
 * @example `policyArg(policy, 'slaStatus'); // SlaPolicy`
 */
export function policyArg(value: unknown, fn: string): SlaPolicy {
  return referenceArg('SlaPolicy', value, `${fn}() policy`);
}

/**
 * A group, parsed once per object.
 * @example `groupArg(value, 'summaryAccumulator'); // Group`
 */
export function groupArg(value: unknown, fn: string): Group {
  return referenceArg('Group', value, `${fn}() group`);
}

/**
 * A survey response of the given kind (parsed, or parsed now).
 * @example `surveyArg('csat', value, 'summaryAccumulator'); // CsatResponse`
 */
export function surveyArg<K extends 'csat' | 'nps' | 'ces'>(kind: K, value: unknown, fn: string): Lists[K] {
  const [name, looksParsed] = LIST_SCHEMAS[kind];
  if (looksParsed(value)) return value as Lists[K];
  const issues: ValidationIssue[] = [];
  const parsed = parseOne(name, value, [], issues) as Lists[K] | undefined;
  check(`${fn}() ${kind} response`, issues);
  return parsed!;
}

/**
 * An instant exactly as the models' `Timestamp` accepts it (an ISO 8601 string with an offset, a Date, or
 * integer epoch milliseconds), as epoch ms; anything else is a ValidationError naming `what`. Strings without an
 * offset (`2026-03-06T10:00`, `06/03/2026`) are refused rather than read in the host's time zone, and small
 * numbers (epoch seconds) rather than taken as milliseconds.
 * @example `instantArg('2026-03-06T10:00:00+01:00', 'businessMinutes() start'); // 1772787600000`
 */
export function instantArg(value: unknown, what: string): number {
  if (isDate(value)) return value.getTime();
  // The common case without zod: integer epoch ms in Timestamp's range (the same rule Timestamp applies).
  if (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    Math.abs(value) >= EPOCH_MS_FLOOR &&
    Math.abs(value) <= MAX_EPOCH_MS
  )
    return value;
  const issues: ValidationIssue[] = [];
  const parsed = parseOne('Timestamp', value, [], issues);
  check(what, issues);
  return parsed!.getTime();
}

/**
 * Options must be an object (or omitted).
 * @example `optionsArg(options, 'volumes'); // {} when undefined`
 */
export function optionsArg<T extends object>(value: T | undefined, fn: string): T {
  if (value === undefined) return {} as T;
  if (!isObject(value) || Array.isArray(value)) {
    throw new ValidationError(`${fn}() options`, [
      { path: [], code: 'invalid_type', message: 'expected an options object' },
    ]);
  }
  // A misspelt option (`timezone`, `intervall`) would silently fall back to its default and give a wrong
  // report: refuse any name no metric takes, suggesting the one it resembles.
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(value)) {
    if (METRIC_OPTIONS.has(key)) continue;
    const near = METRIC_OPTIONS_BY_SPELLING.get(key.toLowerCase().replace(/[_-]/g, ''));
    issues.push({
      path: [truncateKey(key)],
      code: 'unrecognized_keys',
      message: near ? `unknown option: did you mean ${near}?` : 'unknown option',
    });
  }
  if (issues.length > 0) throw new ValidationError(`${fn}() options`, issues);
  return value;
}

/** Every option name a metric function takes (a name outside this list is a typo, not an option). */
const METRIC_OPTIONS: ReadonlySet<string> = new Set([
  'aggregate',
  'alpha',
  'asOf',
  'baseline',
  'confidence',
  'definition',
  'includeDeleted',
  'interval',
  'invalid',
  'minPairSupport',
  'offered',
  'recentPeriods',
  'requesterWaitStatuses',
  'schedule',
  'threshold',
  'ticketMemory',
  'timeZone',
  'which',
]);
const METRIC_OPTIONS_BY_SPELLING: ReadonlyMap<string, string> = new Map(
  [...METRIC_OPTIONS].map((name) => [name.toLowerCase(), name]),
);

/**
 * A ticket with its messages and events (a `TicketBundle`), as an accumulator's `add` takes it; a missing list
 * is empty.
 * @example `bundleArg({ ticket, messages }, 'firstReplyAccumulator'); // { ticket, messages, events: [] }`
 */
export function bundleArg(
  value: unknown,
  fn: string,
): { ticket: Ticket; messages: Message[]; events: TicketEvent[] } {
  if (!isObject(value) || Array.isArray(value)) {
    throw new ValidationError(`${fn}() bundle`, [
      { path: [], code: 'invalid_type', message: 'expected { ticket, messages, events }' },
    ]);
  }
  const issues: ValidationIssue[] = [];
  const ticket = looksParsedTicket(value.ticket)
    ? (value.ticket as Ticket)
    : parseOne('Ticket', value.ticket, ['ticket'], issues);
  const messages =
    value.messages === undefined ? [] : listOf('messages', value.messages, ['messages'], issues);
  const events = value.events === undefined ? [] : listOf('events', value.events, ['events'], issues);
  check(`${fn}() bundle`, issues);
  return { ticket: ticket!, messages, events };
}

/** The record kinds whose values metrics read one by one, each with its model and already-parsed check. */
const RECORD_KINDS: ReadonlyMap<
  string,
  (typeof LIST_SCHEMAS)['tickets' | 'messages' | 'events' | 'csat' | 'nps' | 'ces']
> = new Map(
  (['tickets', 'messages', 'events', 'csat', 'nps', 'ces'] as const).map((kind) => [
    kind,
    LIST_SCHEMAS[kind],
  ]),
);

/**
 * One record of a dataset stream (`{ kind, value }`), its value validated by its kind's model; kinds metrics do
 * not read pass through unchecked. An already-parsed value takes one check and no parse (the common case: every
 * record of a stream comes through here).
 * @example `recordArg({ kind: 'tickets', value: json }, 'recordSummarizer', 7);`
 */
export function recordArg(value: unknown, fn: string, index: number): { kind: string; value: unknown } {
  if (!isObject(value) || typeof value.kind !== 'string') {
    throw new ValidationError(`${fn}() record`, [
      { path: [index, 'kind'], code: 'invalid_type', message: 'expected a record { kind, value }' },
    ]);
  }
  const kind = value.kind;
  const item = RECORD_KINDS.get(kind);
  if (item?.[1](value.value)) return { kind, value: value.value };
  const issues: ValidationIssue[] = [];
  let parsed: unknown = value.value;
  if (item) parsed = parseOne(item[0], value.value, [index, 'value'], issues);
  else if (kind === 'schedules' || kind === 'groups' || kind === 'slaPolicies')
    parsed = referenceOne(LIST_SCHEMAS[kind][0], value.value, [index, 'value'], issues);
  check(`${fn}() record`, issues);
  return { kind, value: parsed };
}
