/**
 * Where the Zendesk change feed stands. The feed reads two exports: tickets through the cursor-based export,
 * then their comments and field changes through the time-based ticket-event export (one request per 1000
 * updates, instead of two per ticket). Both positions travel in one opaque checkpoint.
 */
import type { Checkpoint } from '../contract.js';
import { badCheckpoint, ownCursor } from '../kit/index.js';
import { ADAPTER } from './context.js';

/**
 * The feed's position in both exports.
 * @example `const start: FeedPosition = { tickets: null, events: null, seen: [] };`
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
}

/**
 * The checkpoint for a position.
 * @example `checkpointAt({ tickets: 'MTU3NjYxMzUzOS4wfHwxNTM0', events: null, seen: [] })`
 */
export function checkpointAt(position: FeedPosition): Checkpoint {
  return { adapter: ADAPTER, cursor: JSON.stringify(position) };
}

/** The position a cursor holds, or undefined when it is not one this adapter wrote. */
function parsePosition(cursor: string): FeedPosition | undefined {
  let value: unknown;
  try {
    value = JSON.parse(cursor);
  } catch {
    return undefined;
  }
  const p = value as Partial<FeedPosition> | undefined;
  if (
    !p ||
    typeof p !== 'object' ||
    (p.tickets !== null && typeof p.tickets !== 'string') ||
    (p.events !== null && !Number.isInteger(p.events)) ||
    !Array.isArray(p.seen) ||
    !p.seen.every((id) => typeof id === 'string')
  )
    return undefined;
  return { tickets: p.tickets ?? null, events: p.events ?? null, seen: p.seen };
}

/**
 * The position a checkpoint stands for; null = the beginning. A checkpoint from another adapter, or one this
 * adapter did not write, is refused with a ValidationError naming what is wrong (never its contents).
 *
 * @example
 * ```ts
 * positionOf(null); // { tickets: null, events: null, seen: [] }
 * ```
 */
export function positionOf(checkpoint: Checkpoint | null | undefined): FeedPosition {
  if (!checkpoint) return { tickets: null, events: null, seen: [] };
  const position = parsePosition(ownCursor(ADAPTER, checkpoint));
  if (!position) throw badCheckpoint(ADAPTER, 'cursor', 'is not a position this adapter wrote');
  return position;
}

/**
 * The position after a page of the ticket-event export that started at `startTime`: the page's `end_time`
 * (else its last update's second), and the ids already delivered at that second — added to those seen before
 * when the export did not move on.
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
  const end = endTime ?? updates.at(-1)?.timestamp ?? startTime;
  const atEnd = updates.filter((u) => u.timestamp === end).map((u) => String(u.id));
  return {
    ...position,
    events: end,
    seen: [...new Set([...(end === startTime ? position.seen : []), ...atEnd])],
  };
}
