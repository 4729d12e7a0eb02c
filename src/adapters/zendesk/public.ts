/**
 * `supportkit-ts/zendesk`: the Zendesk Support adapter, its rate-limit budgets, and the pure wire ⇄ canonical
 * mapping for callers who fetch Zendesk JSON themselves. The mappers here read each argument through its wire
 * schema first (raw Zendesk JSON is fine): a wrong one is a ValidationError naming the function and the path.
 *
 * @packageDocumentation
 */
import { z } from 'zod';
import { MessageCreate, TicketCreate, TicketPatch } from '../../models/inputs.js';
import type { Ticket } from '../../models/ticket.js';
import { publicMapper, stringSet } from '../kit/index.js';
import {
  ArticleContextArgument,
  ZendeskAuditArgument,
  ZendeskJobStatusArgument,
  ZendeskTicketContextArgument,
  ZendeskTicketUpdate,
} from './arguments.js';
import * as map from './map/index.js';
import {
  ZendeskArticle,
  ZendeskComment,
  ZendeskGroup,
  ZendeskHolidays,
  ZendeskOrganization,
  ZendeskSatisfactionRating,
  ZendeskSchedule,
  ZendeskSlaPolicy,
  ZendeskTicket,
  ZendeskTicketMetricSet,
  ZendeskUser,
  ZendeskUserIdentity,
} from './wire.js';

export {
  type BulkOptions,
  type CustomStatuses,
  createZendeskAdapter,
  type TicketExportPage,
  type UserExportPage,
  type ZendeskAdapter,
  type ZendeskAdapterOptions,
  type ZendeskBulk,
  type ZendeskIncrementalExports,
  type ZendeskTicketMetricsResource,
  zendeskRateLimiter,
} from './index.js';
export type {
  BulkResult,
  MeasuredMinutes,
  ZendeskTicketContext,
  ZendeskTicketMetrics,
  ZendeskTicketUpdate,
} from './map/index.js';

/**
 * A Zendesk agent or admin (a user object, `body.user`) as a canonical Agent.
 *
 * @example
 * ```ts
 * agentFromZendesk(body.user).role; // 'admin'
 * ```
 */
export const agentFromZendesk = publicMapper(
  'agentFromZendesk',
  [['wire', ZendeskUser]],
  map.agentFromZendesk,
);

/**
 * A Help Center article as a canonical Article: the body as plain text and as HTML, title, locale, labels,
 * section (with its name when `sectionNames` knows it), author, draft, outdated, URL, created and updated times.
 *
 * @example
 * ```ts
 * articleFromZendesk(body.article, { sectionNames: new Map([['1635', 'Avionics']]) }).sectionName; // 'Avionics'
 * ```
 */
export const articleFromZendesk = publicMapper(
  'articleFromZendesk',
  [
    ['wire', ZendeskArticle],
    ['context', ArticleContextArgument],
  ],
  map.articleFromZendesk,
);

/**
 * The per-item results of a completed bulk job, in input order; `offset` places a chunk's items in the whole
 * batch. An item the job does not mention is reported failed (`missing_result`), never dropped.
 *
 * @example
 * ```ts
 * bulkResults(body.job_status, 0, 2);
 * // → [{ index: 0, ok: true, id: '244' }, { index: 1, ok: false, error: 'RecordInvalid' }]
 * ```
 */
export const bulkResults = publicMapper(
  'bulkResults',
  [
    ['job', ZendeskJobStatusArgument],
    ['offset', z.int().min(0)],
    // Zendesk's bulk endpoints take at most 100 items a job; the cap keeps a wrong count from allocating.
    ['count', z.int().min(0).max(10_000)],
  ],
  map.bulkResults,
);

/**
 * Zendesk `via.channel` (a name or a number) → canonical channel; unknown channels become `other`.
 *
 * @example
 * ```ts
 * channelFromVia('voice'); // 'phone'
 * ```
 */
export const channelFromVia = publicMapper(
  'channelFromVia',
  [['channel', z.union([z.string(), z.number()]).nullable().optional()]],
  map.channelFromVia,
);

/**
 * A Zendesk satisfaction rating as a CSAT response: good/bad as given; `offered` (sent, not answered) becomes
 * `rating: null`. Ratings with other scores (`unoffered`) are not responses and give null.
 *
 * @example
 * ```ts
 * csatFromZendesk({ id: 1, score: 'good', ticket_id: 208, requester_id: 7881, created_at: '2026-01-01T00:00:00Z' });
 * ```
 */
export const csatFromZendesk = publicMapper(
  'csatFromZendesk',
  [['wire', ZendeskSatisfactionRating]],
  map.csatFromZendesk,
);

/**
 * A Zendesk end user as a canonical customer card. Pass the user's identities (side-loaded with
 * `include=identities`, or `GET /users/{id}/identities`) to have every e-mail, phone and handle on the card; a
 * deleted user (`active: false`) is `deleted: true`.
 *
 * @example
 * ```ts
 * customerFromZendesk(body.user).identities; // e-mail, phone and the Zendesk id
 * customerFromZendesk(body.user, body.identities).identities; // every identity Zendesk keeps
 * ```
 */
export const customerFromZendesk = publicMapper(
  'customerFromZendesk',
  [
    ['wire', ZendeskUser],
    ['identities', z.array(ZendeskUserIdentity).optional()],
  ],
  map.customerFromZendesk,
);

/**
 * A Zendesk group as a canonical Group.
 *
 * @example
 * ```ts
 * groupFromZendesk({ id: 360001, name: 'Billing' }).name; // 'Billing'
 * ```
 */
export const groupFromZendesk = publicMapper(
  'groupFromZendesk',
  [['wire', ZendeskGroup]],
  map.groupFromZendesk,
);

/**
 * An article's HTML as plain text: scripts and styles dropped, inline tags removed and the others turned into
 * spaces, the common entities decoded, whitespace collapsed.
 *
 * @example
 * ```ts
 * htmlToText('<p>Open <b>Settings</b> &#8594; <i>Security</i> &amp; reset</p>'); // 'Open Settings → Security & reset'
 * ```
 */
export const htmlToText = publicMapper('htmlToText', [['html', z.string()]], map.htmlToText);

/**
 * A time-zone name as Zendesk reports it — an IANA name, or the Rails name its schedules and settings use — as
 * an IANA name. A name neither knows is returned as it is.
 *
 * @example
 * ```ts
 * ianaZoneFromZendesk('Pacific Time (US & Canada)'); // 'America/Los_Angeles'
 * ```
 */
export const ianaZoneFromZendesk = publicMapper(
  'ianaZoneFromZendesk',
  [['name', z.string()]],
  map.ianaZoneFromZendesk,
);

/**
 * A new message (a {@link MessageCreate}) as the Zendesk ticket update that adds it; an upload token attaches
 * files uploaded first. Without `authorId` the comment's author is the authenticated user.
 *
 * @example
 * ```ts
 * messageCreateToZendesk({ authorId: '76872', authorRole: 'agent', public: false, body: 'Checked the logs' });
 * ```
 */
export const messageCreateToZendesk = publicMapper(
  'messageCreateToZendesk',
  [
    ['input', MessageCreate],
    ['uploadToken', z.string().optional()],
  ],
  map.messageCreateToZendesk,
);

/**
 * A Zendesk comment as a canonical Message. Pass the ids of agents so end-user and agent comments are told
 * apart; a comment without `created_at` takes `at` (the audit's time).
 *
 * @example
 * ```ts
 * messageFromZendesk(body.comments[0], '35436', new Set(['76872']));
 * ```
 */
export const messageFromZendesk = publicMapper(
  'messageFromZendesk',
  [
    ['wire', ZendeskComment],
    ['ticketId', z.string()],
    ['agentIds', stringSet],
    ['at', z.union([z.string(), z.date()]).optional()],
  ],
  map.messageFromZendesk,
);

/**
 * The comments of a ticket audit as canonical Messages, each at the audit's time.
 *
 * @example
 * ```ts
 * messagesFromZendeskAudit(body.audits[0], new Set(['76872']));
 * ```
 */
export const messagesFromZendeskAudit = publicMapper(
  'messagesFromZendeskAudit',
  [
    ['audit', ZendeskAuditArgument],
    ['agentIds', stringSet],
  ],
  map.messagesFromZendeskAudit,
);

/**
 * A Zendesk organization as a canonical Organization.
 *
 * @example
 * ```ts
 * organizationFromZendesk(body.organization).domains; // ['example.com']
 * ```
 */
export const organizationFromZendesk = publicMapper(
  'organizationFromZendesk',
  [['wire', ZendeskOrganization]],
  map.organizationFromZendesk,
);

/**
 * A Zendesk schedule and its holidays as a canonical Schedule, the zone name mapped to IANA.
 *
 * @example
 * ```ts
 * scheduleFromZendesk(
 *   { id: 1, name: 'Support', time_zone: 'Rome', intervals: [{ start_time: 1980, end_time: 2460 }] },
 *   [{ name: 'Ferragosto', start_date: '2026-08-15', end_date: '2026-08-15' }],
 * ).timeZone; // 'Europe/Rome'
 * ```
 */
export const scheduleFromZendesk = publicMapper(
  'scheduleFromZendesk',
  [
    ['wire', ZendeskSchedule],
    ['holidays', ZendeskHolidays],
  ],
  map.scheduleFromZendesk,
);

/**
 * A Zendesk SLA policy's `filter` in canonical terms; conditions with no canonical counterpart are kept in
 * `unmappedConditions`.
 *
 * @example
 * ```ts
 * slaFilterFromZendesk({ all: [{ field: 'type', operator: 'is', value: 'incident' }], any: [] }).all;
 * // [{ field: 'type', operator: 'is', values: ['incident'] }]
 * ```
 */
export const slaFilterFromZendesk = publicMapper(
  'slaFilterFromZendesk',
  [['filter', ZendeskSlaPolicy.shape.filter]],
  map.slaFilterFromZendesk,
);

/**
 * A Zendesk SLA policy as a canonical SlaPolicy: its conditions, its targets per priority and metric.
 *
 * @example
 * ```ts
 * slaPolicyFromZendesk(body.sla_policies[0]).targets;
 * ```
 */
export const slaPolicyFromZendesk = publicMapper(
  'slaPolicyFromZendesk',
  [['wire', ZendeskSlaPolicy]],
  map.slaPolicyFromZendesk,
);

/**
 * A canonical ticket to create (a {@link TicketCreate}) as Zendesk's `{ ticket: … }` request body.
 *
 * @example
 * ```ts
 * ticketCreateToZendesk({ subject: 'Help', description: 'Printer on fire', requesterId: '20978392' });
 * ```
 */
export const ticketCreateToZendesk = publicMapper(
  'ticketCreateToZendesk',
  [['input', TicketCreate]],
  map.ticketCreateToZendesk,
);

/**
 * The status, priority, assignee, group and tag changes of one ticket update (an audit, or an entry of the
 * ticket-events export).
 *
 * @example
 * ```ts
 * ticketEventsFromZendesk({ id: 7, ticketId: '35', at: new Date(), authorId: 5,
 *   events: [{ id: 1, type: 'Change', field_name: 'status', value: 'solved', previous_value: 'open' }] });
 * ```
 */
export const ticketEventsFromZendesk = publicMapper(
  'ticketEventsFromZendesk',
  [['update', ZendeskTicketUpdate]],
  map.ticketEventsFromZendesk,
);

/**
 * A Zendesk ticket as a canonical Ticket; custom statuses (a Map or a plain record of id → category, as for the
 * adapter) map through their category, `solvedAt` comes from the metric set or the history in `context`.
 *
 * @example
 * ```ts
 * const ticket = ticketFromZendesk(body.ticket, { subdomain: 'acme', customStatuses: { '7788': 'pending' } });
 * ```
 */
export const ticketFromZendesk = publicMapper(
  'ticketFromZendesk',
  [
    ['wire', ZendeskTicket],
    ['context', ZendeskTicketContextArgument],
  ],
  map.ticketFromZendesk,
  // The context's schema turns custom statuses given as a record into the Map the mapper reads.
) as (wire: ZendeskTicket, context?: map.ZendeskTicketContext) => Ticket;

/**
 * A TicketMetricObject as Zendesk's own measurements of the ticket.
 *
 * @example
 * ```ts
 * ticketMetricsFromZendesk(body.ticket_metric).firstReply.business; // 42
 * ```
 */
export const ticketMetricsFromZendesk = publicMapper(
  'ticketMetricsFromZendesk',
  [['wire', ZendeskTicketMetricSet]],
  map.ticketMetricsFromZendesk,
);

/**
 * A canonical ticket change (a {@link TicketPatch}) as Zendesk's update body.
 *
 * @example
 * ```ts
 * ticketPatchToZendesk({ status: 'solved' }); // { ticket: { status: 'solved' } }
 * ```
 */
export const ticketPatchToZendesk = publicMapper(
  'ticketPatchToZendesk',
  [['patch', TicketPatch]],
  map.ticketPatchToZendesk,
);
