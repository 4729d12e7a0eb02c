/**
 * Surveys: Zendesk's satisfaction ratings as CSAT responses. Zendesk retired its NPS surveys, so `listNps` is
 * unsupported. https://developer.zendesk.com/api-reference/ticketing/ticket-management/satisfaction_ratings/
 */
import type { CsatResponse } from '../../models/survey.js';
import type { RequestOptions, SinceFilter } from '../contract.js';
import { sinceFilter, unsupportedList } from '../kit/index.js';
import { ADAPTER, type ZendeskContext } from './context.js';
import { csatFromZendesk } from './map/index.js';
import { ZendeskSatisfactionRating } from './wire.js';

/**
 * The survey resource of the Zendesk adapter.
 *
 * @example
 * ```ts
 * for await (const r of zendeskSurveys(context).listCsat({ since: '2026-03-01T00:00:00Z' })) tally(r.rating);
 * ```
 */
export function zendeskSurveys(context: ZendeskContext) {
  return {
    async *listCsat(input?: SinceFilter, opts?: RequestOptions): AsyncGenerator<CsatResponse> {
      const filter = sinceFilter(input, 'surveys.listCsat');
      const ratings = context.cursorList<unknown>({
        path: '/api/v2/satisfaction_ratings.json',
        key: 'satisfaction_ratings',
        // Zendesk filters by Unix seconds.
        query: filter.since ? { start_time: Math.floor(filter.since.getTime() / 1000) } : {},
        options: opts,
      });
      for await (const wire of ratings) {
        const response = csatFromZendesk(context.read(ZendeskSatisfactionRating, wire));
        if (response) yield response;
      }
    },
    listNps: () => unsupportedList(ADAPTER, 'surveys.listNps', 'Zendesk retired NPS surveys'),
  };
}
