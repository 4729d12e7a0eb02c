import type { CardTicket, CardTimelineEntry } from '../../models/customer-card.js';
import type { Message } from '../../models/message.js';
import type { CesResponse, CsatResponse, NpsResponse } from '../../models/survey.js';
import type { Ticket } from '../../models/ticket.js';
import type { TicketEvent } from '../../models/ticket-event.js';

/**
 * A ticket's surveys, by kind.
 * @example `const surveys: TicketSurveys = { csat: [], nps: [], ces: [] };`
 */
export interface TicketSurveys {
  csat: CsatResponse[];
  nps: NpsResponse[];
  ces: CesResponse[];
}

const KIND_ORDER = new Map([
  ['message', 0],
  ['status', 1],
  ['csat', 2],
  ['nps', 3],
  ['ces', 4],
]);

/**
 * Whether anybody on the team has acted on a ticket: an agent wrote on it (public reply or private note), or a
 * person other than the requester changed it (status, assignee, priority…). Triggers and automations
 * (`actorId: null`, `authorRole: 'system'`) do not count: the seeds' red means no person has picked it up.
 * @example `hasBeenActedOn(ticket, messages, events) // false for a fresh e-mail`
 */
export function hasBeenActedOn(ticket: Ticket, messages: readonly Message[], events: readonly TicketEvent[]) {
  if (messages.some((message) => message.authorRole === 'agent')) return true;
  return events.some((event) => event.actorId !== null && event.actorId !== ticket.requesterId);
}

/**
 * One ticket on a card: its messages (public and private), status changes and survey answers as one timeline,
 * oldest first (ties: messages, then status changes, then surveys; then by id), so equal input gives equal output.
 * `nameOf` names a message's author (an agent, or the customer under one of their helpdesk ids).
 * @example `cardTicket(ticket, messages, events, surveys, (id) => agents.get(id)?.name ?? null).timeline[0]?.kind // 'message'`
 */
export function cardTicket(
  ticket: Ticket,
  messages: readonly Message[],
  events: readonly TicketEvent[],
  surveys: TicketSurveys,
  nameOf: (id: string) => string | null,
): CardTicket {
  const timeline: CardTimelineEntry[] = [];
  for (const m of messages) {
    timeline.push({
      kind: 'message',
      id: m.id,
      at: m.createdAt,
      authorId: m.authorId,
      authorName: nameOf(m.authorId),
      authorRole: m.authorRole,
      public: m.public,
      body: m.body,
      channel: m.channel ?? null,
    });
  }
  for (const e of events) {
    if (e.type === 'status') {
      timeline.push({ kind: 'status', id: e.id, at: e.at, actorId: e.actorId, from: e.from, to: e.to });
    }
  }
  for (const s of surveys.csat) {
    timeline.push({ kind: 'csat', id: s.id, at: s.createdAt, rating: s.rating, comment: s.comment ?? null });
  }
  for (const s of surveys.nps) {
    timeline.push({ kind: 'nps', id: s.id, at: s.createdAt, score: s.score, comment: s.comment ?? null });
  }
  for (const s of surveys.ces) {
    timeline.push({ kind: 'ces', id: s.id, at: s.createdAt, score: s.score, comment: s.comment ?? null });
  }
  timeline.sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return {
    id: ticket.id,
    source: ticket.source ?? null,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    channel: ticket.channel,
    tags: ticket.tags,
    assigneeId: ticket.assigneeId,
    acted: hasBeenActedOn(ticket, messages, events),
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    solvedAt: ticket.solvedAt,
    timeline,
  };
}
