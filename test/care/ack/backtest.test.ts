import { describe, expect, it } from 'vitest';
import { promiseBacktest, ValidationError } from '../../../src/index.js';
import { opener, reply, ticket } from './fixtures.js';

// Six email/normal tickets, one a day at 10:00Z, in calendar time (no schedule); the rule is the median of past
// first replies (minSamples 2), else a 100-minute fallback. The data ends on day 6 at 10:00Z.
const day = (n: number, time = '10:00') => `2026-03-0${n}T${time}:00Z`;
const made: [string, number, string | null][] = [
  ['A', 1, day(1, '11:00')], // 60 minutes
  ['B', 2, day(2, '12:00')], // 120
  ['C', 3, day(3, '10:30')], // 30
  ['D', 4, day(4, '13:20')], // 200
  ['E', 5, null], // never answered
];
const dataset = {
  asOf: day(6),
  tickets: [...made.map(([id, n]) => ticket(id, day(n))), ticket('F', day(6, '09:00'))],
  messages: [
    ...made.map(([id, n]) => opener(id, day(n))),
    opener('F', day(6, '09:00')),
    ...made.filter(([, , at]) => at).map(([id, , at]) => reply(`r-${id}`, id, at!)),
  ],
};

describe('promiseBacktest', () => {
  it('replays the rule over a hand-made history', () => {
    const result = promiseBacktest(dataset, { quantile: 0.5, minSamples: 2, fallbackMinutes: 100 });
    // A: no history → fallback 100, replied at 60: kept, slack +40.
    // B: only A answered (1 < 2) → fallback 100, replied at 120: late, slack −20.
    // C: median [60, 120] = 90, replied at 30: kept, slack +60.
    // D: median [30, 60, 120] = 60, replied at 200: late, slack −140.
    // E: median [30, 60, 120, 200] = 90, due day 5 11:30, unanswered on day 6: decided, broken.
    // F: median 90, due day 6 10:30, after the data ends: pending.
    expect(result).toMatchObject({ promised: 6, decided: 5, kept: 2, keptShare: 0.4, pending: 1 });
    expect(result.byBasis).toEqual({ sla: 0, history: 4, fallback: 2 });
    // Slack over answered tickets, sorted [−140, −20, 40, 60]: median (−20 + 40) / 2 = 10;
    // p90: h = 3 × 0.9 = 2.7 → 40 + 0.7 × 20 = 54.
    expect(result.slackMinutes?.median).toBe(10);
    expect(result.slackMinutes?.p90).toBeCloseTo(54, 9);
    expect(result.slackBusinessMinutes).toBeNull();
    // Promised waits [100, 100, 90, 60, 90, 90] sorted [60, 90, 90, 90, 100, 100]: median 90; p90 h = 4.5 → 100.
    expect(result.promisedMinutes).toEqual({ median: 90, p90: 100 });
  });

  it('replays only tickets since a moment, the earlier ones still serving as history', () => {
    const result = promiseBacktest(dataset, { quantile: 0.5, minSamples: 2, since: day(3) });
    expect(result.promised).toBe(4);
    expect(result.byBasis.history).toBe(4);
  });

  it('measures slack in business minutes with a schedule', () => {
    const always = { timeZone: 'UTC', intervals: [{ start: 0, end: 10080 }] };
    const result = promiseBacktest(dataset, {
      schedule: always,
      quantile: 0.5,
      minSamples: 2,
      fallbackMinutes: 100,
    });
    // Open around the clock: business minutes are calendar minutes.
    expect(result.slackBusinessMinutes?.median).toBeCloseTo(10, 9);
    expect(result.keptShare).toBe(0.4);
  });

  it('refuses a history option and bad input', () => {
    expect(() => promiseBacktest(dataset, { history: dataset } as never)).toThrow(/history/);
    expect(() => promiseBacktest({ tickets: 'x' } as never)).toThrow(ValidationError);
    expect(() => promiseBacktest(dataset, { since: '2026-03-01' })).toThrow(ValidationError);
  });

  it('says nothing was decided rather than 0% for an empty dataset', () => {
    const result = promiseBacktest({ tickets: [], messages: [] });
    expect(result.keptShare).toBeNull();
    expect(result.slackMinutes).toBeNull();
  });
});
