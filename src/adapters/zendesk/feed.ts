/**
 * Where the Zendesk change feed stands. The feed reads, in this order: tickets through the cursor-based ticket
 * export; their comments and field changes through the time-based ticket-event export (one request per 1000
 * updates, instead of two per ticket); users through the cursor-based user export; organizations through the
 * time-based organization export; groups, which Zendesk cannot export incrementally, in a full pass; and
 * satisfaction ratings in a time window. Every position travels in one opaque checkpoint.
 *
 * Each source keeps its own position and every run visits every source from where it stands, so a feed resumed
 * from any checkpoint skips nothing whatever the order; tickets come first so that a checkpoint of the previous
 * version (tickets and their updates only) means what it meant, the people sources then start from the
 * beginning.
 */
import type { Checkpoint } from '../contract.js';
import { badCheckpoint, ownCursor } from '../kit/index.js';
import { ADAPTER } from './context.js';

/**
 * A position in a time-based export: the next `start_time`, and the records already delivered at exactly that
 * second (the export restarts at that second, so they come again and are skipped).
 * @example `const organizations: TimeExportPosition = { start: 1772323200, seen: ['501'] };`
 */
export interface TimeExportPosition {
  /** The next `start_time` in Unix seconds; null = from the beginning. */
  start: number | null;
  /** Ids delivered at exactly second `start`. */
  seen: string[];
}

/**
 * A position in a pass over a list that has no incremental export (groups) or whose export is a time filter
 * (satisfaction ratings): the records changed since `since` are read, page by page, up to `until`, the moment the
 * pass began less a minute. A finished pass moves `since` to its `until` (see {@link passDone}).
 * @example `const groups: PassPosition = { since: 1772323200, until: 1772409540, after: 'eyJvIjoiaWQifQ' };`
 */
export interface PassPosition {
  /** The lower bound of the pass in Unix seconds; null = everything. */
  since: number | null;
  /** The upper bound of the pass under way, fixed when it began; null = no pass under way. */
  until: number | null;
  /** The cursor of the pass's next page; null = its first page. */
  after: string | null;
}

/**
 * The feed's position in all its sources.
 * @example `const start: FeedPosition = positionOf(null);`
 */
export interface FeedPosition {
  /** The ticket export's cursor; null = from the beginning. */
  tickets: string | null;
  /** The ticket-event export's next `start_time` in Unix seconds; null = from the beginning. */
  events: number | null;
  /**
   * Ids of ticket updates at exactly second `events` already delivered: a time-based export restarts at that
   * second, so they come again and are skipped.
   */
  seen: string[];
  /** The user export's cursor; null = from the beginning. */
  users: string | null;
  /** The organization export. */
  organizations: TimeExportPosition;
  /** The pass over groups. */
  groups: PassPosition;
  /** The pass over satisfaction ratings. */
  csat: PassPosition;
}

const fresh = (): Pick<FeedPosition, 'users' | 'organizations' | 'groups' | 'csat'> => ({
  users: null,
  organizations: { start: null, seen: [] },
  groups: { since: null, until: null, after: null },
  csat: { since: null, until: null, after: null },
});

/**
 * The checkpoint for a position.
 * @example `checkpointAt({ ...positionOf(null), tickets: 'MTU3NjYxMzUzOS4wfHwxNTM0' })`
 */
export function checkpointAt(position: FeedPosition): Checkpoint {
  return { adapter: ADAPTER, cursor: JSON.stringify(position) };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isIds = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((id) => typeof id === 'string');
const isSecond = (value: unknown): value is number | null => value === null || Number.isInteger(value);
const isCursor = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** A time-export position as written, or undefined when it is not one. */
function timeExportOf(value: unknown): TimeExportPosition | undefined {
  if (!isObject(value) || !isSecond(value.start) || !isIds(value.seen)) return undefined;
  return { start: value.start, seen: value.seen };
}

/** A pass position as written, or undefined when it is not one. */
function passOf(value: unknown): PassPosition | undefined {
  if (!isObject(value) || !isSecond(value.since) || !isSecond(value.until) || !isCursor(value.after))
    return undefined;
  return { since: value.since, until: value.until, after: value.after };
}

/**
 * The people part of a position: absent in a checkpoint of the previous version (those sources then start from
 * the beginning), and refused when present but not as this version writes it.
 */
function peopleOf(p: Record<string, unknown>): ReturnType<typeof fresh> | undefined {
  const start = fresh();
  if (!('users' in p) && !('organizations' in p) && !('groups' in p) && !('csat' in p)) return start;
  if (!isCursor(p.users)) return undefined;
  const organizations = timeExportOf(p.organizations);
  const groups = passOf(p.groups);
  const csat = passOf(p.csat);
  if (!organizations || !groups || !csat) return undefined;
  return { users: p.users, organizations, groups, csat };
}

/** The position a cursor holds, or undefined when it is not one this adapter wrote. */
function parsePosition(cursor: string): FeedPosition | undefined {
  let value: unknown;
  try {
    value = JSON.parse(cursor);
  } catch {
    return undefined;
  }
  if (!isObject(value) || !isCursor(value.tickets) || !isSecond(value.events) || !isIds(value.seen))
    return undefined;
  const people = peopleOf(value);
  if (!people) return undefined;
  return { tickets: value.tickets, events: value.events, seen: value.seen, ...people };
}

/**
 * The position a checkpoint stands for; null = the beginning. A checkpoint of the previous version (tickets and
 * ticket events only) resumes those where they stood and reads the people from the beginning. A checkpoint from
 * another adapter, or one this adapter did not write, is refused with a ValidationError naming what is wrong
 * (never its contents).
 *
 * @example
 * ```ts
 * positionOf(null).users; // null: the user export from the beginning
 * positionOf({ adapter: 'zendesk', cursor: '{"tickets":"abc","events":100,"seen":[]}' }).organizations;
 * // { start: null, seen: [] }
 * ```
 */
export function positionOf(checkpoint: Checkpoint | null | undefined): FeedPosition {
  if (!checkpoint) return { tickets: null, events: null, seen: [], ...fresh() };
  const position = parsePosition(ownCursor(ADAPTER, checkpoint));
  if (!position) throw badCheckpoint(ADAPTER, 'cursor', 'is not a position this adapter wrote');
  return position;
}

/**
 * A time-based export's position after a page that started at `startTime`: the page's `end_time` (else its last
 * record's second), and the ids already delivered at that second — added to those seen before when the export
 * did not move on.
 *
 * @example
 * ```ts
 * boundaryAfter({ start: 100, seen: ['1'] }, 100, [{ id: 3, timestamp: 160 }], 160); // { start: 160, seen: ['3'] }
 * ```
 */
export function boundaryAfter(
  position: TimeExportPosition,
  startTime: number,
  records: readonly { id: string | number; timestamp: number }[],
  endTime: number | null | undefined,
): TimeExportPosition {
  const end = endTime ?? records.at(-1)?.timestamp ?? startTime;
  const atEnd = records.filter((r) => r.timestamp === end).map((r) => String(r.id));
  return {
    start: end,
    seen: [...new Set([...(end === startTime ? position.seen : []), ...atEnd])],
  };
}

/**
 * The position after a page of the ticket-event export that started at `startTime` (see
 * {@link boundaryAfter}).
 *
 * @example
 * ```ts
 * positionAfter(position, 1772323200, [{ id: 7, timestamp: 1772323260 }], 1772323260);
 * // { ...position, events: 1772323260, seen: ['7'] }
 * ```
 */
export function positionAfter(
  position: FeedPosition,
  startTime: number,
  updates: readonly { id: string | number; timestamp: number }[],
  endTime: number | null | undefined,
): FeedPosition {
  const next = boundaryAfter({ start: position.events, seen: position.seen }, startTime, updates, endTime);
  return { ...position, events: next.start, seen: next.seen };
}

/**
 * A pass, begun: its upper bound fixed at `until` unless one is under way already.
 * @example `passBegun({ since: null, until: null, after: null }, 1772409540).until // 1772409540`
 */
export const passBegun = (pass: PassPosition, until: number): PassPosition =>
  pass.until === null ? { ...pass, until, after: null } : pass;

/**
 * A pass, finished: the next one reads from this one's upper bound, less `overlap` seconds where the vendor does
 * not say whether its bounds are inclusive (a record at the boundary is read twice rather than never; the sink
 * writes a version once).
 * @example `passDone({ since: null, until: 1772409540, after: 'x' }).since // 1772409540`
 */
export const passDone = (pass: PassPosition, overlap = 0): PassPosition => ({
  since: pass.until === null ? pass.since : pass.until - overlap,
  until: null,
  after: null,
});
