import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/index.js';
import {
  collectDataset,
  datasetAsOf,
  generateDataset,
  OUTAGE_TAG,
  RISING_TAGS,
  streamDataset,
} from '../../src/testing/index.js';

const options = { seed: 11, tickets: 4000, days: 84, startDate: '2026-01-05', timeZone: 'Europe/Rome' };
const dataset = generateDataset(options);
const local = (date: Date) => DateTime.fromJSDate(date, { zone: 'Europe/Rome' });

describe('generateDataset', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const again = generateDataset(options);
    expect(JSON.stringify(again)).toBe(JSON.stringify(dataset));
    const other = generateDataset({ ...options, seed: 12 });
    expect(JSON.stringify(other.tickets)).not.toBe(JSON.stringify(dataset.tickets));
  });

  it('produces exactly the requested number of tickets, and its output validates', () => {
    expect(dataset.tickets).toHaveLength(4000);
    const parsed = parseDataset(JSON.parse(JSON.stringify(dataset)));
    expect(parsed).toEqual(dataset);
  });

  it('keeps every record at or before asOf and tickets in creation order', () => {
    const asOf = datasetAsOf(options).getTime();
    expect(dataset.asOf?.getTime()).toBe(asOf);
    for (const m of dataset.messages) expect(m.createdAt.getTime()).toBeLessThanOrEqual(asOf);
    for (const e of dataset.events) expect(e.at.getTime()).toBeLessThanOrEqual(asOf);
    const created = dataset.tickets.map((t) => t.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => a - b));
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

  it('rejects wrong options with a TypeError naming the option', () => {
    expect(() => generateDataset({ tickets: -1 })).toThrow(/"tickets"/);
    expect(() => generateDataset({ days: 1.5 })).toThrow(/"days"/);
    expect(() => generateDataset({ timeZone: 'Mars/Base' })).toThrow(TypeError);
    expect(() => generateDataset({ csatScale: 'ten' as never })).toThrow(/"csatScale"/);
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
