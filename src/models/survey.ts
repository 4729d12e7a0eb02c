import { z } from 'zod';
import { Id, Source, Timestamp } from './primitives.js';

const surveyBase = {
  id: Id,
  source: Source.optional(),
  /** The ticket the survey was about, when it was sent after a ticket. */
  ticketId: Id.nullable().default(null),
  customerId: Id,
  /** The agent the response is attributed to (usually the ticket's assignee when it was solved). */
  agentId: Id.nullable().default(null),
  comment: z.string().optional(),
  /** When the response was given, or when the survey was offered if it has no answer yet. */
  createdAt: Timestamp,
};

/**
 * A customer-satisfaction response. `rating` is `good`/`bad` on a binary survey (Zendesk's), an integer 1..5
 * on a five-point one, or `null` when the survey was offered and not answered (kept so response rates can be
 * computed; CSAT itself leaves it out of the denominator).
 *
 * @example
 * ```ts
 * import { parseCsatResponse } from 'supportkit-ts';
 * parseCsatResponse({ id: 's1', ticketId: '1001', customerId: 'c-17', rating: 'good', createdAt: '2026-03-03T10:00:00Z' });
 * parseCsatResponse({ id: 's2', customerId: 'c-18', rating: 4, createdAt: '2026-03-03T11:00:00Z' });
 * ```
 */
export const CsatResponse = z.strictObject({
  ...surveyBase,
  rating: z.union([z.enum(['good', 'bad']), z.int().min(1).max(5)]).nullable(),
});
/** A parsed CSAT response. */
export type CsatResponse = z.output<typeof CsatResponse>;
/** What {@link CsatResponse} accepts. */
export type CsatResponseInput = z.input<typeof CsatResponse>;

/**
 * A Net Promoter Score response: "How likely are you to recommend us?" as an integer 0..10.
 *
 * @example
 * ```ts
 * import { parseNpsResponse } from 'supportkit-ts';
 * parseNpsResponse({ id: 'n1', customerId: 'c-17', score: 9, createdAt: '2026-03-05T10:00:00Z' });
 * ```
 */
export const NpsResponse = z.strictObject({ ...surveyBase, score: z.int().min(0).max(10) });
/** A parsed NPS response. */
export type NpsResponse = z.output<typeof NpsResponse>;
/** What {@link NpsResponse} accepts. */
export type NpsResponseInput = z.input<typeof NpsResponse>;

/**
 * A Customer Effort Score response: "How easy was it to get your issue solved?" as an integer 1..7 (7 = very
 * easy).
 *
 * @example
 * ```ts
 * import { parseCesResponse } from 'supportkit-ts';
 * parseCesResponse({ id: 'e1', ticketId: '1001', customerId: 'c-17', score: 6, createdAt: '2026-03-03T10:05:00Z' });
 * ```
 */
export const CesResponse = z.strictObject({ ...surveyBase, score: z.int().min(1).max(7) });
/** A parsed CES response. */
export type CesResponse = z.output<typeof CesResponse>;
/** What {@link CesResponse} accepts. */
export type CesResponseInput = z.input<typeof CesResponse>;
