import { describe, expect, it, vi } from 'vitest';

// A bundle that left date-holidays out: requiring it fails as Node fails for a missing package.
vi.mock('node:module', () => ({
  createRequire: () => (id: string) => {
    throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
  },
}));

const { holidaysFor, businessMinutes } = await import('../../src/metrics/index.js');
const { SupportkitError } = await import('../../src/errors/index.js');

describe('without date-holidays installed', () => {
  it('the metrics still work, and holidaysFor() says what is missing', () => {
    const schedule = { timeZone: 'UTC', intervals: [{ start: 1980, end: 2460 }], holidays: [] };
    // Monday 2026-03-09 09:00Z–10:00Z inside Monday 09:00–17:00 UTC: 60 minutes.
    expect(businessMinutes('2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z', schedule)).toBe(60);
    const call = () => holidaysFor({ country: 'IT' }, [2026]);
    expect(call).toThrow(SupportkitError);
    expect(call).toThrow('holidaysFor() needs the date-holidays package at run time (it is not bundled)');
    try {
      call();
    } catch (error) {
      expect((error as InstanceType<typeof SupportkitError>).code).toBe('unsupported');
    }
  });
});
