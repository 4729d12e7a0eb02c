import { describe, expect, it } from 'vitest';
import { agentsFor, staffingPlan, ValidationError } from '../../../src/index.js';

const hour = (h: number) => ({
  start: new Date(Date.UTC(2026, 2, 2, h)),
  end: new Date(Date.UTC(2026, 2, 2, h + 1)),
});

describe('staffingPlan', () => {
  const forecast = [10, 40, 120, 80].map((n, h) => ({ ...hour(h + 8), forecast: n, upper80: n * 1.2 }));

  it('sizes phone intervals by Erlang C and lists the peaks', () => {
    const plan = staffingPlan(forecast, {
      ahtSeconds: 180,
      serviceLevel: 0.8,
      targetSeconds: 20,
      shrinkage: 0.25,
    });
    const expected = agentsFor({
      contacts: 120,
      intervalMinutes: 60,
      ahtSeconds: 180,
      serviceLevel: 0.8,
      targetSeconds: 20,
      shrinkage: 0.25,
    });
    expect(plan.intervals[2]!.agents).toBe(expected.agents);
    expect(plan.intervals[2]!.scheduled).toBe(expected.scheduled);
    expect(plan.peaks[0]!.start.getUTCHours()).toBe(10);
    expect(plan.peaks.map((p) => p.contacts)).toEqual([120, 80, 40, 10]);
    expect(plan.shortIntervals).toBeNull();
    const upper = staffingPlan(forecast, { ahtSeconds: 180, staffTo: 'upper80' });
    expect(upper.intervals[2]!.contacts).toBeCloseTo(144, 10);
  });

  it('sizes e-mail by the backlog model (hand-worked)', () => {
    // AHT 6 min, reply within 120 min. Hour 10 (120 mails): the work of hours 9–10 arrives within its 2-hour
    // window: (40 + 120) × 6 = 960 min over 120 min = 8 agents; at 80% occupancy 10; with 20% shrinkage 12.5 → 13.
    const plan = staffingPlan(forecast, {
      channel: 'email',
      ahtSeconds: 360,
      targetMinutes: 120,
      maxOccupancy: 0.8,
      shrinkage: 0.2,
    });
    expect(plan.intervals[2]!.fractionalAgents).toBeCloseTo(10, 10);
    expect(plan.intervals[2]!.agents).toBe(10);
    expect(plan.intervals[2]!.scheduled).toBe(13);
    expect(plan.intervals[2]!.achieved).toBeNull();
    // Hour 8 alone: 10 × 6 = 60 min over its own hour → 1 agent, 1.25 at 80%.
    expect(plan.intervals[0]!.fractionalAgents).toBeCloseTo(1.25, 10);
  });

  it('names the busiest period the peak when several roster the same whole number of agents', () => {
    // E-mail, AHT 8 min, reply within 1 h, 30% shrinkage: 6, 9 and 7 mails an hour need 0.8, 1.2 and 0.93
    // agents, all rostered as 2 after shrinkage. The peak is 09:00 (9 mails), not the earliest hour of the tie.
    const day = [6, 9, 7].map((n, h) => ({ ...hour(h + 8), forecast: n }));
    const plan = staffingPlan(day, { channel: 'email', ahtSeconds: 480, targetMinutes: 60, shrinkage: 0.3 });
    expect(plan.intervals.map((x) => x.scheduled)).toEqual([2, 2, 2]);
    expect(plan.peaks.map((p) => p.start.getUTCHours())).toEqual([9, 10, 8]);
  });

  it('reports the gap against a roster, per interval or from a schedule', () => {
    const plan = staffingPlan(forecast, { ahtSeconds: 180, roster: [5, 5, 5, 5] });
    expect(plan.intervals.map((x) => x.gap)).toEqual(plan.intervals.map((x) => 5 - x.scheduled));
    expect(plan.shortIntervals).toBe(plan.intervals.filter((x) => x.scheduled > 5).length);
    // Open 09:00–11:00 UTC on Mondays (2026-03-02 is a Monday): 8 agents then, none at 08:00 and 11:00.
    const schedule = { timeZone: 'UTC', intervals: [{ start: 1440 + 540, end: 1440 + 660 }] };
    const fromSchedule = staffingPlan(forecast, { ahtSeconds: 180, roster: { schedule, headcount: 8 } });
    expect(fromSchedule.intervals.map((x) => x.roster)).toEqual([0, 8, 8, 0]);
  });

  it('takes forecastVolume() output and refuses what it cannot read', () => {
    expect(staffingPlan({ points: forecast }, { ahtSeconds: 180 }).intervals).toHaveLength(4);
    expect(() => staffingPlan(42, { ahtSeconds: 180 })).toThrow(ValidationError);
    expect(() => staffingPlan(forecast, { ahtSeconds: 180, roster: [1] })).toThrow(/roster/);
    expect(() => staffingPlan(forecast, { ahtSeconds: 180, channel: 'fax' as never })).toThrow(/channel/);
    expect(() => staffingPlan([{ ...hour(1), forecast: -3 }], { ahtSeconds: 180 })).toThrow(ValidationError);
  });

  it.each([
    ['peaks -1 (slice would drop the last period)', { ahtSeconds: 180, peaks: -1 }, 'peaks'],
    ['peaks NaN', { ahtSeconds: 180, peaks: Number.NaN }, 'peaks'],
    [
      'e-mail at an occupancy of a millionth',
      { channel: 'email', ahtSeconds: 180, maxOccupancy: 1e-6 },
      'maxOccupancy',
    ],
    ['e-mail with shrinkage 0.999', { channel: 'email', ahtSeconds: 180, shrinkage: 0.999 }, 'shrinkage'],
    ['e-mail in 10^-300 s', { channel: 'email', ahtSeconds: 1e-300 }, 'ahtSeconds'],
    ['an infinite roster', { ahtSeconds: 180, roster: [1, 2, Number.POSITIVE_INFINITY, 4] }, 'roster'],
  ])('refuses %s with a ValidationError naming the option', (_, options, option) => {
    let error: unknown;
    try {
      staffingPlan(forecast, options as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toEqual([option]);
  });

  it('refuses an e-mail forecast that would need more than a million agents', () => {
    const huge = [{ ...hour(8), forecast: 1e300 }];
    expect(() => staffingPlan(huge, { channel: 'email', ahtSeconds: 180 })).toThrow(/forecast\[0\]/);
    expect(() => staffingPlan(huge, { channel: 'email', ahtSeconds: 180 })).toThrow(ValidationError);
  });
});
