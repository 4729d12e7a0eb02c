import { describe, expect, it } from 'vitest';
import {
  bundleDataset,
  createMemoryAdapter,
  firstReplyAccumulator,
  firstReplyTime,
  type Message,
  parseDataset,
  parseSlaPolicy,
  replyTimes,
  sendAcknowledgement,
  slaStatus,
  summarize,
  ValidationError,
} from '../../../src/index.js';
import { opener, reply, standard, ticket } from './fixtures.js';

// Created 10:00Z by the customer; the automatic acknowledgement at 10:00:05Z; the agent answers at 11:00Z.
const t = ticket('1', '2026-03-09T10:00:00Z');
const messages = [
  opener('1', '2026-03-09T10:00:00Z'),
  reply('ack', '1', '2026-03-09T10:00:05Z', 'system'),
  reply('agent', '1', '2026-03-09T11:00:00Z'),
];

describe('an automatic acknowledgement is never the first reply', () => {
  it('firstReplyTime, by either definition, stops at the agent', () => {
    for (const definition of ['from-creation', 'from-first-public-message'] as const) {
      const first = firstReplyTime(t, messages, { definition });
      expect(first?.messageId).toBe('agent');
      expect(first?.calendarMinutes).toBe(60);
    }
  });

  it('a system message before the customer speaks opens nothing (from-first-public-message)', () => {
    // An API-created ticket: the acknowledgement at 10:00, the customer writes at 10:05, the agent at 10:35.
    const apiCreated = [
      reply('ack', '1', '2026-03-09T10:00:00Z', 'system'),
      { ...opener('1', '2026-03-09T10:05:00Z') },
      reply('agent', '1', '2026-03-09T10:35:00Z'),
    ];
    const first = firstReplyTime(t, apiCreated, { definition: 'from-first-public-message' });
    expect(first?.messageId).toBe('agent');
    expect(first?.calendarMinutes).toBe(30);
  });

  it('an acknowledged ticket nobody answered has no first reply', () => {
    expect(firstReplyTime(t, messages.slice(0, 2))).toBeNull();
    expect(replyTimes(t, messages.slice(0, 2))[0]?.to).toBeNull();
  });

  it('the SLA first-reply target is met by the agent, not by the acknowledgement', () => {
    const [target] = slaStatus(t, messages, [], parseSlaPolicy(standard), {
      asOf: '2026-03-09T12:00:00Z',
      schedule: { timeZone: 'UTC', intervals: [{ start: 0, end: 10080 }], holidays: [] },
    });
    expect(target?.fulfilledAt?.toISOString()).toBe('2026-03-09T11:00:00.000Z');
  });

  it('the accumulators and the summary count 60 minutes', () => {
    const acc = firstReplyAccumulator();
    for (const bundle of bundleDataset({ tickets: [t], messages })) acc.add(bundle);
    expect(acc.result().calendarMinutes.median).toBe(60);
    const report = summarize({ tickets: [t], messages }, { asOf: '2026-03-09T12:00:00Z' });
    expect(report.firstReply.calendarMinutes.median).toBe(60);
  });
});

describe('sendAcknowledgement', () => {
  it('posts a public system message through the adapter, once per ticket', async () => {
    let now = Date.parse('2026-03-09T10:00:00Z');
    const helpdesk = createMemoryAdapter(
      parseDataset({ agents: [{ id: 'a1', name: 'Ada', email: 'ada@example.com' }] }),
      { now: () => new Date(now) },
    );
    const created = await helpdesk.tickets.create({
      subject: 'Help',
      requesterId: 'c1',
      description: 'It broke',
    });
    now += 5_000;
    const posted = await sendAcknowledgement(
      helpdesk,
      created.id,
      { text: 'We have your request.' },
      { authorId: 'bot' },
    );
    expect(posted).toMatchObject({
      authorRole: 'system',
      public: true,
      authorId: 'bot',
      body: 'We have your request.',
    });
    // The same webhook delivered twice: the idempotency key keeps one acknowledgement.
    await sendAcknowledgement(helpdesk, created.id, { text: 'We have your request.' }, { authorId: 'bot' });
    now += 3_600_000;
    await helpdesk.tickets.addMessage(created.id, { public: true, body: 'Fixed it' });
    const list: Message[] = [];
    for await (const m of helpdesk.tickets.listMessages(created.id)) list.push(m);
    expect(list.filter((m) => m.authorRole === 'system')).toHaveLength(1);
    expect(firstReplyTime(created, list)?.calendarMinutes).toBeCloseTo(60 + 5 / 60, 9);
  });

  it('refuses a call it cannot make', async () => {
    const helpdesk = createMemoryAdapter();
    await expect(sendAcknowledgement(helpdesk, 't1', { text: 'x' }, {} as never)).rejects.toThrow(/authorId/);
    await expect(sendAcknowledgement({} as never, 't1', { text: 'x' }, { authorId: 'b' })).rejects.toThrow(
      ValidationError,
    );
  });
});
