/**
 * One small support story every adapter is checked on, with its metrics worked out by hand: Friday 16:30 a
 * customer writes; an agent leaves a private note at 16:40 and replies publicly on Monday at 09:15; the ticket is
 * resolved on Monday at 10:00. Support works Monday to Friday, 09:00–17:00 UTC.
 */
import { expect } from 'vitest';
import {
  type DatasetRecord,
  firstReplyTime,
  type Message,
  parseDataset,
  resolutionTimes,
  type Schedule,
  type Ticket,
  type TicketEvent,
} from '../../src/index.js';

const at = (iso: string) => new Date(iso).toISOString();

/** The story as a dataset. `notePrefix` marks the private note for vendors that mark them in the text. */
export function storyDataset(options: { requesterId: string; withCustomer?: boolean; notePrefix?: string }) {
  const { requesterId } = options;
  return parseDataset({
    customers: options.withCustomer
      ? [
          {
            id: requesterId,
            name: 'Ada',
            identities: [{ kind: 'email', value: 'ada@example.com' }],
            createdAt: at('2026-01-01T00:00:00Z'),
          },
        ]
      : [],
    agents: [{ id: 'a', name: 'Marco', email: 'marco@support.example.com' }],
    tickets: [
      {
        id: 't',
        subject: 'Invoice is wrong',
        status: 'solved',
        requesterId,
        createdAt: at('2026-03-06T16:30:00Z'),
        updatedAt: at('2026-03-09T10:00:00Z'),
      },
    ],
    messages: [
      {
        id: 'm1',
        ticketId: 't',
        authorId: requesterId,
        authorRole: 'end-user',
        public: true,
        body: 'My invoice is wrong',
        createdAt: at('2026-03-06T16:30:00Z'),
      },
      {
        id: 'm2',
        ticketId: 't',
        authorId: 'a',
        authorRole: 'agent',
        public: false,
        body: `${options.notePrefix ?? ''}Checking with billing`,
        createdAt: at('2026-03-06T16:40:00Z'),
      },
      {
        id: 'm3',
        ticketId: 't',
        authorId: 'a',
        authorRole: 'agent',
        public: true,
        body: 'Fixed, sorry!',
        createdAt: at('2026-03-09T09:15:00Z'),
      },
    ],
  });
}

/** Office hours: Monday to Friday, 09:00–17:00 UTC. */
export const officeHours: Schedule = {
  id: 's',
  name: 'Office',
  timeZone: 'UTC',
  intervals: [1, 2, 3, 4, 5].map((day) => ({ start: day * 1440 + 540, end: day * 1440 + 1020 })),
  holidays: [],
};

/** Checks the story's records, synced from an adapter, against the hand-worked numbers. */
export function expectStoryMetrics(records: readonly DatasetRecord[]) {
  const ticket = records.find((r) => r.kind === 'tickets')!.value as Ticket;
  const messages = records.filter((r) => r.kind === 'messages').map((r) => r.value as Message);
  const events = records.filter((r) => r.kind === 'events').map((r) => r.value as TicketEvent);
  expect(messages.map((m) => [m.authorRole, m.public, m.body])).toEqual([
    ['end-user', true, 'My invoice is wrong'],
    ['agent', false, 'Checking with billing'],
    ['agent', true, 'Fixed, sorry!'],
  ]);
  // Calendar: Fri 16:30 → Mon 09:15 is 2 days 16 h 45 min = 3,885 min; business: 30 (Fri) + 15 (Mon) = 45.
  expect(firstReplyTime(ticket, messages, { schedule: officeHours })).toMatchObject({
    calendarMinutes: 3885,
    businessMinutes: 45,
  });
  // Calendar: Fri 16:30 → Mon 10:00 is 3,930 min; business: 30 + 60 = 90.
  expect(resolutionTimes(ticket, events, { schedule: officeHours }).firstResolution).toMatchObject({
    calendarMinutes: 3930,
    businessMinutes: 90,
  });
  return ticket;
}
