/**
 * Satisfaction ratings in the change feed: each run reads the ratings of a time window — from where the last
 * run's window ended to a minute ago — with the list's `start_time` and `end_time` filters, a page per step.
 * Zendesk records a changed rating as a new rating (`created_at` equal to `updated_at`), so a window on the
 * rating's time finds a rating changed from `offered` to `good`, or from good to bad, as a new response.
 * https://developer.zendesk.com/api-reference/ticketing/ticket-management/satisfaction_ratings/
 * https://github.com/singer-io/tap-zendesk/pull/37 (ratings filtered on `created_at`; a change is a new record)
 *
 * Zendesk's public API has no NPS or CES answers: only these ratings (CSAT).
 */
import type { RequestOptions } from '../contract.js';
import type { ZendeskContext } from './context.js';
import { type FeedPosition, passBegun, passDone } from './feed.js';
import { type FeedSource, type FeedStep, passUntil } from './feed-steps.js';
import { csatFromZendesk } from './map/index.js';
import { ZendeskSatisfactionRating } from './wire.js';

/**
 * Seconds the next window reaches back into the last: Zendesk does not say whether `start_time` and `end_time`
 * are inclusive (a connector found `start_time` exclusive), so the boundary second is read by both windows
 * rather than by neither. A rating read twice is the same record; the sink writes it once.
 */
const WINDOW_OVERLAP_SECONDS = 1;

/**
 * Satisfaction ratings in the window from the position's `csat.since` to a minute ago, a page per step (`offered`
 * ratings as responses without a rating; `unoffered` ones are not responses and are left out).
 *
 * @example
 * ```ts
 * for await (const step of zendeskCsatSource(context)(position)) store(step.records, step.position);
 * ```
 */
export function zendeskCsatSource(context: ZendeskContext): FeedSource {
  return async function* csat(start: FeedPosition, opts?: RequestOptions): AsyncGenerator<FeedStep> {
    let pass = passBegun(start.csat, passUntil());
    const until = pass.until as number;
    // Less than a second since the last window (or a clock that went back): nothing to read yet.
    if (pass.since !== null && pass.since >= until) return;
    for (;;) {
      const page = await context.cursorPage<unknown>({
        path: '/api/v2/satisfaction_ratings.json',
        key: 'satisfaction_ratings',
        query: { ...(pass.since === null ? {} : { start_time: pass.since }), end_time: until },
        after: pass.after,
        ...(opts ? { options: opts } : {}),
      });
      pass = page.after ? { ...pass, after: page.after } : passDone(pass, WINDOW_OVERLAP_SECONDS);
      yield {
        records: page.items.flatMap((wire) => {
          const response = csatFromZendesk(context.read(ZendeskSatisfactionRating, wire));
          return response ? [{ kind: 'csat' as const, value: response }] : [];
        }),
        position: { ...start, csat: pass },
      };
      if (!page.after) return;
    }
  };
}
