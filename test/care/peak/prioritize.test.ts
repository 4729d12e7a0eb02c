import { describe, expect, it } from 'vitest';
import { prioritize, type SlaPolicyInput, ValidationError } from '../../../src/index.js';

// asOf: Monday 2026-03-02 12:00 UTC. Policy: first reply within 60 min for urgent, 120 for high, 240 for
// normal, 480 for low (calendar time), and a business-hours policy for the "b2b" group.
const asOf = '2026-03-02T12:00:00Z';
const policies: SlaPolicyInput[] = [
  {
    id: 'b2b',
    title: 'B2B (business hours)',
    position: 0,
    filter: { groupIds: ['b2b'] },
    targets: [{ priority: 'normal', metric: 'firstReply', minutes: 120, businessHours: true }],
  },
  {
    id: 'std',
    title: 'Standard',
    position: 1,
    targets: [
      { priority: 'urgent', metric: 'firstReply', minutes: 60, businessHours: false },
      { priority: 'high', metric: 'firstReply', minutes: 120, businessHours: false },
      { priority: 'normal', metric: 'firstReply', minutes: 240, businessHours: false },
      { priority: 'low', metric: 'firstReply', minutes: 480, businessHours: false },
    ],
  },
];
// Office hours 09:00–13:00 UTC on weekdays.
const schedule = {
  timeZone: 'UTC',
  intervals: [1, 2, 3, 4, 5].map((d) => ({ start: d * 1440 + 540, end: d * 1440 + 780 })),
};

const ticket = (
  id: string,
  createdAt: string,
  priority: string | null,
  extra: Record<string, unknown> = {},
) => ({
  id,
  subject: 'Help',
  status: 'open',
  priority,
  requesterId: `c-${id}`,
  createdAt,
  updatedAt: createdAt,
  ...extra,
});

describe('prioritize', () => {
  it('orders a hand-made queue: breached, then due soonest, then by weight, each with its reasons', () => {
    const queue = [
      // Normal, created 09:00: breaches at 13:00 (240 min) → 60 min left: due.
      ticket('A', '2026-03-02T09:00:00Z', 'normal'),
      // Urgent, created 10:30: breached at 11:30, 30 min ago.
      ticket('B', '2026-03-02T10:30:00Z', 'urgent'),
      // Low, created 11:00, tagged vip (+5): breaches at 19:00 → running, weight 0 + 5 = 5.
      ticket('C', '2026-03-02T11:00:00Z', 'low', { tags: ['vip'] }),
      // High, created 11:50: breaches at 13:50 → 110 min left, running, weight 2.
      ticket('D', '2026-03-02T11:50:00Z', 'high'),
      // High, created 09:30: breached at 11:30 as well, 30 min ago, created later than B → after B on ties? B
      // and E breach at the same instant; E has the lower weight (2 < 3), so B first.
      ticket('E', '2026-03-02T09:30:00Z', 'high'),
      // Solved: left out.
      ticket('F', '2026-03-02T08:00:00Z', 'urgent', { status: 'solved' }),
      // No priority: no target applies → last.
      ticket('G', '2026-03-02T08:00:00Z', null),
      // B2B normal, created Monday 11:30: 90 business minutes to 13:00, then 30 more from Tuesday 09:00 →
      // breaches Tuesday 09:30 (business hours), 21.5 h away: running, weight 1.
      ticket('H', '2026-03-02T11:30:00Z', 'normal', { groupId: 'b2b' }),
    ];
    const order = prioritize(queue, { asOf, policies, schedule, weights: { tags: { vip: 5 } } });
    expect(order.map((p) => p.ticketId)).toEqual(['B', 'E', 'A', 'C', 'D', 'H', 'G']);
    expect(order.map((p) => p.band)).toEqual([
      'breached',
      'breached',
      'due',
      'running',
      'running',
      'running',
      'noSla',
    ]);
    expect(order.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const [b, , a, c, , h, g] = order;
    expect(b!.minutesToBreach).toBe(-30);
    expect(b!.reasons[0]).toBe('firstReply SLA breached 30 min ago');
    expect(a!.reasons[0]).toBe('firstReply SLA breaches in 60 min');
    expect(c!.weight).toBe(5);
    expect(c!.reasons).toContain('tag vip (+5)');
    expect(h!.breachAt?.toISOString()).toBe('2026-03-03T09:30:00.000Z');
    expect(h!.reasons[0]).toMatch(/business hours/);
    expect(g!.reasons[0]).toBe('no SLA target running');
  });

  it('leaves answered tickets to their remaining targets and reads messages', () => {
    const t = ticket('R', '2026-03-02T10:30:00Z', 'urgent');
    const question = {
      id: 'm0',
      ticketId: 'R',
      authorId: 'c-R',
      authorRole: 'end-user' as const,
      public: true,
      body: 'Down',
      createdAt: '2026-03-02T10:30:00Z',
    };
    const reply = {
      id: 'm1',
      ticketId: 'R',
      authorId: 'agent',
      authorRole: 'agent' as const,
      public: true,
      body: 'On it',
      createdAt: '2026-03-02T10:40:00Z',
    };
    const order = prioritize([{ ticket: t, messages: [question, reply], events: [] }], { asOf, policies });
    expect(order[0]!.band).toBe('noSla');
  });

  it('refuses bad input', () => {
    expect(() => prioritize('x' as never, { asOf, policies })).toThrow(ValidationError);
    expect(() => prioritize([], { policies } as never)).toThrow(/asOf/);
    expect(() => prioritize([], { asOf, policies, weights: { tags: { vip: 'high' as never } } })).toThrow(
      /weights/,
    );
    const b2b = [ticket('H', '2026-03-02T11:30:00Z', 'normal', { groupId: 'b2b' })];
    expect(() => prioritize(b2b, { asOf, policies })).toThrow(/schedule/);
  });
});
