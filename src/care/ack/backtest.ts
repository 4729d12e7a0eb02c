import { invalidOption } from '../../errors/validation.js';
import { businessMinutesBetween } from '../../metrics/business-time.js';
import { datasetArg, instantArg } from '../../metrics/input.js';
import { quantileSorted } from '../../metrics/stats.js';
import type { DatasetInput } from '../../models/dataset.js';
import type { PromiseOptions, ReplyPromise } from './promise.js';
import { promiseOf, readPromiseOptions } from './promise.js';
import { replyHistory } from './promise-history.js';

const MINUTE = 60_000;
const FN = 'promiseBacktest';

/**
 * Options of {@link promiseBacktest}: the promise options (without `history`: the dataset is the history) and
 * which tickets to replay.
 * @example `promiseBacktest(dataset, { schedule, since: '2026-02-01T00:00:00Z' })`
 */
export interface PromiseBacktestOptions extends Omit<PromiseOptions, 'history'> {
  /** Replay only tickets created at or after this instant (earlier ones still serve as history). */
  since?: PromiseOptions['asOf'];
}

/**
 * A median and a 90th percentile (type-7 quantiles, as the metrics compute them).
 * @example `const { median, p90 } = result.slackMinutes ?? { median: 0, p90: 0 };`
 */
export interface MedianP90 {
  median: number;
  p90: number;
}

/**
 * How a promise rule would have fared over history.
 * @example `console.log(\`kept ${(result.keptShare! * 100).toFixed(1)}%, slack median ${result.slackMinutes?.median} min\`)`
 */
export interface PromiseBacktest {
  /** Tickets a promise was made for (created since `since`, before `asOf`). */
  promised: number;
  /** Promises whose outcome is known: the ticket was answered, or the promised time passed unanswered. */
  decided: number;
  /** Decided promises kept: the first reply came at or before the promised time. */
  kept: number;
  /** kept ÷ decided, or null when nothing was decided. */
  keptShare: number | null;
  /** Unanswered tickets whose promised time is still ahead at `asOf`. */
  pending: number;
  /**
   * Promised time minus first reply, in calendar minutes, over answered tickets (negative when late): how much
   * room the promises left. A promise kept 99.9% of the time with a median slack of days says too little.
   */
  slackMinutes: MedianP90 | null;
  /** The same slack in business minutes (null without a schedule). */
  slackBusinessMinutes: MedianP90 | null;
  /** The promised wait from creation, in calendar minutes. */
  promisedMinutes: MedianP90 | null;
  /** How many promises each rule made. */
  byBasis: Record<ReplyPromise['basis'], number>;
}

function medianP90(values: number[]): MedianP90 | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  return { median: quantileSorted(values, 0.5)!, p90: quantileSorted(values, 0.9)! };
}

/**
 * Replays the promise rule over a dataset: for each ticket, the promise {@link promiseReplyBy} would have made
 * at its creation from the tickets before it (nothing later is read), then whether the real first reply came
 * by then, and how much slack the promise carried. Report both: a rule that is always kept because it promises
 * thirty days is as useless as a tight one that is broken every other time.
 *
 * `asOf` (the end of the data) defaults to the dataset's `asOf`, else its latest ticket update.
 *
 * @example
 * ```ts
 * import { promiseBacktest } from 'supportkit-ts';
 * const result = promiseBacktest(dataset, { schedule, quantile: 0.9, since: '2026-02-01T00:00:00Z' });
 * result.keptShare;           // e.g. 0.91
 * result.slackMinutes?.median; // e.g. 185
 * ```
 */
export function promiseBacktest(
  dataset: Pick<DatasetInput, 'tickets' | 'messages' | 'asOf'>,
  options: PromiseBacktestOptions = {},
): PromiseBacktest {
  const settings = readPromiseOptions(options, FN, new Set(['since']));
  if (settings.raw.history !== undefined)
    throw invalidOption(FN, 'history', 'is the dataset itself: pass no history');
  const parsed = datasetArg(dataset, FN, ['tickets', 'messages']);
  const history = replyHistory(parsed, settings.schedule, FN);
  const since =
    settings.raw.since === undefined ? -Infinity : instantArg(settings.raw.since, `${FN}() since`);
  const end =
    settings.asOf ??
    parsed.asOf?.getTime() ??
    parsed.tickets.reduce((latest, t) => Math.max(latest, t.updatedAt.getTime()), -Infinity);
  const replies = new Map(history.records.map((r) => [r.ticketId, r.repliedAt]));
  const result: PromiseBacktest = {
    promised: 0,
    decided: 0,
    kept: 0,
    keptShare: null,
    pending: 0,
    slackMinutes: null,
    slackBusinessMinutes: null,
    promisedMinutes: null,
    byBasis: { sla: 0, history: 0, fallback: 0 },
  };
  const slack: number[] = [];
  const slackBusiness: number[] = [];
  const promisedWait: number[] = [];
  for (const ticket of parsed.tickets) {
    const created = ticket.createdAt.getTime();
    if (created < since || created >= end) continue;
    const promise = promiseOf(ticket, created, { ...settings, history });
    const by = promise.by.getTime();
    result.promised++;
    result.byBasis[promise.basis]++;
    promisedWait.push(promise.calendarMinutes);
    const repliedAt = replies.get(ticket.id) ?? null;
    if (repliedAt !== null && repliedAt <= end) {
      result.decided++;
      if (repliedAt <= by) result.kept++;
      slack.push((by - repliedAt) / MINUTE);
      if (settings.schedule) slackBusiness.push(businessMinutesBetween(repliedAt, by, settings.schedule));
    } else if (end > by) result.decided++;
    else result.pending++;
  }
  result.keptShare = result.decided === 0 ? null : result.kept / result.decided;
  result.slackMinutes = medianP90(slack);
  result.slackBusinessMinutes = medianP90(slackBusiness);
  result.promisedMinutes = medianP90(promisedWait);
  return result;
}
