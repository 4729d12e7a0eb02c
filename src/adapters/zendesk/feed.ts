/**
 * Where the Zendesk change feed stands. The feed reads two exports: tickets through the cursor-based export,
 * then their comments and field changes through the time-based ticket-event export (one request per 1000
 * updates, instead of two per ticket). Both positions travel in one opaque checkpoint.
 */
import type { Checkpoint } from '../contract.js';
import { badCheckpoint } from '../kit/index.js';

/** The feed's position in both exports. */
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

const ADAPTER = 'zendesk';

/** The checkpoint for a position. */
export function checkpointAt(position: FeedPosition): Checkpoint {
  return { adapter: ADAPTER, cursor: JSON.stringify(position) };
}

/**
 * The position a checkpoint stands for; null = the beginning. A checkpoint from another adapter, or one this
 * adapter did not write, is refused with a ValidationError naming what is wrong (never its contents).
 */
export function positionOf(checkpoint: Checkpoint | null | undefined): FeedPosition {
  if (!checkpoint) return { tickets: null, events: null, seen: [] };
  if (checkpoint.adapter !== ADAPTER) throw badCheckpoint(ADAPTER, 'adapter', 'belongs to another adapter');
  let value: unknown;
  try {
    value = JSON.parse(checkpoint.cursor);
  } catch {
    value = undefined;
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
    throw badCheckpoint(ADAPTER, 'cursor', 'is not a position this adapter wrote');
  return { tickets: p.tickets ?? null, events: p.events ?? null, seen: p.seen };
}
