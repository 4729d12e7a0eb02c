/**
 * The contract suite against a real Request Tracker 5 (scripts/rt-server.sh start). Where RT is not running the
 * suite is skipped with a loud message — except in CI, where it must run and a missing server fails.
 */
import { describe, expect, it, vi } from 'vitest';
import { createRequestTrackerAdapter } from '../../src/adapters/request-tracker/index.js';
import {
  basicAuth,
  type DatasetRecord,
  firstReplyTime,
  type Message,
  parseDataset,
  resolutionTimes,
  type Schedule,
  type Ticket,
  type TicketEvent,
} from '../../src/index.js';
import { callbackSink, sync } from '../../src/sync/index.js';
import { runContractSuite, seed } from '../contract/contract-suite.js';
import { RT_URL, rtAvailable, seedRt } from './rt.js';

const available = await rtAvailable();
if (!available) {
  const message = `Request Tracker is not answering at ${RT_URL}: run scripts/rt-server.sh start (needs request-tracker5, rt5-db-sqlite, rt5-standalone)`;
  if (process.env.CI) throw new Error(`${message}. CI must run the live RT tests.`);
  console.warn(`\n*** SKIPPED: ${message} ***\n`);
}

if (available) {
  // A real server, seeded afresh for every test: each takes seconds, not milliseconds.
  vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });
  runContractSuite('request-tracker', async () => {
    const { queue, ids } = await seedRt(seed);
    return {
      adapter: createRequestTrackerAdapter({
        baseUrl: RT_URL,
        auth: basicAuth({ username: 'root', password: 'password' }),
        queues: [queue],
        pageSize: 20,
      }),
      id: (seedId: string) => {
        const id = ids.get(seedId);
        if (id === undefined) throw new Error(`the RT seed has no record for seed id ${seedId}`);
        return id;
      },
    };
  });

  describe('metrics on tickets synced from Request Tracker', () => {
    // Friday 16:30 a customer writes; an agent leaves a private note at 16:40 and replies publicly on Monday at
    // 09:15; the ticket is resolved on Monday at 10:00. Support works Monday to Friday, 09:00–17:00 UTC.
    const at = (iso: string) => new Date(iso).toISOString();
    const scenario = parseDataset({
      customers: [
        {
          id: 'c',
          name: 'Ada',
          identities: [{ kind: 'email', value: 'ada@example.com' }],
          createdAt: at('2026-01-01T00:00:00Z'),
        },
      ],
      agents: [{ id: 'a', name: 'Marco', email: 'marco@support.example.com' }],
      tickets: [
        {
          id: 't',
          subject: 'Invoice is wrong',
          status: 'solved',
          requesterId: 'c',
          createdAt: at('2026-03-06T16:30:00Z'),
          updatedAt: at('2026-03-09T10:00:00Z'),
        },
      ],
      messages: [
        {
          id: 'm1',
          ticketId: 't',
          authorId: 'c',
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
          body: 'Checking with billing',
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
    const week: Schedule = {
      id: 's',
      name: 'Office',
      timeZone: 'UTC',
      intervals: [1, 2, 3, 4, 5].map((day) => ({ start: day * 1440 + 540, end: day * 1440 + 1020 })),
      holidays: [],
    };

    it('gives first reply and resolution times worked out by hand', async () => {
      const { queue, ids } = await seedRt(scenario);
      const records: DatasetRecord[] = [];
      await sync(
        createRequestTrackerAdapter({
          baseUrl: RT_URL,
          auth: basicAuth({ username: 'root', password: 'password' }),
          queues: [queue],
        }),
        { sink: callbackSink((batch) => void records.push(...batch)) },
      );
      const ticket = records.find((r) => r.kind === 'tickets')!.value as Ticket;
      expect(ticket.id).toBe(ids.get('t'));
      const messages = records.filter((r) => r.kind === 'messages').map((r) => r.value as Message);
      const events = records.filter((r) => r.kind === 'events').map((r) => r.value as TicketEvent);
      expect(messages.map((m) => [m.authorRole, m.public, m.body])).toEqual([
        ['end-user', true, 'My invoice is wrong'],
        ['agent', false, 'Checking with billing'],
        ['agent', true, 'Fixed, sorry!'],
      ]);
      // Calendar: Fri 16:30 → Mon 09:15 is 2 days 16 h 45 min = 3,885 min; business: 30 (Fri) + 15 (Mon) = 45.
      expect(firstReplyTime(ticket, messages, { schedule: week })).toMatchObject({
        calendarMinutes: 3885,
        businessMinutes: 45,
      });
      // Calendar: Fri 16:30 → Mon 10:00 is 3,930 min; business: 30 + 60 = 90.
      expect(resolutionTimes(ticket, events, { schedule: week }).firstResolution).toMatchObject({
        calendarMinutes: 3930,
        businessMinutes: 90,
      });
    });
  });
} else {
  describe.skip('contract: request-tracker (Request Tracker not running)', () => {
    it('needs scripts/rt-server.sh start', () => undefined);
  });
}
