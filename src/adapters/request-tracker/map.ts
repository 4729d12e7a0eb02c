/**
 * Pure mapping between Request Tracker's REST2 shapes and the canonical models, both directions: the only place
 * that knows RT's field names, so nothing after the adapter's boundary does.
 *
 * RT in brief: queues are the teams (canonical groups); privileged users are agents, unprivileged ones customers,
 * and users are referred to by name; a ticket's history is its transactions — `Create` (the opening message),
 * `Correspond` (a public reply), `Comment` (a private note), `Status`, `Set` (owner, queue, priority) and
 * `CustomField` changes; message bodies and files are the transactions' attachments. RT has no tags: a
 * multi-value ticket custom field (default "Tags") stands in for them.
 */
import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../../errors/validation.js';
import type { Agent } from '../../models/agent.js';
import { Agent as AgentSchema } from '../../models/agent.js';
import type { Customer } from '../../models/customer.js';
import { type CustomerInput, Customer as CustomerSchema } from '../../models/customer.js';
import type { Group } from '../../models/group.js';
import { setField } from '../../models/helpers.js';
import type {
  CustomerCreate,
  CustomerPatch,
  MessageCreate,
  TicketCreate,
  TicketPatch,
} from '../../models/inputs.js';
import type { Message } from '../../models/message.js';
import { parse } from '../../models/parse.js';
import type { Ticket, TicketPriority, TicketStatus } from '../../models/ticket.js';
import type { TicketEvent } from '../../models/ticket-event.js';
import { htmlToText } from '../kit/html-text.js';
import { notesFromText } from '../kit/notes.js';
import { phoneIdentityFromRt } from './phone.js';
import type { RtAttachment, RtQueue, RtRef, RtTicket, RtTransaction, RtUser } from './wire.js';

/** The adapter's name, in sources and checkpoints: the one constant the context re-exports. */
export const ADAPTER = 'request-tracker';

/** RT writes "not set" dates as the Unix epoch. */
const UNSET = '1970-01-01T00:00:00Z';
/**
 * Users RT itself acts as: their transactions are the system's, and they are neither agents nor customers.
 * @example `SYSTEM_USERS.has('RT_System') // true`
 */
export const SYSTEM_USERS: ReadonlySet<string> = new Set(['RT_System', 'Nobody']);

/** Context the mapping needs: where RT lives (for links) and which custom field holds tags. */
export interface RtContext {
  baseUrl?: string;
  /** @default 'Tags' */
  tagsField?: string;
}

/**
 * RT status → canonical status. RT's default lifecycle: new, open, stalled (waiting on someone else), resolved,
 * rejected, deleted. A status of a custom lifecycle is kept as it is (open enum).
 *
 * @example
 * ```ts
 * statusFromRt('stalled'); // 'pending'
 * ```
 */
export function statusFromRt(status: string): TicketStatus {
  const s = status.toLowerCase();
  return STATUSES_FROM_RT.get(s) ?? s;
}

/** In a Map: a custom lifecycle's status is whatever the RT admin typed, `constructor` included. */
const STATUSES_FROM_RT: ReadonlyMap<string, TicketStatus> = new Map([
  ['new', 'new'],
  ['open', 'open'],
  ['stalled', 'pending'],
  ['resolved', 'solved'],
  ['rejected', 'closed'],
  // Deleted is not resolved: metrics leave deleted tickets out rather than count them closed.
  ['deleted', 'deleted'],
]);

/**
 * Canonical status → the RT status to set. `hold` becomes `stalled` like `pending`; `closed` becomes `resolved`
 * (RT's `rejected` and `deleted` say something else).
 *
 * @example
 * ```ts
 * statusToRt('solved'); // 'resolved'
 * ```
 */
export function statusToRt(status: TicketStatus): string {
  return STATUSES_TO_RT.get(status) ?? status;
}

const STATUSES_TO_RT: ReadonlyMap<string, string> = new Map([
  ['new', 'new'],
  ['open', 'open'],
  ['pending', 'stalled'],
  ['hold', 'stalled'],
  ['solved', 'resolved'],
  ['closed', 'resolved'],
]);

/**
 * RT's numeric priority → canonical priority, by RT 5's default names (Low 0, Medium 50, High 100): below 25 low,
 * below 75 normal, below 100 high, 100 and above urgent.
 *
 * @example
 * ```ts
 * priorityFromRt('50'); // 'normal'
 * ```
 */
export function priorityFromRt(priority: string | number | null | undefined): TicketPriority {
  const n = Number(priority ?? 0);
  if (!Number.isFinite(n) || n < 25) return 'low';
  if (n < 75) return 'normal';
  if (n < 100) return 'high';
  return 'urgent';
}

/**
 * Canonical priority → RT's number (the middle of each band above).
 *
 * @example
 * ```ts
 * priorityToRt('high'); // 80
 * ```
 */
export function priorityToRt(priority: TicketPriority | null): number {
  // No priority is RT's default, 0.
  return priority === null ? 0 : (PRIORITIES_TO_RT.get(priority) ?? 50);
}

const PRIORITIES_TO_RT: ReadonlyMap<string, number> = new Map([
  ['low', 0],
  ['normal', 50],
  ['high', 80],
  ['urgent', 100],
]);

const EMAIL = z.email();
/** RT accepts local addresses (root@localhost) that the model's e-mail type does not. */
const isEmail = (value: string | null | undefined): value is string =>
  Boolean(value) && EMAIL.safeParse(value).success;

const refId = (ref: RtRef | null | undefined): string | null => (ref ? String(ref.id) : null);
/**
 * A REST2 date, or null for none and for RT's "not set" (the Unix epoch, which is also what an API user without
 * the right to see a date is sent).
 * @example `rtDate('1970-01-01T00:00:00Z') // null`
 */
export const rtDate = (value: string | null | undefined): Date | null =>
  value && value !== UNSET ? new Date(value) : null;

/**
 * The values of the tags custom field on a ticket (empty when the field is absent).
 *
 * @example
 * ```ts
 * tagsOfRt(RtTicket.parse(body)); // ['billing', 'vip']
 * ```
 */
export function tagsOfRt(wire: RtTicket, context: RtContext = {}): string[] {
  const field = (wire.CustomFields ?? []).find((cf) => cf.name === (context.tagsField ?? 'Tags'));
  return field ? [...field.values] : [];
}

/**
 * The number of the ticket's tags custom field, as tag-change transactions name it (absent when the ticket does
 * not carry the field).
 *
 * @example
 * ```ts
 * eventsFromRt(id, transactions, { tagsFieldId: tagsFieldIdOfRt(RtTicket.parse(body)) });
 * ```
 */
export function tagsFieldIdOfRt(wire: RtTicket, context: RtContext = {}): string | undefined {
  const field = (wire.CustomFields ?? []).find((cf) => cf.name === (context.tagsField ?? 'Tags'));
  return field ? String(field.id) : undefined;
}

/**
 * The ticket a transaction belongs to.
 * @example `ticketIdOfTransaction(txn); // '7'`
 */
export const ticketIdOfTransaction = (txn: RtTransaction): string => String(txn.ObjectId);

/**
 * An RT ticket as a canonical Ticket. The requester is the first Requestor (the creator when there is none),
 * the assignee the Owner unless it is Nobody, the group the queue. Custom fields other than the tags field
 * become customFields (one value → a string, several → a list).
 *
 * @example
 * ```ts
 * ticketFromRt(RtTicket.parse(body), { baseUrl: 'https://rt.example.org' });
 * ```
 */
export function ticketFromRt(wire: RtTicket, context: RtContext = {}): Ticket {
  const id = String(wire.id);
  const issues: ValidationIssue[] = [];
  const requesterId = refId(wire.Requestor?.[0]) ?? refId(wire.Creator);
  if (!requesterId) issues.push({ path: ['Requestor'], code: 'invalid_type', message: 'no requestor' });
  const createdAt = rtDate(wire.Created);
  if (!createdAt || Number.isNaN(createdAt.getTime()))
    issues.push({ path: ['Created'], code: 'custom', message: 'expected an ISO 8601 timestamp' });
  if (issues.length > 0) throw new ValidationError('Request Tracker ticket', issues);
  const owner = refId(wire.Owner);
  const tagsField = context.tagsField ?? 'Tags';
  const customFields: Ticket['customFields'] = {};
  for (const cf of wire.CustomFields ?? []) {
    if (cf.name === tagsField) continue;
    const key = cf.name ?? String(cf.id);
    setField(
      customFields,
      key,
      cf.values.length === 1 ? cf.values[0]! : cf.values.length === 0 ? null : [...cf.values],
    );
  }
  const updatedAt = rtDate(wire.LastUpdated) ?? createdAt!;
  const status = statusFromRt(wire.Status);
  return {
    id,
    source: {
      adapter: ADAPTER,
      id,
      ...(context.baseUrl
        ? { url: `${context.baseUrl.replace(/\/$/, '')}/Ticket/Display.html?id=${id}` }
        : {}),
    },
    subject: wire.Subject ?? '',
    status,
    priority: priorityFromRt(wire.Priority),
    channel: 'other',
    requesterId: requesterId!,
    assigneeId: owner && !SYSTEM_USERS.has(owner) ? owner : null,
    groupId: refId(wire.Queue),
    organizationId: null,
    tags: tagsOfRt(wire, context),
    customFields,
    createdAt: createdAt!,
    updatedAt: updatedAt < createdAt! ? createdAt! : updatedAt,
    solvedAt: status === 'solved' || status === 'closed' ? rtDate(wire.Resolved) : null,
    dueAt: rtDate(wire.Due),
  };
}

/** Transaction types that carry a message, and whether the message is public. */
const MESSAGE_TYPES: ReadonlyMap<string, boolean> = new Map([
  ['Create', true],
  ['Correspond', true],
  ['Comment', false],
]);

/**
 * Whether a transaction carries a message (the opening one, a reply, or a private note).
 *
 * @example
 * ```ts
 * transactions.filter(isMessageTransaction); // Create, Correspond and Comment only
 * ```
 */
export const isMessageTransaction = (txn: RtTransaction) => MESSAGE_TYPES.has(txn.Type);

const transactionOf = (attachment: RtAttachment) =>
  String(
    typeof attachment.TransactionId === 'object' ? attachment.TransactionId.id : attachment.TransactionId,
  );

/**
 * A message transaction and its attachments as a canonical Message. The body is the first text/plain part (or
 * text/html, kept as `html` too); parts with a file name are attachments. The opening (`Create`) message is the
 * requester's, whoever called the API; otherwise a privileged author is an agent, RT itself the system.
 *
 * @example
 * ```ts
 * messageFromRt(txn, attachmentsOfTxn, { ticketId: '7', requesterId: 'ada@example.com', agents: new Set(['marco']) });
 * ```
 */
export function messageFromRt(
  txn: RtTransaction,
  attachments: readonly RtAttachment[],
  context: { ticketId: string; requesterId: string; agents: ReadonlySet<string> },
): Message {
  const parts = attachments.filter((a) => transactionOf(a) === String(txn.id));
  const isFile = (a: RtAttachment) => Boolean(a.Filename);
  const text = parts.find((a) => !isFile(a) && (a.ContentType ?? '').startsWith('text/plain'));
  const html = parts.find((a) => !isFile(a) && (a.ContentType ?? '').startsWith('text/html'));
  const creator = refId(txn.Creator) ?? context.requesterId;
  const authorId = txn.Type === 'Create' ? context.requesterId : creator;
  const authorRole =
    txn.Type === 'Create'
      ? 'end-user'
      : SYSTEM_USERS.has(authorId)
        ? 'system'
        : context.agents.has(authorId)
          ? 'agent'
          : 'end-user';
  const body = text?.Content ?? (html?.Content ? htmlToText(html.Content) : '');
  return {
    id: String(txn.id),
    ticketId: context.ticketId,
    source: { adapter: ADAPTER, id: String(txn.id) },
    authorId,
    authorRole,
    public: MESSAGE_TYPES.get(txn.Type) ?? false,
    body: withoutTrailingNewlines(body),
    ...(html?.Content ? { html: html.Content } : {}),
    channel: 'other',
    createdAt: new Date(txn.Created),
    attachments: parts.filter(isFile).map((a) => ({
      id: String(a.id),
      fileName: a.Filename!,
      contentType: a.ContentType ?? 'application/octet-stream',
      size: Number(a.ContentLength ?? a.Content?.length ?? 0),
    })),
  };
}

/** The text without its trailing line breaks, by a backward scan (`/\n+$/` is quadratic on a run of them). */
function withoutTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * The messages among a ticket's transactions, with their attachments. A Create without content (a ticket opened
 * with no description) is no message.
 *
 * @example
 * ```ts
 * messagesOfTransactions('7', 'ada@example.com', transactions, attachments, new Set(['marco']));
 * ```
 */
export function messagesOfTransactions(
  ticketId: string,
  requesterId: string,
  transactions: readonly RtTransaction[],
  attachments: readonly RtAttachment[],
  agents: ReadonlySet<string>,
): Message[] {
  // Each transaction's parts, found in one pass (a filter per transaction is quadratic on a long history).
  const parts = new Map<string, RtAttachment[]>();
  for (const attachment of attachments) {
    const id = transactionOf(attachment);
    const list = parts.get(id);
    if (list) list.push(attachment);
    else parts.set(id, [attachment]);
  }
  return transactions
    .filter(isMessageTransaction)
    .map((txn) => messageFromRt(txn, parts.get(String(txn.id)) ?? [], { ticketId, requesterId, agents }))
    .filter((m) => m.body !== '' || m.attachments.length > 0);
}

/**
 * A message to add as the body of REST2's correspond or comment call: plain text, files inline in base64.
 *
 * @example
 * ```ts
 * messageCreateToRt({ body: 'On it', public: true }); // { Content: 'On it', ContentType: 'text/plain' }
 * ```
 */
export function messageCreateToRt(message: MessageCreate): Record<string, unknown> {
  return {
    Content: message.body,
    ContentType: 'text/plain',
    ...(message.attachments?.length
      ? {
          Attachments: message.attachments.map((file) => ({
            FileName: file.fileName,
            FileType: file.contentType,
            FileContent: Buffer.from(file.data).toString('base64'),
          })),
        }
      : {}),
  };
}

const OWNER_CHANGES: ReadonlySet<string> = new Set(['Give', 'Take', 'Steal', 'Untake']);
/** Whether a transaction changes the owner: its old and new values are user numbers. */
const isOwnerChange = (txn: RtTransaction) =>
  txn.Type === 'Set' ? txn.Field === 'Owner' : OWNER_CHANGES.has(txn.Type);

/**
 * The users a ticket's transactions name: their authors (by name) and the owners they set (by number) — what
 * the adapter reads to tell agents from customers ({@link messagesOfTransactions}' `agents`) and to name owners
 * ({@link eventsFromRt}' `userNames`).
 *
 * @example
 * ```ts
 * usersNamedBy(transactions); // ['ada@example.com', 'marco', '14', …]
 * ```
 */
export function usersNamedBy(transactions: readonly RtTransaction[]): string[] {
  const keys = new Set<string>();
  for (const txn of transactions) {
    const author = refId(txn.Creator);
    if (author) keys.add(author);
    if (isOwnerChange(txn))
      for (const value of [txn.OldValue, txn.NewValue]) if (value && value !== '0') keys.add(value);
  }
  return [...keys];
}

/**
 * A ticket's status, priority, owner, queue and tag changes as canonical TicketEvents, in transaction order.
 * Owner values in RT transactions are user numbers: `userNames` turns them into the names users are known by.
 * Tag changes are replayed backwards from the ticket's current tags, one event per added or removed value.
 *
 * @example
 * ```ts
 * eventsFromRt('7', transactions, { currentTags: ['vip'], tagsFieldId: '2', userNames: new Map([['14', 'marco']]) });
 * ```
 */
export function eventsFromRt(
  ticketId: string,
  transactions: readonly RtTransaction[],
  context: { currentTags?: readonly string[]; tagsFieldId?: string; userNames?: ReadonlyMap<string, string> },
): TicketEvent[] {
  const names = context.userNames ?? new Map<string, string>();
  const user = (value: string | null | undefined) => {
    if (!value || value === '0') return null;
    const name = names.get(value) ?? value;
    return SYSTEM_USERS.has(name) ? null : name;
  };
  // Tags before each transaction, walking back from now.
  const tagsAfter = new Map<string, string[]>();
  let tags = [...(context.currentTags ?? [])];
  for (const txn of [...transactions].reverse()) {
    if (txn.Type !== 'CustomField' || String(txn.Field) !== context.tagsFieldId) continue;
    tagsAfter.set(String(txn.id), tags);
    const before = tags.filter((t) => t !== txn.NewValue);
    if (txn.OldValue) before.push(txn.OldValue);
    tags = before;
  }
  const out: TicketEvent[] = [];
  for (const txn of transactions) {
    const base = {
      id: String(txn.id),
      ticketId,
      at: new Date(txn.Created),
      actorId: user(refId(txn.Creator)),
    };
    if (txn.Type === 'Status' || (txn.Type === 'Set' && txn.Field === 'Status')) {
      out.push({
        ...base,
        type: 'status',
        from: txn.OldValue ? statusFromRt(txn.OldValue) : null,
        to: statusFromRt(txn.NewValue ?? ''),
      } as TicketEvent);
    } else if (txn.Type === 'Create') {
      out.push({ ...base, type: 'status', from: null, to: 'new' } as TicketEvent);
    } else if (txn.Type === 'Set' && txn.Field === 'Priority') {
      out.push({
        ...base,
        type: 'priority',
        from: txn.OldValue ? priorityFromRt(txn.OldValue) : null,
        to: priorityFromRt(txn.NewValue),
      } as TicketEvent);
    } else if (isOwnerChange(txn)) {
      out.push({
        ...base,
        type: 'assignee',
        from: user(txn.OldValue),
        to: user(txn.NewValue),
      } as TicketEvent);
    } else if (txn.Type === 'Set' && txn.Field === 'Queue') {
      out.push({
        ...base,
        type: 'group',
        from: txn.OldValue || null,
        to: txn.NewValue || null,
      } as TicketEvent);
    } else if (tagsAfter.has(String(txn.id))) {
      const to = tagsAfter.get(String(txn.id))!;
      const from = to.filter((t) => t !== txn.NewValue);
      if (txn.OldValue) from.push(txn.OldValue);
      // RT keeps no order among a field's values: sorted, so the same set always reads the same.
      out.push({ ...base, type: 'tags', from: from.sort(), to: [...to].sort() } as TicketEvent);
    }
  }
  return out;
}

/** RT's phone fields, in the order a card lists them. */
const PHONE_FIELDS = ['MobilePhone', 'WorkPhone', 'HomePhone', 'PagerPhone'] as const;

/**
 * Whether RT disabled the user: RT never deletes users — disabling is how a user is removed (their tickets keep
 * them) — so a disabled user is a deleted one. Unknown (undefined) when RT did not say: a summary, or a
 * collection item, whose `Disabled` is always empty.
 */
const disabledOf = (wire: RtUser): boolean | undefined =>
  wire.Disabled === undefined || wire.Disabled === null || wire.Disabled === ''
    ? undefined
    : String(wire.Disabled) !== '0';

/** Every way to reach the user RT holds: the address, each phone (E.164 where readable), and the name. */
function identitiesOf(wire: RtUser): CustomerInput['identities'] {
  const identities: NonNullable<CustomerInput['identities']> = [];
  const seen = new Set<string>();
  const add = (identity: NonNullable<CustomerInput['identities']>[number], key: string) => {
    if (seen.has(key)) return; // the same number in two fields is one identity
    seen.add(key);
    identities.push(identity);
  };
  const email = wire.EmailAddress?.trim();
  // RT accepts local addresses (root@localhost) that the model's e-mail type does not: kept as a handle.
  if (email && isEmail(email))
    add({ kind: 'email', value: email, primary: true }, `email:${email.toLowerCase()}`);
  else if (email)
    add({ kind: 'handle', channel: 'email', value: email }, `handle:email:${email.toLowerCase()}`);
  for (const field of PHONE_FIELDS) {
    const text = wire[field]?.trim();
    if (!text) continue;
    const e164 = phoneIdentityFromRt(text);
    // A national number names no country: kept as it is written, as a phone handle.
    if (e164) add({ kind: 'phone', value: e164 }, `phone:${e164}`);
    else add({ kind: 'handle', channel: 'phone', value: text }, `handle:phone:${text}`);
  }
  add({ kind: 'external', adapter: ADAPTER, value: wire.Name }, 'external');
  return identities;
}

/**
 * An unprivileged RT user as a customer card. The id is the user's name, the way REST2 refers to users; the
 * identities are the address, every phone field (E.164 where the number carries its country code, else a phone
 * handle as written) and the name. A disabled user — RT's way of deleting one — is `active: false, deleted:
 * true`. The signed notes appended to the user's `Comments` are the card's notes (other text there is not).
 *
 * RT shows a user's creation time only to an API user with AdminUsers: a summary (or a collection item read
 * without it) has none, and then `context.createdAt` — what the caller knows instead — is the card's; without
 * either it is a ValidationError naming `Created`, never a made-up date.
 *
 * @example
 * ```ts
 * customerFromRt(RtUser.parse(body)).identities; // [{ kind: 'email', value: 'ada@example.com', primary: true }, …]
 * customerFromRt(RtUser.parse(summary), { createdAt: firstTicketAt });
 * ```
 */
export function customerFromRt(wire: RtUser, context: { createdAt?: Date } = {}): Customer {
  const createdAt = rtDate(wire.Created) ?? context.createdAt;
  if (!createdAt)
    throw new ValidationError('Request Tracker user', [
      {
        path: ['Created'],
        code: 'invalid_type',
        message: 'RT sent no creation time (a summary, read without AdminUsers): pass { createdAt }',
      },
    ]);
  const updatedAt = rtDate(wire.LastUpdated);
  const disabled = disabledOf(wire);
  return parse(
    CustomerSchema,
    {
      id: wire.Name,
      sources: [{ adapter: ADAPTER, id: wire.Name }],
      name: wire.RealName || wire.Name,
      identities: identitiesOf(wire),
      organizationId: null,
      ...(wire.Lang ? { language: wire.Lang } : {}),
      ...(wire.Timezone ? { timeZone: wire.Timezone } : {}),
      // The signed notes supportkit appended (`customers.addNote`); other text in the field is left out.
      notes: notesFromText(wire.Comments),
      ...(disabled === undefined ? {} : { active: !disabled, deleted: disabled }),
      createdAt,
      ...(updatedAt ? { updatedAt: updatedAt < createdAt ? createdAt : updatedAt } : {}),
    },
    'Request Tracker user',
  );
}

/**
 * A new customer as the REST2 body that creates an unprivileged user: named by e-mail when there is one (RT
 * finds requesters by address), else by name.
 *
 * @example
 * ```ts
 * customerCreateToRt({ name: 'Ada', email: 'ada@example.com' }); // { Name: 'ada@example.com', RealName: 'Ada', … }
 * ```
 */
export function customerCreateToRt(input: CustomerCreate): Record<string, unknown> {
  return {
    Name: input.email ?? input.name,
    RealName: input.name,
    Privileged: 0,
    ...(input.email ? { EmailAddress: input.email } : {}),
    ...(input.phone ? { MobilePhone: input.phone } : {}),
    ...(input.language ? { Lang: input.language } : {}),
    ...(input.timeZone ? { Timezone: input.timeZone } : {}),
  };
}

/**
 * Customer changes as the REST2 user update body; only the fields the patch names.
 *
 * @example
 * ```ts
 * customerPatchToRt({ timeZone: 'Europe/Rome' }); // { Timezone: 'Europe/Rome' }
 * ```
 */
export function customerPatchToRt(patch: CustomerPatch): Record<string, unknown> {
  return {
    ...(patch.name !== undefined ? { RealName: patch.name } : {}),
    ...(patch.email !== undefined ? { EmailAddress: patch.email } : {}),
    ...(patch.phone !== undefined ? { MobilePhone: patch.phone } : {}),
    ...(patch.language !== undefined ? { Lang: patch.language } : {}),
    ...(patch.timeZone !== undefined ? { Timezone: patch.timeZone } : {}),
  };
}

/**
 * A privileged RT user as an agent.
 *
 * @example
 * ```ts
 * agentFromRt(RtUser.parse(body)).id; // 'marco'
 * ```
 */
export function agentFromRt(wire: RtUser): Agent {
  const updatedAt = rtDate(wire.LastUpdated);
  return parse(
    AgentSchema,
    {
      id: wire.Name,
      source: { adapter: ADAPTER, id: wire.Name },
      name: wire.RealName || wire.Name,
      // A local address (root@localhost) is not an e-mail the model accepts; the agent keeps its name.
      ...(isEmail(wire.EmailAddress) ? { email: wire.EmailAddress } : {}),
      ...(wire.Lang ? { languages: [wire.Lang] } : {}),
      ...(wire.Timezone ? { timeZone: wire.Timezone } : {}),
      active: disabledOf(wire) !== true,
      ...(rtDate(wire.Created) ? { createdAt: rtDate(wire.Created) } : {}),
      ...(updatedAt ? { updatedAt } : {}),
    },
    'Request Tracker user',
  );
}

/**
 * An RT queue as a group.
 *
 * @example
 * ```ts
 * groupFromRt({ id: 3, Name: 'Billing' }); // { id: '3', name: 'Billing', … }
 * ```
 */
export function groupFromRt(wire: RtQueue): Group {
  const updatedAt = rtDate(wire.LastUpdated);
  return {
    id: String(wire.id),
    source: { adapter: ADAPTER, id: String(wire.id) },
    name: wire.Name,
    ...(wire.Description ? { description: wire.Description } : {}),
    scheduleId: null,
    ...(updatedAt ? { updatedAt } : {}),
  };
}

/**
 * A new ticket as the REST2 create body, in `queue`. The description is the opening message. A requester given
 * by e-mail goes as RT's own `Requestor` mailbox (`"Name" <address>`): RT uses the user with that address
 * (compared case-insensitively) or creates one, taking the display name as its RealName.
 *
 * @example
 * ```ts
 * ticketCreateToRt({ subject: 'Printer on fire', requesterId: 'ada@example.com', tags: ['hw'] }, 'General');
 * ticketCreateToRt({ subject: 'Printer on fire', requester: { email: 'ada@example.com' } }, 'General');
 * ```
 */
export function ticketCreateToRt(
  input: TicketCreate,
  queue: string,
  context: RtContext = {},
): Record<string, unknown> {
  return {
    Queue: queue,
    Subject: input.subject,
    Requestor: input.requester ? mailbox(input.requester) : input.requesterId,
    ...(input.description ? { Content: input.description, ContentType: 'text/plain' } : {}),
    ...(input.status ? { Status: statusToRt(input.status) } : {}),
    ...(input.priority ? { Priority: priorityToRt(input.priority) } : {}),
    ...(input.assigneeId ? { Owner: input.assigneeId } : {}),
    ...customFieldsToRt(input.customFields, input.tags, context),
  };
}

/**
 * A requester as an RFC 5322 mailbox, the form RT parses a `Requestor` in: the display name quoted (quotes and
 * backslashes escaped, line breaks flattened so nothing can start a new header in RT's notifications).
 */
function mailbox(requester: { email: string; name?: string | undefined }): string {
  if (!requester.name) return requester.email;
  const name = requester.name.replace(/[\r\n\t]+/g, ' ').replace(/["\\]/g, '\\$&');
  return `"${name}" <${requester.email}>`;
}

/** Custom fields (and tags, into the tags field) as REST2's `CustomFields` object; nothing when there are none. */
function customFieldsToRt(
  fields: TicketCreate['customFields'],
  tags: readonly string[] | undefined,
  context: RtContext,
): { CustomFields?: Record<string, string | string[]> } {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(fields ?? {}))
    setField(out, name, Array.isArray(value) ? value.map(String) : value === null ? '' : String(value));
  if (tags !== undefined) setField(out, context.tagsField ?? 'Tags', [...tags]);
  return Object.keys(out).length ? { CustomFields: out } : {};
}

/**
 * Ticket changes as the REST2 update body. A group id moves the ticket to that queue; a null assignee gives
 * the ticket back to Nobody.
 *
 * @example
 * ```ts
 * ticketPatchToRt({ status: 'solved', assigneeId: 'marco' }); // { Status: 'resolved', Owner: 'marco' }
 * ```
 */
export function ticketPatchToRt(patch: TicketPatch, context: RtContext = {}): Record<string, unknown> {
  return {
    ...(patch.subject !== undefined ? { Subject: patch.subject } : {}),
    ...(patch.status !== undefined ? { Status: statusToRt(patch.status) } : {}),
    ...(patch.priority !== undefined ? { Priority: priorityToRt(patch.priority) } : {}),
    ...(patch.assigneeId !== undefined ? { Owner: patch.assigneeId ?? 'Nobody' } : {}),
    ...(patch.groupId ? { Queue: patch.groupId } : {}),
    ...customFieldsToRt(patch.customFields, patch.tags, context),
  };
}
