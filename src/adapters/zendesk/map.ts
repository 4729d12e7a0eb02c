/**
 * Pure mapping between Zendesk's wire shapes and the canonical models, both directions (STYLE rule 3). Nothing
 * after this boundary knows a Zendesk field name.
 */
import { IANAZone } from 'luxon';
import railsTimeZone from 'rails-timezone';
import { ValidationError, type ValidationIssue } from '../../errors/validation.js';
import type { Agent } from '../../models/agent.js';
import { type Article, Article as ArticleSchema } from '../../models/article.js';
import type { Customer } from '../../models/customer.js';
import { Customer as CustomerSchema } from '../../models/customer.js';
import type { Group } from '../../models/group.js';
import type { MessageCreate, TicketCreate, TicketPatch } from '../../models/inputs.js';
import type { Message } from '../../models/message.js';
import { Message as MessageSchema } from '../../models/message.js';
import type { Organization } from '../../models/organization.js';
import { parse } from '../../models/parse.js';
import type { Schedule } from '../../models/schedule.js';
import { Schedule as ScheduleSchema } from '../../models/schedule.js';
import {
  type SlaCondition,
  type SlaMetric,
  type SlaPolicy,
  SlaPolicy as SlaPolicySchema,
  type SlaUnmappedCondition,
} from '../../models/sla-policy.js';
import { type CsatResponse, CsatResponse as CsatResponseSchema } from '../../models/survey.js';
import type { Ticket } from '../../models/ticket.js';
import type { TicketEvent } from '../../models/ticket-event.js';
import { channelFromVia, idOrNull } from '../../webhooks/zendesk/fields.js';
import {
  type ZendeskArticle,
  type ZendeskAudit,
  type ZendeskComment,
  ZendeskComment as ZendeskCommentSchema,
  type ZendeskGroup,
  type ZendeskJobStatus,
  type ZendeskOrganization,
  type ZendeskSatisfactionRating,
  type ZendeskSlaCondition,
  type ZendeskSlaPolicy,
  type ZendeskTicket,
  type ZendeskTicketMetric,
  type ZendeskUser,
} from './wire.js';

const ADAPTER = 'zendesk';

export { channelFromVia, idOrNull };

/**
 * Maps a Zendesk custom status id to a canonical status, when the account uses custom statuses: give the
 * adapter the account's custom statuses (`status_category` per id) and they collapse onto the canonical six.
 */
export type CustomStatusMap = ReadonlyMap<string, string>;

const CATEGORY: Record<string, string> = {
  new: 'new',
  open: 'open',
  pending: 'pending',
  hold: 'hold',
  solved: 'solved',
};

/** What {@link ticketFromZendesk} may know besides the ticket. */
export interface ZendeskTicketContext {
  subdomain?: string;
  customStatuses?: CustomStatusMap;
  /**
   * The ticket's metric set (`include=metric_sets`, or `/tickets/{id}/metrics`): its `solved_at` is the ticket's
   * `solvedAt`, which the ticket itself does not carry.
   */
  metricSet?: { solved_at?: string | null } | null;
  /** The ticket's history, when read: without a metric set, its last change to solved gives `solvedAt`. */
  events?: readonly TicketEvent[];
}

/**
 * When a solved or closed ticket was solved: the metric set's `solved_at`, else the last status change to
 * solved in its history; null for a ticket not solved now, or when neither says.
 */
function solvedAtOf(status: string, createdAt: Date, context: ZendeskTicketContext): Date | null {
  if (status !== 'solved' && status !== 'closed') return null;
  let at: Date | null = null;
  const fromMetric = context.metricSet?.solved_at;
  if (fromMetric) {
    const issues: ValidationIssue[] = [];
    const parsed = instant(fromMetric, 'solvedAt', issues);
    if (issues.length === 0) at = parsed;
  }
  if (!at && context.events) {
    for (const e of context.events)
      if (e.type === 'status' && e.to === 'solved' && (!at || e.at > at)) at = e.at;
  }
  return at && at >= createdAt ? at : null;
}

/**
 * A Zendesk ticket as a canonical Ticket. A custom status maps through its category (custom statuses are
 * variations of new/open/pending/hold/solved), so metrics keep working on accounts that use them; `closed` and
 * `deleted` stay what they are (a closed ticket carries its solved-category custom status). No priority is
 * `null`. `solvedAt` comes from the metric set or the history in `context`.
 *
 * @example
 * ```ts
 * const ticket = ticketFromZendesk(wire, { subdomain: 'acme', metricSet });
 * ```
 */
export function ticketFromZendesk(wire: ZendeskTicket, context: ZendeskTicketContext = {}): Ticket {
  const id = String(wire.id);
  const custom = idOrNull(wire.custom_status_id);
  const category = custom ? context.customStatuses?.get(custom) : undefined;
  const plain = (wire.status ?? 'new').toLowerCase();
  const status =
    plain === 'closed' || plain === 'deleted'
      ? plain
      : ((category ? CATEGORY[category] : undefined) ?? plain);
  const customFields: Ticket['customFields'] = {};
  for (const field of wire.custom_fields ?? []) {
    const value = field.value;
    customFields[String(field.id)] =
      value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : Array.isArray(value)
          ? value.map(String)
          : JSON.stringify(value);
  }
  // Built directly rather than through the canonical schema: the export path maps a million tickets, and the
  // only fields that can be wrong after the wire schema are checked here, each reported with its path.
  const issues: ValidationIssue[] = [];
  const requesterId = idOrNull(wire.requester_id);
  if (!requesterId) issues.push({ path: ['requesterId'], code: 'invalid_type', message: 'required' });
  const createdAt = instant(wire.created_at, 'createdAt', issues);
  const updatedAt = wire.updated_at ? instant(wire.updated_at, 'updatedAt', issues) : createdAt;
  const dueAt = wire.due_at ? instant(wire.due_at, 'dueAt', issues) : null;
  if (issues.length > 0) throw new ValidationError('Zendesk ticket', issues);
  const ticket: Ticket = {
    id,
    source: {
      adapter: ADAPTER,
      id,
      ...(context.subdomain ? { url: `https://${context.subdomain}.zendesk.com/agent/tickets/${id}` } : {}),
    },
    subject: wire.subject ?? wire.raw_subject ?? '',
    status: status === '' ? 'new' : status,
    priority: wire.priority ? wire.priority.toLowerCase() : null,
    channel: channelFromVia(wire.via?.channel),
    requesterId: requesterId!,
    assigneeId: idOrNull(wire.assignee_id),
    groupId: idOrNull(wire.group_id),
    organizationId: idOrNull(wire.organization_id),
    tags: (wire.tags ?? []).filter((t) => t !== ''),
    customFields,
    createdAt,
    updatedAt: updatedAt < createdAt ? createdAt : updatedAt,
    solvedAt: solvedAtOf(status === '' ? 'new' : status, createdAt, context),
    dueAt,
  };
  if (wire.description) ticket.description = wire.description;
  if (wire.type) ticket.type = wire.type.toLowerCase();
  const submitterId = idOrNull(wire.submitter_id);
  if (submitterId) ticket.submitterId = submitterId;
  return ticket;
}

/** Digits at text[from..from+length) as a number, or NaN. */
function digits(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
}

/**
 * `YYYY-MM-DDTHH:MM:SSZ`, the shape Zendesk sends every timestamp in, read without the general date parser (an
 * export maps two of them per ticket); undefined for anything else, which then goes through Date.parse.
 */
function utcDate(text: string): Date | undefined {
  if (text.length !== 20 || text.charCodeAt(19) !== 90 /* Z */) return undefined;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':')
    return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (!(month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59))
    return undefined;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 31 April over to 1 May: a day past the month's end is not a date.
  return date.getUTCDate() === day && year >= 1000 ? date : undefined;
}

/** A Zendesk timestamp (always with Z or an offset) as a Date, or an issue at `path`. */
function instant(text: string, path: string, issues: ValidationIssue[]): Date {
  const fast = utcDate(text);
  if (fast) return fast;
  const ms = /(?:Z|[+-]\d\d:?\d\d)$/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms))
    issues.push({ path: [path], code: 'custom', message: 'expected an ISO 8601 timestamp with offset' });
  return new Date(ms);
}

/**
 * A Zendesk comment as a canonical Message. The author's role needs the users: pass the ids of agents (from
 * side-loaded users) so end-user and agent comments are told apart. A comment without `created_at` (inside an
 * audit, or as a redaction returns it) takes `at` — the audit's time; without either it is refused, naming
 * `createdAt`. A redacted comment's text is its `plain_body`.
 *
 * @example
 * ```ts
 * messageFromZendesk(comment, '35436', new Set(['76872']));
 * messageFromZendesk(auditComment, '35436', agents, audit.created_at);
 * ```
 */
export function messageFromZendesk(
  wire: ZendeskComment,
  ticketId: string,
  agentIds: ReadonlySet<string>,
  at?: string | Date,
): Message {
  const authorId = String(wire.author_id);
  const channel = wire.via?.channel ?? wire.metadata?.via?.channel;
  return parse(
    MessageSchema,
    {
      id: String(wire.id),
      ticketId,
      source: { adapter: ADAPTER, id: String(wire.id) },
      authorId,
      authorRole: wire.author_id === -1 ? 'system' : agentIds.has(authorId) ? 'agent' : 'end-user',
      public: wire.public,
      body: wire.body ?? wire.plain_body ?? '',
      ...(wire.html_body ? { html: wire.html_body } : {}),
      ...(channel !== undefined ? { channel: channelFromVia(channel) } : {}),
      createdAt: wire.created_at ?? at,
      attachments: (wire.attachments ?? []).map((a) => ({
        id: String(a.id),
        fileName: a.file_name,
        contentType: a.content_type,
        size: a.size,
        ...(a.content_url ? { url: a.content_url } : {}),
      })),
    },
    'Zendesk comment',
  );
}

/**
 * Whether a Zendesk user role is staff.
 *
 * @example
 * ```ts
 * isStaff('admin'); // true
 * ```
 */
export const isStaff = (role: unknown) => role === 'agent' || role === 'admin';

/** Whether Zendesk still lets the user in: not deleted (`active: false`) and not suspended. */
const isActive = (wire: ZendeskUser) => wire.active !== false && wire.suspended !== true;

/**
 * The comments of a ticket audit as canonical Messages. Comment events carry no time of their own: each takes
 * the audit's; the author is the event's, else the audit's.
 *
 * @example
 * ```ts
 * messagesFromZendeskAudit(ZendeskAudit.parse(audit), new Set(['76872']));
 * ```
 */
export function messagesFromZendeskAudit(audit: ZendeskAudit, agentIds: ReadonlySet<string>): Message[] {
  const out: Message[] = [];
  for (const event of audit.events ?? []) {
    const type = String(event.type ?? '');
    if (type !== 'Comment' && type !== 'VoiceComment') continue;
    const comment = parse(
      ZendeskCommentSchema,
      { ...event, author_id: event.author_id ?? audit.author_id, public: event.public ?? true },
      'Zendesk audit comment',
    );
    out.push(messageFromZendesk(comment, String(audit.ticket_id), agentIds, audit.created_at));
  }
  return out;
}

/**
 * A Zendesk end user as a canonical customer card.
 *
 * @example
 * ```ts
 * customerFromZendesk(user).identities; // e-mail, phone and the Zendesk id
 * ```
 */
export function customerFromZendesk(wire: ZendeskUser): Customer {
  const id = String(wire.id);
  const zone = userZone(wire);
  return parse(
    CustomerSchema,
    {
      id,
      sources: [{ adapter: ADAPTER, id }],
      name: wire.name ?? '',
      identities: [
        ...(wire.email ? [{ kind: 'email', value: wire.email, primary: true }] : []),
        ...(wire.phone && /^\+[1-9]\d{6,14}$/.test(wire.phone) ? [{ kind: 'phone', value: wire.phone }] : []),
        { kind: 'external', adapter: ADAPTER, value: id },
      ],
      organizationId: idOrNull(wire.organization_id),
      active: isActive(wire),
      ...(wire.locale ? { language: wire.locale } : {}),
      ...(zone ? { timeZone: zone } : {}),
      tags: wire.tags ?? [],
      createdAt: wire.created_at,
      ...(wire.updated_at ? { updatedAt: wire.updated_at } : {}),
    },
    'Zendesk user',
  );
}

/** A Zendesk agent or admin as a canonical Agent. @example `agentFromZendesk(user).role // 'admin'` */
export function agentFromZendesk(wire: ZendeskUser): Agent {
  return {
    id: String(wire.id),
    source: { adapter: ADAPTER, id: String(wire.id) },
    name: wire.name ?? '',
    ...(wire.email ? { email: wire.email } : {}),
    role: wire.role === 'admin' ? 'admin' : 'agent',
    groupIds: idOrNull(wire.default_group_id) ? [String(wire.default_group_id)] : [],
    scheduleId: null,
    ...(userZone(wire) ? { timeZone: userZone(wire) } : {}),
    languages: wire.locale ? [wire.locale] : [],
    active: isActive(wire),
    createdAt: new Date(wire.created_at),
  };
}

/** A Zendesk organization. @example `organizationFromZendesk(org).domains` */
export function organizationFromZendesk(wire: ZendeskOrganization): Organization {
  return {
    id: String(wire.id),
    source: { adapter: ADAPTER, id: String(wire.id) },
    name: wire.name,
    domains: wire.domain_names ?? [],
    tags: wire.tags ?? [],
    customFields: Object.fromEntries(
      Object.entries(wire.organization_fields ?? {}).map(([k, v]) => [
        k,
        v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as string) : JSON.stringify(v),
      ]),
    ),
    ...(wire.created_at ? { createdAt: new Date(wire.created_at) } : {}),
  };
}

/** A Zendesk group. @example `groupFromZendesk(group).name` */
export function groupFromZendesk(wire: ZendeskGroup): Group {
  return {
    id: String(wire.id),
    source: { adapter: ADAPTER, id: String(wire.id) },
    name: wire.name,
    ...(wire.description ? { description: wire.description } : {}),
    scheduleId: null,
  };
}

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

const numericId = (id: string) => (/^\d+$/.test(id) ? Number(id) : id);

/**
 * A canonical ticket to create, as Zendesk's `{ ticket: … }` request body. The description becomes the first
 * comment, authored by the requester. A requester given by e-mail goes as Zendesk's write-only `requester`
 * object, which Zendesk resolves to the user with that address or creates
 * (https://developer.zendesk.com/documentation/ticketing/managing-tickets/creating-and-updating-tickets/#creating-a-ticket-with-a-new-requester);
 * no `author_id` is sent then (the user's id is not known yet), so the first comment's author follows Zendesk's
 * submitter rules.
 *
 * @example
 * ```ts
 * ticketCreateToZendesk({ subject: 'Help', description: 'Printer on fire', requesterId: '20978392' });
 * ticketCreateToZendesk({ subject: 'Help', requester: { email: 'ada@example.com', name: 'Ada' } });
 * // { ticket: { subject: 'Help', requester: { email: 'ada@example.com', name: 'Ada' }, comment: { … } } }
 * ```
 */
export function ticketCreateToZendesk(input: TicketCreate): { ticket: Record<string, unknown> } {
  const ticket: Record<string, unknown> = input.requester
    ? {
        subject: input.subject,
        requester: {
          email: input.requester.email,
          ...(input.requester.name ? { name: input.requester.name } : {}),
        },
        comment: { body: input.description ?? input.subject, public: true },
      }
    : {
        subject: input.subject,
        requester_id: numericId(input.requesterId),
        comment: {
          body: input.description ?? input.subject,
          public: true,
          author_id: numericId(input.requesterId),
        },
      };
  if (input.status) ticket.status = input.status;
  if (input.priority) ticket.priority = input.priority;
  if (input.assigneeId !== undefined)
    ticket.assignee_id = input.assigneeId === null ? null : numericId(input.assigneeId);
  if (input.groupId !== undefined) ticket.group_id = input.groupId === null ? null : numericId(input.groupId);
  if (input.tags) ticket.tags = input.tags;
  if (input.customFields)
    ticket.custom_fields = Object.entries(input.customFields).map(([id, value]) => ({
      id: numericId(id),
      value,
    }));
  return { ticket };
}

/** A canonical ticket change as Zendesk's update body. @example `ticketPatchToZendesk({ status: 'solved' })` */
export function ticketPatchToZendesk(patch: TicketPatch): { ticket: Record<string, unknown> } {
  const ticket: Record<string, unknown> = {};
  if (patch.subject !== undefined) ticket.subject = patch.subject;
  if (patch.status !== undefined) ticket.status = patch.status;
  if (patch.priority !== undefined) ticket.priority = patch.priority;
  if (patch.assigneeId !== undefined)
    ticket.assignee_id = patch.assigneeId === null ? null : numericId(patch.assigneeId);
  if (patch.groupId !== undefined) ticket.group_id = patch.groupId === null ? null : numericId(patch.groupId);
  if (patch.tags !== undefined) ticket.tags = patch.tags;
  if (patch.customFields)
    ticket.custom_fields = Object.entries(patch.customFields).map(([id, value]) => ({
      id: numericId(id),
      value,
    }));
  return { ticket };
}

/**
 * A new message as the Zendesk ticket update that adds it (comments are created through the Tickets API).
 * Without `authorId` the comment's author is left to Zendesk, which makes it the authenticated user.
 *
 * @example
 * ```ts
 * messageCreateToZendesk({ authorId: '76872', authorRole: 'agent', public: false, body: 'Checked the logs' });
 * messageCreateToZendesk({ public: true, body: 'On it' }); // by the API user
 * // with files uploaded first (POST /api/v2/uploads), their token attaches them:
 * messageCreateToZendesk(input, 'a1b2c3upload');
 * ```
 */
export function messageCreateToZendesk(
  input: MessageCreate,
  uploadToken?: string,
): {
  ticket: { comment: Record<string, unknown> };
} {
  return {
    ticket: {
      comment: {
        body: input.body,
        public: input.public,
        ...(input.authorId !== undefined ? { author_id: numericId(input.authorId) } : {}),
        ...(uploadToken ? { uploads: [uploadToken] } : {}),
      },
    },
  };
}

/** Ticket fields whose changes become canonical TicketEvents. */
const EVENT_FIELDS: Record<string, TicketEvent['type']> = {
  status: 'status',
  priority: 'priority',
  assignee_id: 'assignee',
  group_id: 'group',
  tags: 'tags',
  custom_status_id: 'stage',
};

/** One ticket update as Zendesk reports it: an audit, or an entry of the incremental ticket-events export. */
export interface ZendeskTicketUpdate {
  /** The audit's id. */
  id: string | number;
  ticketId: string;
  at: Date;
  /** The updater; -1 (Zendesk's system user) becomes null. */
  authorId: unknown;
  /** The audit's `events`, or the export's `child_events`. */
  events: readonly Record<string, unknown>[];
}

/**
 * The status, priority, assignee, group and tag changes of one ticket update. Reads both shapes Zendesk uses:
 * audit events (`field_name`, `value`, `previous_value`) and ticket-event export children, where the changed
 * field is a key of its own (`{ "status": "solved", "previous_value": "open" }`, tags with `added_tags` and
 * `removed_tags`). Other events (comments, notifications, SLA targets…) are not status history and are skipped.
 *
 * @example
 * ```ts
 * ticketEventsFromZendesk({ id: 7, ticketId: '35', at: new Date(), authorId: 5,
 *   events: [{ id: 1, type: 'Change', field_name: 'status', value: 'solved', previous_value: 'open' }] });
 * // → [{ id: '7-1', ticketId: '35', type: 'status', from: 'open', to: 'solved', … }]
 * ```
 */
export function ticketEventsFromZendesk(update: ZendeskTicketUpdate): TicketEvent[] {
  const out: TicketEvent[] = [];
  for (const event of update.events) {
    const kind = String(event.type ?? event.event_type);
    if (kind !== 'Change' && kind !== 'Create') continue;
    let field = typeof event.field_name === 'string' ? event.field_name : undefined;
    let value = event.value;
    if (field === undefined) {
      field = Object.keys(EVENT_FIELDS).find((name) => name in event);
      if (field !== undefined) value = event[field];
    }
    const type = field === undefined ? undefined : EVENT_FIELDS[field];
    if (!type) continue;
    const convert = (raw: unknown) => {
      if (type === 'tags') return Array.isArray(raw) ? raw.map(String) : [];
      if (type === 'assignee' || type === 'group' || type === 'stage') return idOrNull(raw);
      return raw === null || raw === undefined || raw === '' ? null : String(raw).toLowerCase();
    };
    const to = convert(value);
    // A creation audit lists every field, set or not (`"value": null`): an unset field is no change, and a
    // status is never null.
    if (kind === 'Create' && (to === null || (Array.isArray(to) && to.length === 0))) continue;
    if (type === 'status' && to === null) continue;
    let from: unknown;
    if (kind === 'Create') from = type === 'tags' ? [] : null;
    else if (type === 'tags' && !('previous_value' in event) && Array.isArray(value)) {
      // The export reports the new list with what was added and removed: the old list follows.
      const added = new Set(Array.isArray(event.added_tags) ? event.added_tags.map(String) : []);
      const removed = Array.isArray(event.removed_tags) ? event.removed_tags.map(String) : [];
      from = [...value.map(String).filter((tag) => !added.has(tag)), ...removed];
    } else from = convert(event.previous_value);
    out.push({
      id: `${update.id}-${event.id}`,
      ticketId: update.ticketId,
      type,
      at: update.at,
      actorId: idOrNull(update.authorId === -1 ? null : update.authorId),
      from,
      to,
    } as TicketEvent);
  }
  return out;
}

/** Minutes in calendar time and within business hours, as Zendesk measured them; null = not measured yet. */
export interface MeasuredMinutes {
  calendar: number | null;
  business: number | null;
}

/**
 * Zendesk's own measurements of a ticket (its Ticket Metrics): handy to check supportkit's metrics against
 * what Zendesk reports, ticket by ticket.
 */
export interface ZendeskTicketMetrics {
  ticketId: string;
  replies: number | null;
  reopens: number | null;
  assigneeStations: number | null;
  groupStations: number | null;
  firstReply: MeasuredMinutes;
  firstResolution: MeasuredMinutes;
  fullResolution: MeasuredMinutes;
  agentWait: MeasuredMinutes;
  requesterWait: MeasuredMinutes;
  onHold: MeasuredMinutes;
  assignedAt: Date | null;
  initiallyAssignedAt: Date | null;
  solvedAt: Date | null;
  latestCommentAt: Date | null;
  updatedAt: Date | null;
}

const minutes = (wire: { calendar?: number | null; business?: number | null } | null | undefined) => ({
  calendar: wire?.calendar ?? null,
  business: wire?.business ?? null,
});
const dateOrNull = (value: string | null | undefined) => (value ? new Date(value) : null);

/**
 * A TicketMetricObject as {@link ZendeskTicketMetrics}.
 *
 * @example
 * ```ts
 * ticketMetricsFromZendesk(ZendeskTicketMetric.parse(body.ticket_metric)).firstReply.business; // 42
 * ```
 */
export function ticketMetricsFromZendesk(wire: ZendeskTicketMetric): ZendeskTicketMetrics {
  return {
    ticketId: String(wire.ticket_id),
    replies: wire.replies ?? null,
    reopens: wire.reopens ?? null,
    assigneeStations: wire.assignee_stations ?? null,
    groupStations: wire.group_stations ?? null,
    firstReply: minutes(wire.reply_time_in_minutes),
    firstResolution: minutes(wire.first_resolution_time_in_minutes),
    fullResolution: minutes(wire.full_resolution_time_in_minutes),
    agentWait: minutes(wire.agent_wait_time_in_minutes),
    requesterWait: minutes(wire.requester_wait_time_in_minutes),
    onHold: minutes(wire.on_hold_time_in_minutes),
    assignedAt: dateOrNull(wire.assigned_at),
    initiallyAssignedAt: dateOrNull(wire.initially_assigned_at),
    solvedAt: dateOrNull(wire.solved_at),
    latestCommentAt: dateOrNull(wire.latest_comment_added_at),
    updatedAt: dateOrNull(wire.updated_at),
  };
}

/** The outcome of one item of a bulk job: created with its id, or failed with Zendesk's error code. */
export type BulkResult =
  | { index: number; ok: true; id: string }
  | { index: number; ok: false; error: string; details?: string };

/**
 * The per-item results of a completed job, in input order; `offset` places a chunk's items in the whole batch.
 * An item the job does not mention is reported failed (`missing_result`), never dropped.
 *
 * @example
 * ```ts
 * bulkResults(ZendeskJobStatus.parse(body.job_status), 0, 2);
 * // → [{ index: 0, ok: true, id: '244' }, { index: 1, ok: false, error: 'RecordInvalid' }]
 * ```
 */
export function bulkResults(job: ZendeskJobStatus, offset: number, count: number): BulkResult[] {
  const entries = Array.isArray(job.results) ? job.results : [];
  const byIndex = new Map<number, Record<string, unknown>>();
  entries.forEach((entry, position) => {
    const index = typeof entry.index === 'number' ? entry.index : position;
    byIndex.set(index, entry);
  });
  return Array.from({ length: count }, (_, i): BulkResult => {
    const entry = byIndex.get(i);
    const index = offset + i;
    if (!entry) return { index, ok: false, error: 'missing_result' };
    if (entry.success === false || entry.error !== undefined || entry.id === undefined || entry.id === null)
      return {
        index,
        ok: false,
        error: String(entry.error ?? 'failed'),
        ...(typeof entry.details === 'string' ? { details: entry.details } : {}),
      };
    return { index, ok: true, id: String(entry.id) };
  });
}

/**
 * A time-zone name as Zendesk reports it — an IANA name, or the Rails name its schedules and settings use
 * ("Eastern Time (US & Canada)") — as an IANA name. A name neither knows is returned as it is, for the model to
 * refuse with its path.
 *
 * @example
 * ```ts
 * ianaZoneFromZendesk('Pacific Time (US & Canada)'); // 'America/Los_Angeles'
 * ianaZoneFromZendesk('Europe/Rome'); // 'Europe/Rome'
 * ```
 */
export function ianaZoneFromZendesk(name: string): string {
  if (IANAZone.isValidZone(name)) return name;
  const mapped = railsTimeZone.from(name);
  return mapped && IANAZone.isValidZone(mapped) ? mapped : name;
}

/** A user's zone: `iana_time_zone` when Zendesk sends it, else the Rails `time_zone` mapped to IANA. */
const userZone = (wire: ZendeskUser): string | undefined =>
  wire.iana_time_zone ?? (wire.time_zone ? ianaZoneFromZendesk(wire.time_zone) : undefined);

/** A business-hours schedule as Zendesk sends it (ScheduleObject), with its holidays. */
export interface ZendeskScheduleWire {
  id: unknown;
  name: string;
  time_zone: string;
  intervals?: { start_time: number; end_time: number }[] | null;
}

/**
 * A Zendesk schedule and its holidays as a canonical Schedule, the zone name mapped to IANA. Anything the model
 * refuses throws ValidationError naming the path (an unknown zone names `timeZone`).
 *
 * @example
 * ```ts
 * scheduleFromZendesk(
 *   { id: 1, name: 'Support', time_zone: 'Rome', intervals: [{ start_time: 1980, end_time: 2460 }] },
 *   [{ name: 'Ferragosto', start_date: '2026-08-15', end_date: '2026-08-15' }],
 * ).timeZone; // 'Europe/Rome'
 * ```
 */
export function scheduleFromZendesk(
  wire: ZendeskScheduleWire,
  holidays: readonly { name: string; start_date: string; end_date: string }[],
): Schedule {
  return parse(
    ScheduleSchema,
    {
      id: String(wire.id),
      name: wire.name,
      timeZone: ianaZoneFromZendesk(wire.time_zone),
      intervals: (wire.intervals ?? []).map((i) => ({ start: i.start_time, end: i.end_time })),
      holidays: holidays.map((h) => ({ name: h.name, startDate: h.start_date, endDate: h.end_date })),
    },
    'Zendesk schedule',
  );
}

/** Zendesk SLA metric names → canonical metrics. `pausable_update_time` has no canonical counterpart. */
const SLA_METRICS: ReadonlyMap<string, SlaMetric> = new Map([
  ['first_reply_time', 'firstReply'],
  ['next_reply_time', 'nextReply'],
  ['periodic_update_time', 'periodicUpdate'],
  ['requester_wait_time', 'requesterWait'],
  ['agent_work_time', 'agentWork'],
  ['total_resolution_time', 'resolution'],
]);

/** Zendesk via id → canonical channel, only where the two say exactly the same thing (4 = mail). */
const VIA_IDS: ReadonlyMap<string, string> = new Map([['4', 'email']]);

const ID_FIELDS: ReadonlyMap<string, SlaCondition['field']> = new Map([
  ['group_id', 'groupId'],
  ['organization_id', 'organizationId'],
  ['assignee_id', 'assigneeId'],
  ['requester_id', 'requesterId'],
]);
const PRIORITIES = new Set(['low', 'normal', 'high', 'urgent']);

/** `""` or null → null (Zendesk's "none"); a number or digits → the id as a string; anything else undefined. */
function conditionId(value: ZendeskSlaCondition['value']): string | null | undefined {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  return undefined;
}

/** One Zendesk condition in canonical terms, or undefined when it has none. */
function slaConditionFromZendesk(wire: ZendeskSlaCondition): SlaCondition | undefined {
  const { field, operator, value } = wire;
  const negated = operator === 'is_not';
  if (operator !== 'is' && !negated) {
    if (field === 'priority' && (operator === 'less_than' || operator === 'greater_than')) {
      const priority = typeof value === 'string' ? value.toLowerCase() : '';
      if (!PRIORITIES.has(priority)) return undefined;
      return {
        field: 'priority',
        operator: operator === 'less_than' ? 'lessThan' : 'greaterThan',
        values: [priority],
      };
    }
    if (field === 'current_tags' && (operator === 'includes' || operator === 'not_includes')) {
      // The value is a space-separated list of tags (or, from some clients, an array of them).
      const tags = (
        Array.isArray(value)
          ? value.filter((t) => typeof t === 'string' || typeof t === 'number').map(String)
          : typeof value === 'string'
            ? value.split(/\s+/)
            : []
      )
        .map((t) => t.trim())
        .filter((t) => t !== '');
      if (tags.length === 0) return undefined;
      return {
        field: 'tags',
        operator: operator === 'includes' ? 'includesAny' : 'includesNone',
        values: tags,
      };
    }
    return undefined;
  }
  const op = negated ? 'isNot' : 'is';
  if (field === 'priority' || field === 'type') {
    if (typeof value !== 'string' && value !== null && value !== undefined) return undefined;
    return { field, operator: op, values: [value ? value.toLowerCase() : null] };
  }
  const idField = ID_FIELDS.get(field);
  if (idField) {
    const id = conditionId(value);
    return id === undefined ? undefined : { field: idField, operator: op, values: [id] };
  }
  if (field === 'via_id' && (typeof value === 'string' || typeof value === 'number')) {
    const channel = VIA_IDS.get(String(value));
    return channel ? { field: 'channel', operator: op, values: [channel] } : undefined;
  }
  return undefined;
}

/** A condition's value as the canonical model keeps it: scalars and lists as they are, anything else as JSON. */
function rawConditionValue(value: unknown): SlaUnmappedCondition['value'] {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (
    Array.isArray(value) &&
    value.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
  )
    return value as (string | number)[];
  return JSON.stringify(value) ?? null;
}

/**
 * A Zendesk SLA policy's `filter` in canonical terms: `all` and `any` conditions on priority, ticket type,
 * channel (via id 4, e-mail — the one via id a canonical channel pins down), group, organization, assignee,
 * requester and tags. Anything else — brand, ticket form, custom fields, custom statuses, other via ids,
 * `current_user` — is kept in `unmappedConditions` as it came, so a policy that depends on it is not mistaken
 * for one that matches everything.
 *
 * @example
 * ```ts
 * slaFilterFromZendesk({
 *   all: [{ field: 'type', operator: 'is', value: 'incident' }, { field: 'brand_id', operator: 'is', value: '10001' }],
 *   any: [],
 * });
 * // { all: [{ field: 'type', operator: 'is', values: ['incident'] }], any: [],
 * //   unmappedConditions: [{ group: 'all', field: 'brand_id', operator: 'is', value: '10001' }], priorities: [], … }
 * ```
 */
export function slaFilterFromZendesk(filter: ZendeskSlaPolicy['filter']): SlaPolicy['filter'] {
  const out: Required<SlaPolicy['filter']> = {
    priorities: [],
    channels: [],
    groupIds: [],
    organizationIds: [],
    tags: [],
    all: [],
    any: [],
    unmappedConditions: [],
  };
  for (const group of ['all', 'any'] as const) {
    for (const wire of filter?.[group] ?? []) {
      const condition = slaConditionFromZendesk(wire);
      if (condition) out[group].push(condition);
      else
        out.unmappedConditions.push({
          group,
          field: wire.field,
          operator: wire.operator,
          value: rawConditionValue(wire.value),
        });
    }
  }
  return out;
}

/**
 * A Zendesk SLA policy as a canonical SlaPolicy: its conditions through {@link slaFilterFromZendesk}, its
 * targets per priority and metric (`pausable_update_time` has no canonical metric and is left out; a policy
 * left with no targets is still returned, so that it still claims its tickets in order). Throws
 * ValidationError naming the path when the model refuses it.
 *
 * @example
 * ```ts
 * slaPolicyFromZendesk(ZendeskSlaPolicy.parse(wire)).filter.all;
 * ```
 */
export function slaPolicyFromZendesk(wire: ZendeskSlaPolicy): SlaPolicy {
  const id = String(wire.id);
  return parse(
    SlaPolicySchema,
    {
      id,
      source: { adapter: ADAPTER, id },
      title: wire.title,
      ...(wire.description ? { description: wire.description } : {}),
      position: wire.position ?? 0,
      filter: slaFilterFromZendesk(wire.filter),
      targets: (wire.policy_metrics ?? []).flatMap((m) => {
        const metric = SLA_METRICS.get(m.metric);
        return metric
          ? [
              {
                priority: m.priority.toLowerCase(),
                metric,
                minutes: m.target,
                businessHours: m.business_hours === true,
              },
            ]
          : [];
      }),
    },
    'Zendesk SLA policy',
  );
}

const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
]);

/**
 * An article's HTML as plain text for search and suggestions: scripts and styles dropped, inline tags removed
 * and the others turned into spaces, the common entities decoded (after the tags are gone, so `&lt;b&gt;` stays text), whitespace
 * collapsed.
 *
 * @example
 * ```ts
 * htmlToText('<p>Open <b>Settings</b> &#8594; <i>Security</i> &amp; reset</p>'); // 'Open Settings → Security & reset'
 * ```
 */
export function htmlToText(html: string): string {
  return (
    html
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      // Inline tags join the words around them ("<b>Re</b>set" is "Reset"); any other tag separates words.
      .replace(
        /<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|font|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)\b[^>]*>/gi,
        '',
      )
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
        if (name[0] === '#') {
          const code =
            name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
          return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
        }
        return ENTITIES.get(name.toLowerCase()) ?? entity;
      })
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * A Help Center article as a canonical Article, parsed by the model (a bad timestamp or locale is a
 * ValidationError naming the path, never an Invalid Date): the body as plain text and as the HTML Zendesk
 * stores, title, locale, labels, section (with its name when the caller knows it), author, draft, outdated
 * (the article's flag, or its locale among `outdated_locales`), the reader-facing URL, created and updated
 * times (`updated_at`, else `created_at`).
 *
 * @example
 * ```ts
 * articleFromZendesk(ZendeskArticle.parse(wire), { sectionNames: new Map([['1635', 'Avionics']]) }).sectionName;
 * ```
 */
export function articleFromZendesk(
  wire: ZendeskArticle,
  context: { sectionNames?: ReadonlyMap<string, string> } = {},
): Article {
  const id = String(wire.id);
  const html = wire.body ?? '';
  const sectionId = idOrNull(wire.section_id);
  const sectionName = sectionId ? context.sectionNames?.get(sectionId) : undefined;
  const url = wire.html_url ?? undefined;
  const outdated = wire.outdated === true || (wire.outdated_locales ?? []).includes(wire.locale);
  return parse(
    ArticleSchema,
    {
      id,
      source: { adapter: ADAPTER, id, ...(url ? { url } : {}) },
      title: wire.title,
      body: htmlToText(html),
      ...(html ? { html } : {}),
      // BCP 47 uses hyphens; a Zendesk locale written with an underscore (en_us) means the same tag.
      locale: wire.locale.replaceAll('_', '-'),
      labels: (wire.label_names ?? []).filter((l) => l !== ''),
      sectionId,
      ...(sectionName ? { sectionName } : {}),
      authorId: idOrNull(wire.author_id),
      draft: wire.draft === true,
      outdated,
      ...(url ? { url } : {}),
      createdAt: wire.created_at,
      updatedAt: wire.updated_at ?? wire.created_at,
    },
    'Zendesk article',
  );
}
