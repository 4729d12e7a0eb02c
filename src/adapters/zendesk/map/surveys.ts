/** Zendesk satisfaction ratings as canonical CSAT responses. */
import { parse } from '../../../models/parse.js';
import { type CsatResponse, CsatResponse as CsatResponseSchema } from '../../../models/survey.js';
import { ADAPTER } from '../context.js';
import { idOrNull } from '../fields.js';
import type { ZendeskSatisfactionRating } from '../wire.js';

/**
 * A Zendesk satisfaction rating as a CSAT response: good/bad as given; `offered` (sent, not answered) becomes
 * `rating: null`. Ratings with other scores (`unoffered`) are not responses and give null.
 *
 * @example
 * ```ts
 * csatFromZendesk({ id: 1, score: 'good', ticket_id: 208, requester_id: 7881, created_at: '2026-01-01T00:00:00Z' });
 * ```
 */
export function csatFromZendesk(wire: ZendeskSatisfactionRating): CsatResponse | null {
  const score = wire.score.toLowerCase();
  const rating = score === 'good' || score === 'bad' ? score : score === 'offered' ? null : undefined;
  if (rating === undefined) return null;
  return parse(
    CsatResponseSchema,
    {
      id: String(wire.id),
      source: { adapter: ADAPTER, id: String(wire.id) },
      ticketId: idOrNull(wire.ticket_id),
      customerId: idOrNull(wire.requester_id) ?? undefined,
      agentId: idOrNull(wire.assignee_id),
      ...(wire.comment ? { comment: wire.comment } : {}),
      rating,
      createdAt: wire.updated_at ?? wire.created_at,
    },
    'Zendesk satisfaction rating',
  );
}
