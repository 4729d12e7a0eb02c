/**
 * Where the Request Tracker change feed stands, in one opaque checkpoint: the last ticket transaction read, and
 * how far the users and the queues have been read in RT's (LastUpdated, id) order. Checkpoints written before
 * people were in the feed hold a bare transaction id: they resume there, with users and queues from the
 * beginning.
 */
import type { Checkpoint } from '../contract.js';
import { badCheckpoint, ownCursor } from '../kit/index.js';
import { ADAPTER } from './map.js';

/**
 * A record's place in RT's order of changes: its `LastUpdated` in Unix seconds, then its number.
 * @example `const key: RtKey = [1772440000, 27];`
 */
export type RtKey = readonly [at: number, id: number];

/**
 * How far one kind of record (users, queues) has been read. A run reads the records changed since `since`,
 * newest first, page by page; `scan` is the run under way, so that a feed stopped between pages goes on with the
 * next page.
 * @example `const fresh: ScanPosition = { since: null, scan: null };`
 */
export interface ScanPosition {
  /** Every record at or before this key was delivered by an earlier run; null = none yet. */
  since: RtKey | null;
  /** The run under way: where the next run will start (`next`) and how many pages this one has read. */
  scan: { next: RtKey | null; pages: number } | null;
}

/**
 * The feed's position in all three reads.
 * @example `const start: FeedPosition = { tickets: null, users: { since: null, scan: null }, groups: { since: null, scan: null } };`
 */
export interface FeedPosition {
  /** The last ticket transaction delivered; null = not started (a feed over some queues starts at their oldest ticket). */
  tickets: number | null;
  users: ScanPosition;
  groups: ScanPosition;
}

const FROM_THE_BEGINNING: ScanPosition = { since: null, scan: null };

/**
 * Whether `key` comes after `since` in RT's order of changes (everything does after null).
 * @example `isAfter([1772440001, 3], [1772440000, 27]); // true`
 */
export const isAfter = (key: RtKey, since: RtKey | null): boolean =>
  since === null || key[0] > since[0] || (key[0] === since[0] && key[1] > since[1]);

/**
 * The checkpoint for a position.
 * @example `checkpointAt({ tickets: 812, users: { since: [1772440000, 27], scan: null }, groups: { since: null, scan: null } })`
 */
export function checkpointAt(position: FeedPosition): Checkpoint {
  return { adapter: ADAPTER, cursor: JSON.stringify(position) };
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const keyOf = (value: unknown): RtKey | null | undefined =>
  value === null
    ? null
    : Array.isArray(value) && value.length === 2 && value.every(isCount)
      ? [value[0] as number, value[1] as number]
      : undefined;

/** A scan position as JSON gave it back, or undefined when it is not one. */
function scanOf(value: unknown): ScanPosition | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { since, scan } = value as { since?: unknown; scan?: unknown };
  const from = keyOf(since);
  if (from === undefined) return undefined;
  if (scan === null) return { since: from, scan: null };
  if (!scan || typeof scan !== 'object') return undefined;
  const { next, pages } = scan as { next?: unknown; pages?: unknown };
  const to = keyOf(next);
  if (to === undefined || !isCount(pages) || pages === 0) return undefined;
  return { since: from, scan: { next: to, pages } };
}

/** The position a cursor holds, or undefined when it is not one this adapter wrote. */
function parsePosition(cursor: unknown): FeedPosition | undefined {
  if (typeof cursor !== 'string') return undefined;
  // Written before people were in the feed: the last transaction id alone.
  if (/^\d{1,15}$/.test(cursor))
    return { tickets: Number(cursor), users: FROM_THE_BEGINNING, groups: FROM_THE_BEGINNING };
  let value: unknown;
  try {
    value = JSON.parse(cursor);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { tickets, users, groups } = value as Record<string, unknown>;
  if (tickets !== null && !isCount(tickets)) return undefined;
  const u = scanOf(users);
  const g = scanOf(groups);
  return u && g ? { tickets: tickets as number | null, users: u, groups: g } : undefined;
}

/**
 * The position a checkpoint stands for; from the beginning without one. A checkpoint of another adapter, or one
 * this adapter did not write, is a ValidationError naming what is wrong (never its contents); a checkpoint of
 * the previous version (a bare transaction id) resumes there, with users and queues from the beginning.
 *
 * @example
 * ```ts
 * positionOf({ adapter: 'request-tracker', cursor: '812' }).tickets; // 812
 * ```
 */
export function positionOf(checkpoint: Checkpoint | null | undefined): FeedPosition {
  if (!checkpoint) return { tickets: null, users: FROM_THE_BEGINNING, groups: FROM_THE_BEGINNING };
  const position = parsePosition(ownCursor(ADAPTER, checkpoint));
  if (!position) throw badCheckpoint(ADAPTER, 'cursor', 'is not a position this adapter wrote');
  return position;
}
