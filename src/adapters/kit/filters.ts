import { z } from 'zod';
import { parse } from '../../models/parse.js';
import { Timestamp } from '../../models/primitives.js';
import type { Ticket } from '../../models/ticket.js';
import { TicketStatus } from '../../models/ticket.js';
import type { SinceFilter, TicketFilter } from '../contract.js';

/**
 * A ticket filter after {@link ticketFilter}: lists and Dates, whatever form the caller used.
 * @example `const filter: ParsedTicketFilter = ticketFilter({ status: 'open' }); // { status: ['open'] }`
 */
export interface ParsedTicketFilter {
  updatedSince?: Date;
  status?: readonly string[];
  tags?: readonly string[];
}

/** A value or a list of them, always read as a list. */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((value) => (Array.isArray(value) ? value : [value]));

const TicketFilterSchema = z.strictObject({
  updatedSince: Timestamp.optional(),
  status: oneOrMany(TicketStatus).optional(),
  tags: oneOrMany(z.string().min(1)).optional(),
});
const SinceFilterSchema = z.strictObject({ since: Timestamp.optional() });

/**
 * Validates a `tickets.list` filter once, for every adapter: a status or several, a tag or several, and
 * `updatedSince` as whatever the models accept (Date, epoch ms, ISO 8601 with an offset). Anything else —
 * including an unknown filter key or a date without an offset — is a ValidationError naming the filter.
 *
 * @example
 * ```ts
 * ticketFilter({ status: 'open', updatedSince: '2026-03-01T00:00:00Z' });
 * // { status: ['open'], updatedSince: Date(2026-03-01T00:00:00.000Z) }
 * ```
 */
export function ticketFilter(filter: TicketFilter | undefined): ParsedTicketFilter {
  return parse(TicketFilterSchema, filter ?? {}, 'tickets.list filter') as ParsedTicketFilter;
}

/**
 * Validates a `{ since }` filter (customers, surveys, articles): a Date, epoch ms or ISO 8601 with an offset.
 *
 * @example
 * ```ts
 * sinceFilter({ since: 1772323200000 }); // { since: Date(2026-03-01T00:00:00.000Z) }
 * ```
 */
export function sinceFilter(filter: SinceFilter | undefined, operation = 'list'): { since?: Date } {
  return parse(SinceFilterSchema, filter ?? {}, `${operation} filter`) as { since?: Date };
}

/**
 * Whether a ticket passes a parsed filter: one of its statuses, every one of its tags, updated at or after
 * `updatedSince`. For vendors whose search is coarser than the filter (or absent), applied to what came back.
 *
 * @example
 * ```ts
 * for (const t of page) if (matchesTicketFilter(t, filter)) yield t;
 * ```
 */
export function matchesTicketFilter(ticket: Ticket, filter: ParsedTicketFilter): boolean {
  if (filter.status?.length && !filter.status.includes(ticket.status)) return false;
  if (filter.tags?.length && !filter.tags.every((tag) => ticket.tags.includes(tag))) return false;
  return !(filter.updatedSince && ticket.updatedAt.getTime() < filter.updatedSince.getTime());
}

/**
 * Whether a parsed filter asks for anything at all.
 * @example `if (!isFiltered(filter)) return yield* everything();`
 */
export const isFiltered = (filter: ParsedTicketFilter): boolean =>
  Boolean(filter.status?.length || filter.tags?.length || filter.updatedSince);
