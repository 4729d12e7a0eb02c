import { describe, expect, it } from 'vitest';
import { HOLIDAY_YEARS_BACK, holidayYears, reportOptions } from '../../src/cli/report-options.js';

const christmases = (values: Record<string, string>) =>
  reportOptions(values, process.cwd(), false)
    .schedule!.holidays.map((h) => h.startDate)
    .filter((d) => d.endsWith('-12-25'))
    .map((d) => Number(d.slice(0, 4)));

describe('report --country holiday years', () => {
  it('covers every year from --from to the year after --as-of', () => {
    // --from in 2022, as-of in 2026: the years run 2022 … 2027 (the year after as-of, for running clocks).
    expect(christmases({ country: 'IT', from: '2022-06-01', 'as-of': '2026-03-01' })).toEqual([
      2022, 2023, 2024, 2025, 2026, 2027,
    ]);
  });

  it('without --from, covers a documented window of years before as-of, and the year after', () => {
    const years = christmases({ country: 'IT', 'as-of': '2026-03-01' });
    expect(years[0]).toBe(2026 - HOLIDAY_YEARS_BACK);
    expect(years.at(-1)).toBe(2027);
    expect(years).toHaveLength(HOLIDAY_YEARS_BACK + 2);
  });

  it('holidayYears reads the years in the report zone', () => {
    // As-of 2026-12-31T23:30Z is already 2027 in Rome (+01:00), so the last year is 2028; from 22:30Z is
    // 23:30 on the 31st in Rome, still 2026. In UTC both are 2026: 2026 … 2027.
    const from = Date.parse('2026-12-31T22:30:00Z');
    const asOf = Date.parse('2026-12-31T23:30:00Z');
    expect(holidayYears(from, asOf, 'Europe/Rome')).toEqual([2026, 2027, 2028]);
    expect(holidayYears(from, asOf, 'UTC')).toEqual([2026, 2027]);
  });
});
