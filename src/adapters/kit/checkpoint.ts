import type { Checkpoint } from '../contract.js';
import { badCheckpoint } from './options.js';

/**
 * The cursor of a checkpoint this adapter wrote, or the ValidationError for one it cannot resume from: another
 * adapter's, or (with `accepts`) a cursor whose form it never writes. The error names the field, never quotes
 * the cursor (it may hold anything).
 *
 * @example
 * ```ts
 * const cursor = ownCursor('request-tracker', checkpoint, (c) => /^\d+$/.test(c), 'is not a transaction id this adapter wrote');
 * ```
 */
export function ownCursor(
  adapter: string,
  checkpoint: Checkpoint,
  accepts?: (cursor: string) => boolean,
  refusal = 'is not a cursor this adapter wrote',
): string {
  if (checkpoint.adapter !== adapter) throw badCheckpoint(adapter, 'adapter', 'belongs to another adapter');
  if (accepts && !accepts(checkpoint.cursor)) throw badCheckpoint(adapter, 'cursor', refusal);
  return checkpoint.cursor;
}
