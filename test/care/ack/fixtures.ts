import type { MessageInput, SlaPolicyInput } from '../../../src/index.js';

/** Shared fixtures for the acknowledgement tests: a Rome Mon–Fri 9:00–18:00 schedule with Christmas closed. */
export const weekdays = [1, 2, 3, 4, 5].map((d) => ({ start: d * 1440 + 540, end: d * 1440 + 1080 }));

export const rome = {
  timeZone: 'Europe/Rome',
  intervals: weekdays,
  holidays: [{ name: 'Natale', startDate: '2026-12-25', endDate: '2026-12-26' }],
};

/** A normal-priority first-reply target of 240 business minutes (four working hours). */
export const standard: SlaPolicyInput = {
  id: 'sla-standard',
  title: 'Standard',
  targets: [
    { priority: 'normal', metric: 'firstReply', minutes: 240, businessHours: true },
    { priority: 'urgent', metric: 'firstReply', minutes: 60, businessHours: false },
  ],
};

export function ticket(id: string, createdAt: string, fields: Record<string, unknown> = {}) {
  return {
    id,
    subject: 'Ordine non arrivato',
    status: 'open',
    priority: 'normal',
    channel: 'email',
    requesterId: 'c1',
    createdAt,
    updatedAt: createdAt,
    ...fields,
  };
}

export function reply(
  id: string,
  ticketId: string,
  createdAt: string,
  authorRole: MessageInput['authorRole'] = 'agent',
): MessageInput {
  return {
    id,
    ticketId,
    authorId: authorRole === 'agent' ? 'a1' : 'bot',
    authorRole,
    public: true,
    body: 'ok',
    createdAt,
  };
}

/** The customer's opening message, at the ticket's creation (without it an agent's first message opens it). */
export function opener(ticketId: string, createdAt: string): MessageInput {
  return {
    id: `open-${ticketId}`,
    ticketId,
    authorId: 'c1',
    authorRole: 'end-user',
    public: true,
    body: 'help',
    createdAt,
  };
}
