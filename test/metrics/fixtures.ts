import {
  type Message,
  parseMessage,
  parseTicket,
  parseTicketEvent,
  type Ticket,
  type TicketEvent,
} from '../../src/index.js';

/** Minutes after Monday 2026-03-02 09:00 Rome (08:00Z), as an ISO instant. */
export const at = (minutes: number) =>
  new Date(Date.parse('2026-03-02T08:00:00Z') + minutes * 60_000).toISOString();

export function ticket(overrides: Record<string, unknown> = {}): Ticket {
  return parseTicket({
    id: 't1',
    subject: 'Help',
    status: 'open',
    priority: 'normal',
    requesterId: 'c1',
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  });
}

let seq = 0;
/** A message: who ('c' customer, 'a' agent, 'n' private agent note, 's' system) and when (minutes). */
export function msg(who: 'c' | 'a' | 'n' | 's', minutes: number, ticketId = 't1'): Message {
  return parseMessage({
    id: `m${++seq}`,
    ticketId,
    authorId: who === 'c' ? 'c1' : who === 's' ? 'system' : 'a1',
    authorRole: who === 'c' ? 'end-user' : who === 's' ? 'system' : 'agent',
    public: who !== 'n',
    body: '…',
    createdAt: at(minutes),
  });
}

/** Status changes: [minutes, from, to]. */
export function statuses(...changes: [number, string | null, string][]): TicketEvent[] {
  return changes.map(([minutes, from, to]) =>
    parseTicketEvent({ id: `e${++seq}`, ticketId: 't1', type: 'status', at: at(minutes), from, to }),
  );
}

export function event(type: string, minutes: number, from: unknown, to: unknown): TicketEvent {
  return parseTicketEvent({ id: `e${++seq}`, ticketId: 't1', type, at: at(minutes), from, to });
}
