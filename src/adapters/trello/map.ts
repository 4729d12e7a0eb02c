/**
 * Pure mapping between Trello and the canonical models: the only place that knows Trello's field names, so
 * nothing after the adapter's boundary does. A board is a helpdesk: its lists are
 * statuses, its cards tickets, labels tags (or a priority), members agents, comment actions messages, and the
 * card moves, label and member changes in its actions the tickets' history.
 */
import { ValidationError } from '../../errors/validation.js';
import type { Agent } from '../../models/agent.js';
import { setField } from '../../models/helpers.js';
import type { AttachmentUpload } from '../../models/inputs.js';
import type { Message } from '../../models/message.js';
import type { Ticket, TicketPriority, TicketStatus } from '../../models/ticket.js';
import type { TicketEvent } from '../../models/ticket-event.js';
import type {
  TrelloAction,
  TrelloAttachment,
  TrelloCard,
  TrelloCustomField,
  TrelloLabel,
  TrelloList,
  TrelloMember,
} from './wire.js';

/** The adapter's name, in sources and checkpoints: the one constant the context re-exports. */
export const ADAPTER = 'trello';

/** How a board maps onto the canonical model. Every part has a default. */
export interface TrelloMapping {
  /** List name (case-insensitive) or id → status. Lists not named here go by {@link statusForListName}. */
  lists?: Record<string, TicketStatus>;
  /** Label name (case-insensitive) → priority; such labels are not tags. @default urgent/high/low by name */
  priorityLabels?: Record<string, TicketPriority>;
  /**
   * A custom field (a dropdown or text) whose value names the priority — low, normal, high, urgent, or a name in
   * `priorityLabels`. It wins over priority labels.
   */
  priorityField?: string;
  /** The text custom field holding the requester. @default 'Requester' */
  requesterField?: string;
  /** A comment starting with this is a private note (Trello has no private comments). @default '[private] ' */
  privateNotePrefix?: string;
}

/** What the mapping needs to know about the board. */
export interface TrelloBoard {
  /** List id → name. */
  lists: ReadonlyMap<string, string>;
  /** Label id → name. */
  labels: ReadonlyMap<string, string>;
  customFields: readonly TrelloCustomField[];
  /** Member ids of the board: the agents. */
  members: ReadonlySet<string>;
}

/**
 * The board as the mapping knows it, plus what writes look up: the open lists in board order with their
 * statuses, and label ids by lower-cased tag.
 * @example `boardShapeFromTrello({ lists, labels, customFields, members }).listIds[0]; // { id, status: 'new' }`
 */
export interface TrelloBoardShape extends TrelloBoard {
  listIds: { id: string; status: TicketStatus }[];
  labelIds: Map<string, string>;
}

/**
 * The board's lists, labels, custom fields and members as {@link TrelloBoardShape}: names by id for the mapping,
 * open lists by position with their statuses and label ids by tag for writes.
 *
 * @example
 * ```ts
 * boardShapeFromTrello({ lists, labels, customFields, members }, { lists: { Triage: 'new' } });
 * ```
 */
export function boardShapeFromTrello(
  wire: {
    lists: readonly TrelloList[];
    labels: readonly TrelloLabel[];
    customFields: readonly TrelloCustomField[];
    members: readonly TrelloMember[];
  },
  mapping: TrelloMapping = {},
): TrelloBoardShape {
  const board: TrelloBoard = {
    lists: new Map(wire.lists.map((l) => [l.id, l.name])),
    labels: new Map(wire.labels.map((l) => [l.id, labelTag(l)])),
    customFields: [...wire.customFields],
    members: new Set(wire.members.map((m) => m.id)),
  };
  return {
    ...board,
    listIds: wire.lists
      .filter((l) => !l.closed)
      .sort((a, b) => (a.pos ?? 0) - (b.pos ?? 0))
      .map((l) => ({ id: l.id, status: statusOfList(l.id, board, mapping) })),
    labelIds: new Map(wire.labels.map((l) => [labelTag(l).toLowerCase(), l.id])),
  };
}

/**
 * The id of the card an action is about, if it names one.
 * @example `cardIdOfAction(action); // '5abbe4b7ddc1b351ef961414'`
 */
export const cardIdOfAction = (action: TrelloAction): string | undefined => {
  const card = action.data.card as { id?: unknown } | undefined;
  return typeof card?.id === 'string' && card.id !== '' ? card.id : undefined;
};

/**
 * An uploaded file as a message attachment: Trello's size when it tells, else the bytes sent.
 *
 * @example
 * ```ts
 * attachmentFromTrello({ id: 'a1', bytes: 12, url: 'https://trello.com/…' }, file);
 * ```
 */
export function attachmentFromTrello(
  uploaded: TrelloAttachment,
  file: AttachmentUpload,
): Message['attachments'][number] {
  return {
    id: uploaded.id,
    fileName: file.fileName,
    contentType: file.contentType,
    size: uploaded.bytes ?? file.data.byteLength,
    ...(uploaded.url ? { url: uploaded.url } : {}),
  };
}

const DEFAULT_PRIORITY_LABELS: Record<string, TicketPriority> = {
  urgent: 'urgent',
  p1: 'urgent',
  high: 'high',
  'high priority': 'high',
  p2: 'high',
  low: 'low',
  'low priority': 'low',
  p4: 'low',
};

/**
 * A status from a list's name, by the names support boards use: Inbox/New/To do/Backlog/Triage → new,
 * On hold/Hold/Blocked → hold, Waiting/Pending/Awaiting → pending, Doing/In progress/Working/Open → open,
 * Done/Resolved/Closed/Complete → solved; anything else → open.
 *
 * @example
 * ```ts
 * statusForListName('✅ Done'); // 'solved'
 * ```
 */
export function statusForListName(name: string): TicketStatus {
  for (const [pattern, status] of LIST_NAME_STATUSES) if (pattern.test(name)) return status;
  return 'open';
}

/**
 * Common list names and the status each stands for, first match wins. One table for the adapter and the Trello
 * webhook parser, so a card reads the same whether it was listed or pushed.
 */
const LIST_NAME_STATUSES: readonly (readonly [RegExp, TicketStatus])[] = [
  [/\b(inbox|new|incoming|to ?do|backlog|triage)\b/i, 'new'],
  [/\b(on hold|hold|blocked)\b/i, 'hold'],
  [/\b(waiting|pending|awaiting)\b/i, 'pending'],
  [/\b(doing|in progress|working|active|open)\b/i, 'open'],
  [/\b(done|closed|resolved|solved|complete(d)?)\b/i, 'solved'],
];

/**
 * The status of a list (by id), as the mapping and the list's name say.
 *
 * @example
 * ```ts
 * statusOfList(card.idList, board, { lists: { 'Waiting on vendor': 'hold' } }); // 'hold'
 * ```
 */
export function statusOfList(listId: string, board: TrelloBoard, mapping: TrelloMapping = {}): TicketStatus {
  const name = board.lists.get(listId);
  const explicit = Object.entries(mapping.lists ?? {}).find(
    ([key]) => key === listId || (name !== undefined && key.toLowerCase() === name.toLowerCase()),
  );
  if (explicit) return explicit[1];
  return name === undefined ? 'open' : statusForListName(name);
}

const priorityOfLabel = (name: string, mapping: TrelloMapping): TicketPriority | undefined => {
  const table = mapping.priorityLabels ?? DEFAULT_PRIORITY_LABELS;
  return Object.entries(table).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
};

/**
 * When a Trello object was created: its id starts with the Unix time in seconds, as 8 hex digits.
 *
 * @example
 * ```ts
 * createdAtOfTrelloId('5abbe4b7ddc1b351ef961414'); // 2018-03-28T18:53:43.000Z
 * ```
 */
export function createdAtOfTrelloId(id: string): Date {
  const seconds = Number.parseInt(id.slice(0, 8), 16);
  if (!/^[0-9a-f]{24}$/i.test(id) || !Number.isFinite(seconds))
    throw new ValidationError('Trello id', [
      { path: ['id'], code: 'custom', message: 'expected 24 hex digits' },
    ]);
  return new Date(seconds * 1000);
}

/**
 * The requester of a card whose maker Trello no longer tells (a card of a board copied from a template, one
 * whose creating action is past the actions read): a ticket needs a requester, and inventing a person would be
 * worse than saying nobody knows.
 */
export const UNKNOWN_REQUESTER = 'trello:unknown';

/** Actions that bring a card into being, each naming who did it. */
const CREATING = new Set([
  'createCard',
  'copyCard',
  'convertToCardFromCheckItem',
  'emailCard',
  'moveCardToBoard',
]);

/**
 * The tag of a label: its name, or for an unnamed label its colour (`color:green`) — Trello shows those by
 * colour alone, and teams use them — or its id when it has neither.
 *
 * @example
 * ```ts
 * labelTag({ id: '57ab3cf884e677fd36e00cc7', name: '', color: 'green' }); // 'color:green'
 * ```
 */
export function labelTag(label: { id?: string; name?: string | null; color?: string | null }): string {
  if (label.name) return label.name;
  if (label.color) return `color:${label.color}`;
  return `label:${label.id ?? ''}`;
}

/**
 * The board's text custom field that holds requesters (`mapping.requesterField`, by name, case-insensitive).
 *
 * @example
 * ```ts
 * requesterFieldOf(board)?.id; // the id of the board's "Requester" field, if it has one
 * ```
 */
export function requesterFieldOf(
  board: Pick<TrelloBoard, 'customFields'>,
  mapping: TrelloMapping = {},
): TrelloCustomField | undefined {
  const name = (mapping.requesterField ?? 'Requester').toLowerCase();
  return board.customFields.find((f) => (f.name ?? f.display?.name ?? '').toLowerCase() === name);
}

/**
 * The requester of a card: the requester custom field, else whoever created it (a create, copy, conversion,
 * e-mail or move-in action), else whoever acted on it first; null when no action is known.
 *
 * @example
 * ```ts
 * requesterOfCard(card, board); // 'ada@example.com' (the Requester field), else the creator's member id
 * ```
 */
export function requesterOfCard(
  card: TrelloCard,
  board: TrelloBoard,
  mapping: TrelloMapping = {},
): string | null {
  const field = requesterFieldOf(board, mapping);
  const item = field ? card.customFieldItems?.find((i) => i.idCustomField === field.id) : undefined;
  const text = item?.value?.text;
  if (typeof text === 'string' && text !== '') return text;
  const actions = card.actions ?? [];
  const creator = actions.find((a) => CREATING.has(a.type) && a.idMemberCreator)?.idMemberCreator;
  if (creator) return creator;
  const first = [...actions]
    .filter((a) => a.idMemberCreator)
    .sort((a, b) => Date.parse(a.date) - Date.parse(b.date))[0];
  return first?.idMemberCreator ?? null;
}

/**
 * A card's label names, split into tags and the priority a priority label gives.
 *
 * @example
 * ```ts
 * labelsOfCard(card, board); // { tags: ['vip'], priority: 'urgent' } for labels vip and Urgent
 * ```
 */
export function labelsOfCard(
  card: TrelloCard,
  board: TrelloBoard,
  mapping: TrelloMapping = {},
): { tags: string[]; priority: TicketPriority | null } {
  const names = (card.labels ?? [])
    .map((l) => (typeof l === 'string' ? board.labels.get(l) : labelTag(l)) ?? '')
    .filter(Boolean);
  for (const id of card.idLabels ?? []) {
    const name = board.labels.get(id);
    if (name && !names.includes(name)) names.push(name);
  }
  const priorities = names.map((n) => priorityOfLabel(n, mapping)).filter((p): p is TicketPriority => !!p);
  const rank: TicketPriority[] = ['urgent', 'high', 'normal', 'low'];
  const priority = priorities.sort((a, b) => rank.indexOf(a) - rank.indexOf(b))[0] ?? null;
  return { tags: names.filter((n) => !priorityOfLabel(n, mapping)), priority };
}

/**
 * The value of a custom field item in its own type. Trello sends every value as text under a key naming its
 * type — `{ number: "42" }`, `{ checked: "true" }`, `{ text: "…" }`, `{ date: "2026-…" }` — so a number field
 * becomes a number and a checkbox a boolean, not the strings Trello wraps them in; a number Trello could not
 * have written stays the text it was.
 * See https://developer.atlassian.com/cloud/trello/guides/rest-api/getting-started-with-custom-fields/
 *
 * @example
 * ```ts
 * customFieldValue({ number: '42' }); // 42
 * customFieldValue({ checked: 'true' }); // true
 * ```
 */
export function customFieldValue(value: Record<string, unknown> | null | undefined): unknown {
  if (!value) return undefined;
  if (Object.hasOwn(value, 'number')) {
    const text = value.number;
    if (typeof text === 'number') return text;
    const number = typeof text === 'string' && text.trim() !== '' ? Number(text) : Number.NaN;
    return Number.isFinite(number) ? number : text;
  }
  if (Object.hasOwn(value, 'checked')) {
    const checked = value.checked;
    return checked === true || checked === 'true'
      ? true
      : checked === false || checked === 'false'
        ? false
        : checked;
  }
  for (const key of ['text', 'date']) if (Object.hasOwn(value, key)) return value[key];
  return Object.values(value)[0];
}

/**
 * A card as a canonical Ticket: its list is its status (an archived card is closed), labels are tags or its
 * priority (none: null), its first member the assignee, other custom fields customFields in their own types
 * (numbers, booleans, text; see {@link customFieldValue}). A card whose maker
 * is unknown gets {@link UNKNOWN_REQUESTER} rather than failing the whole list.
 *
 * @example
 * ```ts
 * ticketFromTrello(TrelloCard.parse(body), board, { lists: { 'Waiting on customer': 'pending' } });
 * ```
 */
export function ticketFromTrello(card: TrelloCard, board: TrelloBoard, mapping: TrelloMapping = {}): Ticket {
  const requesterId = requesterOfCard(card, board, mapping) ?? UNKNOWN_REQUESTER;
  const createdAt = createdAtOfTrelloId(card.id);
  const updated = card.dateLastActivity ? new Date(card.dateLastActivity) : createdAt;
  const { tags, priority } = labelsOfCard(card, board, mapping);
  const requesterField = (mapping.requesterField ?? 'Requester').toLowerCase();
  const priorityField = mapping.priorityField?.toLowerCase();
  let fieldPriority: TicketPriority | undefined;
  const customFields: Ticket['customFields'] = {};
  for (const item of card.customFieldItems ?? []) {
    const field = board.customFields.find((f) => f.id === item.idCustomField);
    const name = field?.name ?? field?.display?.name ?? item.idCustomField;
    if (name.toLowerCase() === requesterField) continue;
    const option = item.idValue ? field?.options?.find((o) => o.id === item.idValue)?.value?.text : undefined;
    const raw = option ?? customFieldValue(item.value);
    if (name.toLowerCase() === priorityField && typeof raw === 'string') {
      const named = raw.toLowerCase();
      fieldPriority =
        (['low', 'normal', 'high', 'urgent'] as const).find((p) => p === named) ??
        priorityOfLabel(raw, mapping);
      if (fieldPriority) continue;
    }
    // The field's name is whatever the board's admin typed, `__proto__` included: an own property, always.
    setField(
      customFields,
      name,
      typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
        ? raw
        : raw == null
          ? null
          : JSON.stringify(raw),
    );
  }
  const status = card.closed ? 'closed' : statusOfList(card.idList, board, mapping);
  return {
    id: card.id,
    source: {
      adapter: ADAPTER,
      id: card.id,
      ...(card.shortUrl || card.url ? { url: card.shortUrl ?? card.url } : {}),
    },
    subject: card.name,
    ...(card.desc ? { description: card.desc } : {}),
    status,
    priority: fieldPriority ?? priority,
    channel: 'other',
    requesterId,
    assigneeId: card.idMembers?.[0] ?? null,
    groupId: null,
    organizationId: null,
    tags,
    customFields,
    createdAt,
    updatedAt: updated < createdAt ? createdAt : updated,
    solvedAt: null,
    dueAt: card.due ? new Date(card.due) : null,
  };
}

/**
 * A card's messages: its description is the opening message, by the requester; each comment action a reply by
 * its author — a private note when it starts with the private-note prefix (stripped). Members are agents.
 *
 * @example
 * ```ts
 * messagesFromTrello(ticket, commentActions, board);
 * ```
 */
export function messagesFromTrello(
  ticket: Pick<Ticket, 'id' | 'description' | 'requesterId' | 'createdAt'>,
  comments: readonly TrelloAction[],
  board: TrelloBoard,
  mapping: TrelloMapping = {},
): Message[] {
  const prefix = mapping.privateNotePrefix ?? '[private] ';
  const out: Message[] = [];
  if (ticket.description)
    out.push({
      id: `${ticket.id}:desc`,
      ticketId: ticket.id,
      source: { adapter: ADAPTER, id: ticket.id },
      authorId: ticket.requesterId,
      authorRole: board.members.has(ticket.requesterId) ? 'agent' : 'end-user',
      public: true,
      body: ticket.description,
      channel: 'other',
      createdAt: ticket.createdAt,
      attachments: [],
    });
  for (const action of comments) {
    if (action.type !== 'commentCard') continue;
    const text = typeof action.data.text === 'string' ? action.data.text : '';
    const isPrivate = prefix !== '' && text.startsWith(prefix);
    const authorId = action.idMemberCreator ?? ticket.requesterId;
    out.push({
      id: action.id,
      ticketId: ticket.id,
      source: { adapter: ADAPTER, id: action.id },
      authorId,
      authorRole: board.members.has(authorId) ? 'agent' : 'end-user',
      public: !isPrivate,
      body: isPrivate ? text.slice(prefix.length) : text,
      channel: 'other',
      createdAt: new Date(action.date),
      attachments: [],
    });
  }
  return out;
}

const listIdOf = (value: unknown) =>
  value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string'
    ? (value as { id: string }).id
    : undefined;

/**
 * A card's history from its actions (oldest first): list moves and archiving are status changes, member changes
 * assignee changes, label changes tag or priority changes. Tags are replayed backwards from the card's current
 * labels.
 *
 * @example
 * ```ts
 * eventsFromTrello(ticket, actions, board);
 * ```
 */
export function eventsFromTrello(
  ticket: Pick<Ticket, 'id' | 'tags' | 'priority'>,
  actions: readonly TrelloAction[],
  board: TrelloBoard,
  mapping: TrelloMapping = {},
  options: { tags?: boolean } = {},
): TicketEvent[] {
  const labelName = (a: TrelloAction) => {
    const label = a.data.label as { id?: string; name?: string; color?: string } | undefined;
    if (!label) return '';
    return label.name || (label.id ? board.labels.get(label.id) : undefined) || labelTag(label);
  };
  const tagsAfter = new Map<string, string[]>();
  let tags = [...ticket.tags];
  for (const a of [...actions].reverse()) {
    if (
      (a.type !== 'addLabelToCard' && a.type !== 'removeLabelFromCard') ||
      priorityOfLabel(labelName(a), mapping)
    )
      continue;
    tagsAfter.set(a.id, tags);
    tags = a.type === 'addLabelToCard' ? tags.filter((t) => t !== labelName(a)) : [...tags, labelName(a)];
  }
  const out: TicketEvent[] = [];
  let listStatus: TicketStatus | null = null;
  for (const a of actions) {
    const base = { id: a.id, ticketId: ticket.id, at: new Date(a.date), actorId: a.idMemberCreator ?? null };
    const status = (listId: string | undefined) => (listId ? statusOfList(listId, board, mapping) : null);
    if (a.type === 'createCard') {
      listStatus = status(listIdOf(a.data.list)) ?? 'new';
      out.push({ ...base, type: 'status', from: null, to: listStatus } as TicketEvent);
    } else if (a.type === 'updateCard' && a.data.listAfter) {
      const before = listIdOf(a.data.listBefore);
      const after = listIdOf(a.data.listAfter);
      const from = status(before);
      const to = status(after) ?? 'open';
      listStatus = to;
      // Every move is a stage change, even between two lists of one status; a status change only when it is.
      out.push({ ...base, id: `${a.id}:stage`, type: 'stage', from: before ?? null, to: after ?? null });
      if (from !== to) out.push({ ...base, type: 'status', from, to } as TicketEvent);
    } else if (
      a.type === 'updateCard' &&
      a.data.old &&
      typeof (a.data.old as { closed?: unknown }).closed === 'boolean'
    ) {
      const card = a.data.card as { closed?: boolean; idList?: string } | undefined;
      const open = status(card?.idList) ?? listStatus ?? 'open';
      out.push(
        (card?.closed
          ? { ...base, type: 'status', from: open, to: 'closed' }
          : { ...base, type: 'status', from: 'closed', to: open }) as TicketEvent,
      );
    } else if (a.type === 'addMemberToCard' || a.type === 'removeMemberFromCard') {
      const member = typeof a.data.idMember === 'string' ? a.data.idMember : null;
      out.push(
        (a.type === 'addMemberToCard'
          ? { ...base, type: 'assignee', from: null, to: member }
          : { ...base, type: 'assignee', from: member, to: null }) as TicketEvent,
      );
    } else if (a.type === 'addLabelToCard' || a.type === 'removeLabelFromCard') {
      const name = labelName(a);
      const priority = priorityOfLabel(name, mapping);
      if (priority) {
        out.push(
          (a.type === 'addLabelToCard'
            ? { ...base, type: 'priority', from: null, to: priority }
            : { ...base, type: 'priority', from: priority, to: null }) as TicketEvent,
        );
      } else if (options.tags !== false && tagsAfter.has(a.id)) {
        const to = tagsAfter.get(a.id)!;
        const from = a.type === 'addLabelToCard' ? to.filter((t) => t !== name) : [...to, name];
        out.push({ ...base, type: 'tags', from: [...from].sort(), to: [...to].sort() } as TicketEvent);
      }
    }
  }
  return out;
}

/**
 * A board member as an agent.
 *
 * @example
 * ```ts
 * agentFromTrello({ id: '5abbe4b7ddc1b351ef961414', fullName: 'Marco Bianchi', username: 'marco' });
 * ```
 */
export function agentFromTrello(member: TrelloMember): Agent {
  return {
    id: member.id,
    source: { adapter: ADAPTER, id: member.id },
    name: member.fullName || member.username || member.id,
    role: 'agent',
    groupIds: [],
    scheduleId: null,
    languages: [],
    active: true,
  };
}
