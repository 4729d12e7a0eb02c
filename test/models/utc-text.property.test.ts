import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcTextMs } from '../../src/models/utc-text.js';

const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
/** Texts of the two shapes, with out-of-range parts too (month 13, 31 April, hour 24, year 0042…). */
const shaped = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    two,
    two,
    two,
    two,
    two,
    fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
  )
  .map(
    ([y, mo, d, h, mi, s, ms]) =>
      `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}${ms === undefined ? '' : `.${String(ms).padStart(3, '0')}`}Z`,
  );
const written = fc
  .date({
    min: new Date('1000-01-01T00:00:00Z'),
    max: new Date('9999-12-31T23:59:59.999Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());
const others = fc.oneof(
  fc.constantFrom(
    '2026-03-02T10:00:00+01:00',
    '2026-03-02T10:00:00.5Z',
    '2026-03-02T10:00:00.12Z',
    '2026-03-02T10:00:00,123Z',
    '2026-03-02T10:00:00',
    '2026-03-02',
    '+012026-03-02T10:00:00.000Z',
    '2026-03-02T10:00:0xZ',
  ),
  fc.string(),
);

describe('utcTextMs', () => {
  it('answers as Date.parse wherever it answers, and leaves every other text to it (property)', () => {
    fc.assert(
      fc.property(fc.oneof(shaped, written, others), (text) => {
        const ms = utcTextMs(text);
        if (ms !== undefined) expect(ms).toBe(Date.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads every timestamp toISOString writes for years 1000 to 9999 (property)', () => {
    fc.assert(
      fc.property(written, (text) => {
        expect(utcTextMs(text)).toBe(Date.parse(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves offsets, other fraction lengths and impossible days to the general parser', () => {
    // 31 April does not exist (Date.UTC would roll it to 1 May); 24:00 and a comma are not the shape.
    for (const text of [
      '2026-04-31T10:00:00Z',
      '2026-03-02T24:00:00Z',
      '2026-03-02T10:00:00.5Z',
      '2026-03-02T10:00:00,123Z',
      '2026-03-02T10:00:00+01:00',
    ])
      expect(utcTextMs(text)).toBeUndefined();
    expect(utcTextMs('2024-02-29T23:59:59.999Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
  });
});
