import { describe, expect, it } from 'vitest';
import { promiseReplyBy, ValidationError } from '../../../src/index.js';
import { opener, reply, rome, standard, ticket } from './fixtures.js';

describe('promiseReplyBy from an SLA target (Mon–Fri 9:00–18:00 Rome, 240 business minutes)', () => {
  const promise = (createdAt: string, fields = {}, options = {}) =>
    promiseReplyBy(ticket('t', createdAt, fields), { schedule: rome, policies: [standard], ...options });

  it('carries the rest over a weekend', () => {
    // Friday 16:00 CET: 120 minutes left on Friday, 120 more on Monday 9:00 → Monday 11:00 CET = 10:00Z.
    // Calendar: Friday 15:00Z → Monday 10:00Z = 67 h = 4020 minutes.
    const p = promise('2026-03-06T16:00:00+01:00');
    expect(p.by.toISOString()).toBe('2026-03-09T10:00:00.000Z');
    expect(p.calendarMinutes).toBe(4020);
    expect(p.businessMinutes).toBe(240);
    expect(p.basis).toBe('sla');
    expect(p.rule).toBe('SLA "Standard": first reply within 240 business minutes for normal priority');
  });

  it('skips a holiday', () => {
    // Thursday 24 December 17:00 CET: 60 minutes on Thursday; Friday 25 and Saturday 26 are Natale, Sunday is
    // closed; 180 minutes from Monday 28 at 9:00 → 12:00 CET = 11:00Z.
    expect(promise('2026-12-24T17:00:00+01:00').by.toISOString()).toBe('2026-12-28T11:00:00.000Z');
  });

  it('counts wall-clock hours across the change to summer time', () => {
    // Friday 27 March 17:00 CET: 60 minutes; clocks go forward on Sunday 29; Monday 30 at 9:00 CEST (07:00Z)
    // + 180 minutes → 12:00 CEST = 10:00Z (not 11:00Z, as adding to CET would give).
    // Calendar: Friday 16:00Z → Monday 10:00Z = 66 h = 3960 minutes.
    const p = promise('2026-03-27T17:00:00+01:00');
    expect(p.by.toISOString()).toBe('2026-03-30T10:00:00.000Z');
    expect(p.calendarMinutes).toBe(3960);
  });

  it('starts the clock at the next opening for an arrival out of hours', () => {
    // Tuesday 21:30 CET: nothing counts until Wednesday 9:00; + 240 → 13:00 CET = 12:00Z.
    expect(promise('2026-03-10T21:30:00+01:00').by.toISOString()).toBe('2026-03-11T12:00:00.000Z');
  });

  it('counts a calendar target in calendar time', () => {
    // Urgent: 60 minutes of clock time, night or not: Tuesday 21:30 CET + 1 h = 21:30Z.
    const p = promise('2026-03-10T21:30:00+01:00', { priority: 'urgent' });
    expect(p.by.toISOString()).toBe('2026-03-10T21:30:00.000Z');
    expect(p.rule).toBe('SLA "Standard": first reply within 60 minutes for urgent priority');
    expect(p.businessMinutes).toBe(0);
  });

  it('counts again from asOf when the deadline from creation has passed', () => {
    // Created Monday 9 March 9:00 CET, deadline 13:00 CET; promised at 15:00 CET (14:00Z): 180 minutes left
    // today (15:00–18:00) and 60 on Tuesday → Tuesday 10:00 CET = 09:00Z.
    const p = promise('2026-03-09T09:00:00+01:00', {}, { asOf: '2026-03-09T15:00:00+01:00' });
    expect(p.by.toISOString()).toBe('2026-03-10T09:00:00.000Z');
    expect(p.rule).toMatch(/counted from now$/);
  });

  it('promises from creation when asOf is before the deadline', () => {
    const p = promise('2026-03-09T09:00:00+01:00', {}, { asOf: '2026-03-09T10:00:00+01:00' });
    expect(p.by.toISOString()).toBe('2026-03-09T12:00:00.000Z'); // 13:00 CET
    expect(p.businessMinutes).toBe(180);
  });

  it('asks for a schedule when the target counts business hours', () => {
    expect(() => promiseReplyBy(ticket('t', '2026-03-09T09:00:00+01:00'), { policies: [standard] })).toThrow(
      ValidationError,
    );
  });
});

describe('promiseReplyBy from history', () => {
  // Five answered email/normal tickets on Monday 2 March, created at 9:00 CET and answered after 30, 60, 90 and
  // 120 business minutes, and one after 600 (Monday's 540 + 60 on Tuesday → Tuesday 10:00).
  const replies: [string, string][] = [
    ['h1', '2026-03-02T09:30:00+01:00'],
    ['h2', '2026-03-02T10:00:00+01:00'],
    ['h3', '2026-03-02T10:30:00+01:00'],
    ['h4', '2026-03-02T11:00:00+01:00'],
    ['h5', '2026-03-03T10:00:00+01:00'],
  ];
  const history = {
    tickets: [
      ...replies.map(([id]) => ticket(id, '2026-03-02T09:00:00+01:00')),
      ticket('chat', '2026-03-02T09:00:00+01:00', { channel: 'chat' }), // another channel
      ticket('old', '2025-11-20T09:00:00+01:00'), // outside the 90-day window
      ticket('unanswered', '2026-03-04T09:00:00+01:00'),
      ticket('later', '2026-03-05T09:00:00+01:00'), // answered only after the promise is made
      ticket('web', '2026-03-02T09:00:00+01:00', { channel: 'web' }),
    ],
    messages: [
      ...replies.map(([id]) => opener(id, '2026-03-02T09:00:00+01:00')),
      opener('chat', '2026-03-02T09:00:00+01:00'),
      opener('web', '2026-03-02T09:00:00+01:00'),
      opener('unanswered', '2026-03-04T09:00:00+01:00'),
      opener('later', '2026-03-05T09:00:00+01:00'),
      ...replies.map(([id, at]) => reply(`m-${id}`, id, at)),
      reply('m-chat', 'chat', '2026-03-02T09:01:00+01:00'),
      reply('m-old', 'old', '2025-11-20T09:01:00+01:00'),
      reply('m-later', 'later', '2026-03-12T09:00:00+01:00'),
      reply('m-web', 'web', '2026-03-02T09:45:00+01:00'),
      // An automatic acknowledgement is not a reply: "unanswered" stays unanswered.
      reply('m-ack', 'unanswered', '2026-03-04T09:00:01+01:00', 'system'),
    ],
  };
  const fresh = ticket('new', '2026-03-11T10:00:00+01:00');

  it('promises the p90 of similar past tickets when no SLA applies', () => {
    // Sorted [30, 60, 90, 120, 600]; type-7 p90: h = 4 × 0.9 = 3.6 → 120 + 0.6 × 480 = 408 business minutes.
    // Wednesday 11 March 10:00 CET + 408 minutes (6 h 48) → 16:48 CET = 15:48Z.
    const p = promiseReplyBy(fresh, { schedule: rome, history, minSamples: 5 });
    expect(p.by.toISOString()).toBe('2026-03-11T15:48:00.000Z');
    expect(p).toMatchObject({ basis: 'history', samples: 5, businessMinutes: 408, calendarMinutes: 408 });
    expect(p.rule).toBe(
      'p90 of first replies to 5 answered email/normal tickets created in the last 90 days: 408 business minutes',
    );
  });

  it('widens to the same priority on any channel when too few similar tickets were answered', () => {
    // email/normal has 5 < 6; normal on any channel adds chat (1 minute) and web (45):
    // sorted [1, 30, 45, 60, 90, 120, 600]; h = 6 × 0.9 = 5.4 → 120 + 0.4 × 480 = 312.
    const p = promiseReplyBy(fresh, { schedule: rome, history, minSamples: 6 });
    expect(p.samples).toBe(7);
    expect(p.businessMinutes).toBe(312);
    expect(p.rule).toBe(
      'p90 of first replies to 7 answered normal-priority tickets on any channel created in the last 90 days: 312 business minutes (only 5 answered email/normal tickets)',
    );
  });

  it('takes the quantile asked for', () => {
    // Median of [30, 60, 90, 120, 600] = 90 → 11:30 CET.
    const p = promiseReplyBy(fresh, { schedule: rome, history, minSamples: 5, quantile: 0.5 });
    expect(p.by.toISOString()).toBe('2026-03-11T10:30:00.000Z');
    expect(p.rule).toMatch(/^p50 /);
  });

  it('falls back when history is too thin, and says so', () => {
    const p = promiseReplyBy(fresh, { schedule: rome, history, minSamples: 50, fallbackMinutes: 540 });
    expect(p.basis).toBe('fallback');
    // One working day: Wednesday 10:00 → Thursday 10:00 CET.
    expect(p.by.toISOString()).toBe('2026-03-12T09:00:00.000Z');
    expect(p.rule).toBe(
      'fallback of 540 business minutes: fewer than 50 answered tickets in the last 90 days',
    );
  });

  it('prefers a matching SLA target to history', () => {
    expect(promiseReplyBy(fresh, { schedule: rome, history, policies: [standard] }).basis).toBe('sla');
  });

  it('counts calendar minutes without a schedule', () => {
    // Calendar minutes to reply: [30, 60, 90, 120, 1500]; p90 = 120 + 0.6 × 1380 = 948 → 09:00Z + 15 h 48.
    const p = promiseReplyBy(fresh, { history, minSamples: 5 });
    expect(p.by.toISOString()).toBe('2026-03-12T00:48:00.000Z');
    expect(p.businessMinutes).toBeNull();
    expect(p.rule).toMatch(/948 minutes$/);
  });

  it('says what is wrong with bad options, without values', () => {
    const bad = (options: object) => () => promiseReplyBy(fresh, options as never);
    expect(bad({ quantile: 2 })).toThrow(/quantile: must be a number in \(0, 1\]/);
    expect(bad({ minSamples: 0.5 })).toThrow(/minSamples/);
    expect(bad({ sched: rome })).toThrow(/sched: unknown option/);
    expect(bad({ history: 'x' })).toThrow(ValidationError);
    expect(() => promiseReplyBy({ id: 1 } as never)).toThrow(ValidationError);
  });
});
