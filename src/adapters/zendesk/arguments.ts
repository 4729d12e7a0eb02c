/**
 * What the public Zendesk mappers (`supportkit-ts/zendesk`) read their arguments through, besides the wire schemas:
 * the shapes the adapter builds itself (a ticket update, an audit whose events are typed) and the mapping contexts.
 * Lenient where Zendesk is (open strings, unknown keys kept), strict where the mapper would otherwise fail on a
 * type: a value it turns into text must be a string or a number.
 */
import { z } from 'zod';
import { TicketEvent } from '../../models/ticket-event.js';
import { stringMap } from '../kit/index.js';
import { CustomStatusesArgument } from './custom-statuses.js';
import { ZendeskAudit, ZendeskJobStatus } from './wire.js';

const id = z.union([z.number(), z.string()]);
const scalar = z.union([z.string(), z.number(), z.boolean()]);
/** A changed field's value: a scalar, a list of them (tags, multi-selects), or null. */
const changeValue = z
  .union([scalar, z.array(scalar.nullable())])
  .nullable()
  .optional();

/** One event of a ticket update (an audit event or an export child event), as far as the mapper reads it. */
const ZendeskUpdateEvent = z.looseObject({
  id: id.nullable().optional(),
  type: z.string().nullable().optional(),
  event_type: z.string().nullable().optional(),
  value: changeValue,
  previous_value: changeValue,
  added_tags: z.array(scalar).nullable().optional(),
  removed_tags: z.array(scalar).nullable().optional(),
  status: changeValue,
  priority: changeValue,
  assignee_id: changeValue,
  group_id: changeValue,
  tags: changeValue,
  custom_status_id: changeValue,
});

/**
 * A ticket update as {@link ticketEventsFromZendesk} takes it: the audit's (or export entry's) id, the ticket,
 * the time as a valid Date, the updater and the events.
 * @example `ZendeskTicketUpdate.parse({ id: 7, ticketId: '35', at: new Date(), authorId: 5, events: [] })`
 */
export const ZendeskTicketUpdate = z.looseObject({
  id,
  ticketId: z.string(),
  at: z.date(),
  // Required in the type (`unknown`), absent in some exports: read as a value that may be undefined.
  authorId: z.union([id, z.null(), z.undefined()]),
  events: z.array(ZendeskUpdateEvent),
});

/**
 * An audit whose events' types are text: {@link messagesFromZendeskAudit} picks the comments by type.
 * @example `ZendeskAuditArgument.parse(body.audit)`
 */
export const ZendeskAuditArgument = ZendeskAudit.extend({
  events: z
    .array(z.looseObject({ type: z.string().nullable().optional() }))
    .nullable()
    .optional(),
});

/**
 * What {@link ticketFromZendesk} may know besides the ticket.
 * @example `ZendeskTicketContextArgument.parse({ subdomain: 'acme' })`
 */
export const ZendeskTicketContextArgument = z
  .looseObject({
    subdomain: z.string().optional(),
    customStatuses: CustomStatusesArgument.optional(),
    metricSet: z.looseObject({ solved_at: z.string().nullable().optional() }).nullable().optional(),
    events: z.array(TicketEvent).optional(),
  })
  .optional();

/**
 * What {@link articleFromZendesk} may know besides the article: section names by id.
 * @example `ArticleContextArgument.parse({ sectionNames: new Map([['1635', 'Avionics']]) })`
 */
export const ArticleContextArgument = z.looseObject({ sectionNames: stringMap.optional() }).optional();

/**
 * A job status whose per-item results carry ids and error codes as text or numbers, as Zendesk sends them.
 * @example `ZendeskJobStatusArgument.parse(body.job_status)`
 */
export const ZendeskJobStatusArgument = ZendeskJobStatus.extend({
  results: z
    .union([
      z.array(
        z.looseObject({
          index: z.number().nullable().optional(),
          id: id.nullable().optional(),
          error: z.union([z.string(), z.number()]).nullable().optional(),
        }),
      ),
      z.looseObject({}),
    ])
    .nullable()
    .optional(),
});
