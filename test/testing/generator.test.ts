import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  buildCardIndex,
  customerCard,
  type Dataset,
  parseDataset,
  ValidationError,
} from '../../src/index.js';
import {
  collectDataset,
  datasetAsOf,
  type GenerateOptions,
  generateDataset,
  OUTAGE_TAG,
  RISING_TAGS,
  streamDataset,
} from '../../src/testing/index.js';

// The statistical tests need a large dataset: it is generated once. What holds for any size (determinism,
// validity) is checked on a small one that still crosses a DST change (29 March in Rome) and every kind of record:
// regenerating, serialising and re-validating 4000 tickets took 16–20 s per test on two busy cores.
const options = { seed: 11, tickets: 4000, days: 84, startDate: '2026-01-05', timeZone: 'Europe/Rome' };
const dataset = generateDataset(options);
const small = { seed: 11, tickets: 150, days: 10, startDate: '2026-03-25', timeZone: 'Europe/Rome' };
const smallDataset = generateDataset(small);
const local = (date: Date) => DateTime.fromJSDate(date, { zone: 'Europe/Rome' });

/**
 * Where a fresh stream with these options first differs from `dataset` (kind and index), reading only its first
 * `count` records: the stream is lazy, so the rest is never generated. Null when they agree.
 */
function firstDifference(options: GenerateOptions, dataset: Dataset, count: number): string | null {
  const seen = new Map<string, number>();
  let read = 0;
  for (const { kind, value } of streamDataset(options)) {
    const index = seen.get(kind) ?? 0;
    seen.set(kind, index + 1);
    if (JSON.stringify(value) !== JSON.stringify((dataset[kind] as unknown[])[index]))
      return `${kind} #${index}`;
    if (++read === count) break;
  }
  return null;
}

describe('generateDataset', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(JSON.stringify(generateDataset(small))).toBe(JSON.stringify(smallDataset));
    // The large dataset too, without generating it again: a fresh stream with its options starts with exactly its
    // records (organizations, customers, … and the first tickets with their messages and events).
    expect(firstDifference(options, dataset, 2500)).toBeNull();
    expect(firstDifference({ ...small, seed: 12 }, smallDataset, 500)).not.toBeNull();
  });

  it('produces exactly the requested number of tickets, and its output validates', () => {
    expect(dataset.tickets).toHaveLength(4000);
    expect(smallDataset.tickets).toHaveLength(150);
    for (const kind of ['messages', 'events', 'customers', 'csat', 'nps', 'ces'] as const) {
      expect(smallDataset[kind].length, kind).toBeGreaterThan(0);
    }
    const parsed = parseDataset(JSON.parse(JSON.stringify(smallDataset)));
    expect(parsed).toEqual(smallDataset);
  });

  it('keeps every record at or before asOf and tickets in creation order', () => {
    const asOf = datasetAsOf(options).getTime();
    expect(dataset.asOf?.getTime()).toBe(asOf);
    // One assertion per property, not one per record (50,000 expect calls took seconds).
    const late = [
      ...dataset.messages.filter((m) => m.createdAt.getTime() > asOf).map((m) => `message ${m.id}`),
      ...dataset.events.filter((e) => e.at.getTime() > asOf).map((e) => `event ${e.id}`),
    ];
    expect(late).toEqual([]);
    const outOfOrder = dataset.tickets.findIndex(
      (t, i) => i > 0 && t.createdAt.getTime() < dataset.tickets[i - 1]!.createdAt.getTime(),
    );
    expect(outOfOrder).toBe(-1);
  });

  it('has weekday and hour-of-day seasonality in the team time zone', () => {
    const byWeekday = new Array(8).fill(0);
    const byHour = new Array(24).fill(0);
    for (const t of dataset.tickets) {
      byWeekday[local(t.createdAt).weekday]++;
      byHour[local(t.createdAt).hour]++;
    }
    // Monday busier than Sunday by far; 10:00 busier than 03:00 by far.
    expect(byWeekday[1]).toBeGreaterThan(2.5 * byWeekday[7]);
    expect(byHour[10]).toBeGreaterThan(8 * byHour[3]);
  });

  it('has several channels, agent-created tickets, private notes first, reopens and a backlog', () => {
    const channels = new Set(dataset.tickets.map((t) => t.channel));
    expect(channels.size).toBeGreaterThanOrEqual(5);
    const firstMessage = new Map<string, (typeof dataset.messages)[number]>();
    const byTicket = new Map<string, typeof dataset.messages>();
    for (const m of dataset.messages) {
      if (!firstMessage.has(m.ticketId)) firstMessage.set(m.ticketId, m);
      byTicket.set(m.ticketId, [...(byTicket.get(m.ticketId) ?? []), m]);
    }
    const agentCreated = [...firstMessage.values()].filter((m) => m.authorRole === 'agent' && m.public);
    expect(agentCreated.length).toBeGreaterThan(40);
    const noteBeforeReply = [...byTicket.values()].filter(
      (ms) => ms[1]?.authorRole === 'agent' && !ms[1].public,
    );
    expect(noteBeforeReply.length).toBeGreaterThan(100);
    const reopens = dataset.events.filter(
      (e) => e.type === 'status' && e.from === 'solved' && e.to === 'open',
    );
    expect(reopens.length).toBeGreaterThan(50);
    const unresolved = dataset.tickets.filter((t) => !['solved', 'closed'].includes(t.status));
    expect(unresolved.length).toBeGreaterThan(10);
  });

  it('answers mostly inside business hours, some outside, by agents on their shift', () => {
    const agents = new Map(dataset.agents.map((a) => [a.id, a]));
    const shiftHours: Record<string, [number, number]> = {
      'sched-early': [8, 16],
      'sched-late': [12, 20],
      'sched-weekend': [9, 13],
    };
    let inside = 0;
    let outside = 0;
    let onShift = 0;
    for (const m of dataset.messages) {
      if (m.authorRole !== 'agent' || !m.public) continue;
      const at = local(m.createdAt);
      const open =
        at.weekday <= 5 ? at.hour >= 8 && at.hour < 20 : at.weekday === 6 && at.hour >= 9 && at.hour < 13;
      if (open) inside++;
      else outside++;
      const [from, to] = shiftHours[agents.get(m.authorId)!.scheduleId!]!;
      if (at.hour >= from && at.hour < to) onShift++;
    }
    expect(inside / (inside + outside)).toBeGreaterThan(0.75);
    expect(outside).toBeGreaterThan(50);
    expect(onShift / (inside + outside)).toBeGreaterThan(0.6);
  });

  it('makes rising tags rise and marks bursts', () => {
    const half = dataset.tickets.length / 2;
    for (const { tag } of RISING_TAGS) {
      const early = dataset.tickets.slice(0, half).filter((t) => t.tags.includes(tag)).length;
      const late = dataset.tickets.slice(half).filter((t) => t.tags.includes(tag)).length;
      expect(late, tag).toBeGreaterThan(3 * Math.max(early, 5));
    }
    expect(dataset.tickets.some((t) => t.tags.includes(OUTAGE_TAG))).toBe(true);
  });

  it('has CSAT, NPS and CES responses and customers in several languages and time zones', () => {
    expect(dataset.csat.filter((r) => r.rating !== null).length).toBeGreaterThan(200);
    expect(dataset.csat.some((r) => r.rating === null)).toBe(true);
    expect(dataset.nps.length).toBeGreaterThan(50);
    expect(dataset.ces.length).toBeGreaterThan(50);
    expect(new Set(dataset.customers.map((c) => c.language)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(dataset.customers.map((c) => c.timeZone)).size).toBeGreaterThanOrEqual(6);
    const five = generateDataset({ seed: 3, tickets: 300, days: 20, csatScale: 'five-point' });
    expect(five.csat.every((r) => r.rating === null || typeof r.rating === 'number')).toBe(true);
  });

  it('puts each customer in one helpdesk, the one its tickets are in (issue 29)', async () => {
    // A customer used to have no source (the default adapter) and an external identity `memory:<id>`, so a card
    // showed one person under two adapters.
    const adapters = (records: { source?: { adapter: string } }[]) =>
      new Set(records.map((r) => r.source?.adapter));
    expect(adapters(smallDataset.tickets)).toEqual(new Set(['memory']));
    for (const customer of smallDataset.customers) {
      expect(customer.sources).toEqual([{ adapter: 'memory', id: customer.id }]);
      expect(customer.identities.filter((i) => i.kind === 'external')).toEqual([]);
    }
    const index = await buildCardIndex(smallDataset);
    const requesters = new Set(smallDataset.tickets.map((t) => t.requesterId));
    for (const customer of smallDataset.customers.filter((c) => requesters.has(c.id))) {
      const card = customerCard(index, index.find({ email: customer.identities[0]!.value })!, {
        asOf: smallDataset.asOf!,
      });
      const held = card.identities.filter((i) => i.kind === 'external');
      expect(held).toEqual([{ kind: 'external', adapter: 'memory', value: customer.id, primary: false }]);
      expect(card.tickets.length).toBe(
        smallDataset.tickets.filter((t) => t.requesterId === customer.id).length,
      );
    }
  });

  it('rejects wrong options with a ValidationError naming the option', () => {
    expect(() => generateDataset({ tickets: -1 })).toThrow(/\btickets: /);
    expect(() => generateDataset({ days: 1.5 })).toThrow(/\bdays: /);
    expect(() => generateDataset({ timeZone: 'Mars/Base' })).toThrow(ValidationError);
    expect(() => generateDataset({ csatScale: 'ten' as never })).toThrow(/\bcsatScale: /);
  });
});

describe('streamDataset', () => {
  it('is lazy: the first tickets of a fifty-million-ticket stream arrive without generating the rest', () => {
    // Generating 50M tickets eagerly would exhaust memory and the test timeout; lazily it takes one day's worth.
    let tickets = 0;
    for (const record of streamDataset({ seed: 1, tickets: 50_000_000, days: 3650, customers: 1000 })) {
      if (record.kind === 'tickets' && ++tickets === 500) break;
    }
    expect(tickets).toBe(500);
  });

  it('collects into the same dataset generateDataset returns', () => {
    const small = { seed: 4, tickets: 120, days: 10 };
    expect(collectDataset(streamDataset(small), datasetAsOf(small))).toEqual(generateDataset(small));
  });
});
