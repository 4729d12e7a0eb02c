/**
 * Tickets between Zendesk and the canonical model: a ticket read (custom statuses, `solvedAt` from a metric set
 * or the history), a ticket to create or change, and the search query for a ticket filter.
 */
import { ValidationError, type ValidationIssue } from '../../../errors/validation.js';
import type { TicketCreate, TicketPatch } from '../../../models/inputs.js';
import type { Ticket } from '../../../models/ticket.js';
import type { TicketEvent } from '../../../models/ticket-event.js';
import { type ParsedTicketFilter, wireReader } from '../../kit/index.js';
import { ADAPTER } from '../context.js';
import type { CustomStatuses } from '../custom-statuses.js';
import { channelFromVia, idOrNull } from '../fields.js';
import { isPlainZendeskTicket, ZendeskSideLoadedMetricSet, ZendeskTicket } from '../wire.js';
import { instant } from './time.js';

/**
 * Maps a Zendesk custom status id to a canonical status, when the account uses custom statuses: give the
 * adapter the account's custom statuses (`status_category` per id) and they collapse onto the canonical six.
 * @example `const statuses: CustomStatusMap = new Map([['35436001', 'pending']]);`
 */
export type CustomStatusMap = ReadonlyMap<string, string>;

/** The categories a custom status collapses onto; a Set, since the category is data (`constructor` is one too). */
const CATEGORY: ReadonlySet<string> = new Set(['new', 'open', 'pending', 'hold', 'solved']);

/**
 * What {@link ticketFromZendesk} may know besides the ticket.
 * @example `const context: ZendeskTicketContext = { subdomain: 'acme', metricSet: { solved_at: null } };`
 */
export interface ZendeskTicketContext {
  subdomain?: string;
  /** Custom status id → its category: a Map or a plain record, turned into a Map once at the public entry. */
  customStatuses?: CustomStatuses;
  /**
   * The ticket's metric set (`include=metric_sets`, or `/tickets/{id}/metrics`): its `solved_at` is the ticket's
   * `solvedAt`, which the ticket itself does not carry.
   */
  metricSet?: { solved_at?: string | null } | null;
  /** The ticket's history, when read: without a metric set, its last change to solved gives `solvedAt`. */
  events?: readonly TicketEvent[];
}

/**
 * A {@link ZendeskTicketContext} after its entry check, as the mapper reads it: custom statuses a Map.
 * @example `const mapping: ZendeskTicketMapping = { subdomain: 'acme', customStatuses: new Map() };`
 */
export type ZendeskTicketMapping = Omit<ZendeskTicketContext, 'customStatuses'> & {
  customStatuses?: CustomStatusMap;
};

/**
 * When a solved or closed ticket was solved: the metric set's `solved_at`, else the last status change to
 * solved in its history; null for a ticket not solved now, or when neither says.
 */
function solvedAtOf(status: string, createdAt: Date, context: ZendeskTicketMapping): Date | null {
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
export function ticketFromZendesk(wire: ZendeskTicket, context: ZendeskTicketMapping = {}): Ticket {
  const id = String(wire.id);
  const custom = idOrNull(wire.custom_status_id);
  const category = custom ? context.customStatuses?.get(custom) : undefined;
  const plain = (wire.status ?? 'new').toLowerCase();
  const status =
    plain === 'closed' || plain === 'deleted' ? plain : category && CATEGORY.has(category) ? category : plain;
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
    // Two literals rather than a spread of an optional part: the export builds a million of these.
    source: context.subdomain
      ? { adapter: ADAPTER, id, url: agentLink(context.subdomain) + id }
      : { adapter: ADAPTER, id },
    subject: wire.subject ?? wire.raw_subject ?? '',
    status: status === '' ? 'new' : status,
    priority: wire.priority ? wire.priority.toLowerCase() : null,
    channel: channelFromVia(wire.via?.channel),
    requesterId: requesterId!,
    assigneeId: idOrNull(wire.assignee_id),
    groupId: idOrNull(wire.group_id),
    organizationId: idOrNull(wire.organization_id),
    tags: tagsOf(wire.tags),
    customFields,
    createdAt,
    updatedAt: updatedAt.getTime() < createdAt.getTime() ? createdAt : updatedAt,
    solvedAt: solvedAtOf(status === '' ? 'new' : status, createdAt, context),
    dueAt,
  };
  if (wire.description) ticket.description = wire.description;
  if (wire.type) ticket.type = wire.type.toLowerCase();
  const submitterId = idOrNull(wire.submitter_id);
  if (submitterId) ticket.submitterId = submitterId;
  return ticket;
}

let linkedSubdomain: string | undefined;
let linkPrefix = '';

/** The start of a ticket's link in the agent UI, built once per account rather than once per ticket. */
function agentLink(subdomain: string): string {
  if (subdomain !== linkedSubdomain) {
    linkPrefix = `https://${subdomain}.zendesk.com/agent/tickets/`;
    linkedSubdomain = subdomain;
  }
  return linkPrefix;
}

/** The ticket's tags without empty ones (Zendesk's own tags never are), in a copy of the wire's array. */
function tagsOf(tags: readonly string[] | null | undefined): string[] {
  const out: string[] = [];
  if (tags) for (const tag of tags) if (tag !== '') out.push(tag);
  return out;
}

/**
 * A canonical id as Zendesk takes it in a request body: a number when it is digits (Zendesk's ids are
 * integers), else as given, for Zendesk to refuse with its own message.
 * @example `numericId('20978392') // 20978392`
 */
export const numericId = (id: string) => (/^\d+$/.test(id) ? Number(id) : id);

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

const fromWire = wireReader('Zendesk');

/**
 * A ticket from a Zendesk response, read and mapped: well-formed tickets skip the schema's copy (the export maps
 * a million of them), the rest get its errors naming the path. A side-loaded metric set gives `solvedAt`.
 *
 * @example
 * ```ts
 * readTicket(body.ticket, { subdomain: 'acme', customStatuses: new Map() }, metricSets.get('35436'));
 * ```
 */
export function readTicket(
  wire: unknown,
  mapping: ZendeskTicketMapping,
  metricSet?: ZendeskSideLoadedMetricSet,
): Ticket {
  // No per-ticket copy of the mapping when there is no metric set to add (the export's case).
  return ticketFromZendesk(
    isPlainZendeskTicket(wire) ? wire : fromWire(ZendeskTicket, wire),
    metricSet ? { ...mapping, metricSet } : mapping,
  );
}

/**
 * Collects the `metric_sets` (or `metric_set`) side-load of a response into `into`, by ticket id. An entry
 * without a ticket id, or that is not a metric set at all, is left out: its ticket just has no `solvedAt`.
 *
 * @example
 * ```ts
 * const sets = new Map<string, ZendeskSideLoadedMetricSet>();
 * metricSetsOf(body, sets);
 * ```
 */
export function metricSetsOf(
  body: Record<string, unknown>,
  into: Map<string, ZendeskSideLoadedMetricSet>,
): void {
  const sets = Array.isArray(body.metric_sets) ? body.metric_sets : body.metric_set ? [body.metric_set] : [];
  for (const entry of sets) {
    const set = ZendeskSideLoadedMetricSet.safeParse(entry);
    if (set.success && set.data.ticket_id !== undefined && set.data.ticket_id !== null)
      into.set(String(set.data.ticket_id), set.data);
  }
}

/**
 * A ticket filter as a Zendesk search query. Zendesk ORs repeated status terms and ANDs the rest, which is
 * what the filter means; the adapter still checks what comes back.
 *
 * @example
 * ```ts
 * ticketSearchQuery({ status: ['open'], tags: ['vip'] }); // 'type:ticket status:open tags:vip'
 * ```
 */
export const ticketSearchQuery = (filter: ParsedTicketFilter): string =>
  [
    'type:ticket',
    ...(filter.status?.length ? filter.status.map((s) => `status:${s}`) : []),
    ...(filter.tags ?? []).map((t) => `tags:${t}`),
    ...(filter.updatedSince ? [`updated>=${filter.updatedSince.toISOString()}`] : []),
  ].join(' ');
