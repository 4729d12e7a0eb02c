/**
 * What the change feed's sources have in common: each reads from its part of the feed's position and yields one
 * step per page it read (the page's records and the whole position after it), holding that one page.
 */
import type { DatasetRecord } from '../../models/dataset.js';
import type { RequestOptions } from '../contract.js';
import type { FeedPosition } from './feed.js';
import { EXPORT_LAG_SECONDS } from './time-export.js';

/**
 * One page a source read: its records and where the feed stands after it.
 * @example `const step: FeedStep = { records: [{ kind: 'groups', value: group }], position };`
 */
export interface FeedStep {
  records: DatasetRecord[];
  position: FeedPosition;
}

/**
 * A source of the change feed: the pages from a position on, each a step.
 * @example `const none: FeedSource = async function* () {};`
 */
export type FeedSource = (position: FeedPosition, options?: RequestOptions) => AsyncGenerator<FeedStep>;

/**
 * The upper bound of a pass that begins now: a minute ago, in Unix seconds. Zendesk compares a filter's times
 * with its own clock; a minute's margin keeps a record changed just before the pass (by Zendesk's clock, behind
 * ours) inside the next pass's window instead of between the two.
 * @example `passUntil() // Math.floor(Date.now() / 1000) - 60`
 */
export const passUntil = (): number => Math.floor(Date.now() / 1000) - EXPORT_LAG_SECONDS;

/**
 * An ISO time in Unix seconds, or undefined when it reads as no time.
 * @example `unixSeconds('2026-03-02T08:00:00Z') // 1772438400`
 */
export function unixSeconds(value: string | null | undefined): number | undefined {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
