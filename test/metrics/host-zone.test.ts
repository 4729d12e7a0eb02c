import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutes, isBusinessTime, type Schedule } from '../../src/index.js';

// `npm run test:tz` runs the business-time tests again with TZ=America/New_York and TZ=Asia/Kolkata: the answers
// below must not depend on the host's time zone.
const rome: Schedule = {
  timeZone: 'Europe/Rome',
  intervals: [1, 2, 3, 4, 5].map((d) => ({ start: d * 1440 + 540, end: d * 1440 + 1080 })),
  holidays: [],
};

describe(`business time does not depend on the host time zone (TZ=${process.env.TZ ?? 'unset'})`, () => {
  it('the same call gives the same answer on every host', () => {
    expect(businessMinutes('2026-03-06T09:00:00+01:00', '2026-03-06T10:00:00+01:00', rome)).toBe(60);
    expect(isBusinessTime('2026-03-06T09:30:00+01:00', rome)).toBe(true);
    expect(addBusinessMinutes('2026-03-06T17:00:00+01:00', 120, rome).toISOString()).toBe(
      '2026-03-09T09:00:00.000Z',
    );
  });

  it('strings whose instant would depend on the host are refused, on every host', () => {
    expect(() => businessMinutes('2026-03-06T09:00:00', '2026-03-06T10:00:00+01:00', rome)).toThrow(/start/);
    expect(() => businessMinutes('06/03/2026', '2026-03-06T10:00:00+01:00', rome)).toThrow(/start/);
  });
});
