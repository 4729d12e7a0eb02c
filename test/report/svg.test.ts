/**
 * Honest charts: round axis ticks, and no empty axes — a chart with nothing to draw is null and the page says
 * "no data".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/metrics/index.js';
import { renderReport } from '../../src/report/index.js';
import {
  bandChart,
  barLineChart,
  groupedBarChart,
  hbarChart,
  heatMap,
  niceAxis,
} from '../../src/report/svg.js';
import { dataset, OPTIONS } from './fixture.js';

/** Whether a step is 1, 2 or 5 times a power of ten. */
const round = (step: number) => {
  const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
  return [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9);
};

describe('chart axes', () => {
  it('have round steps, whole multiples at both ends, and cover the data', () => {
    fc.assert(
      fc.property(
        // Chart data: counts, percentages, scores (no denormals a chart would never see).
        fc.oneof(
          fc.constant(0),
          fc.double({ min: -1e6, max: -1e-3, noNaN: true }),
          fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        ),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        (min, span) => {
          const axis = niceAxis(min, min + span);
          expect(round(axis.step)).toBe(true);
          // Covered up to float noise (the ends are rounded to the step's decimals).
          const noise = 1e-9 * (Math.abs(min) + span);
          expect(axis.min).toBeLessThanOrEqual(min + noise);
          expect(axis.max).toBeGreaterThanOrEqual(min + span - noise);
          const intervals = (axis.max - axis.min) / axis.step;
          expect(Math.abs(intervals - Math.round(intervals))).toBeLessThan(1e-6);
          expect(Math.round(intervals)).toBeLessThanOrEqual(5);
          expect(Math.round(intervals)).toBeGreaterThanOrEqual(1);
        },
      ),
    );
    expect(niceAxis(0, 540)).toEqual({ min: 0, max: 600, step: 200 });
    expect(niceAxis(0, 3)).toEqual({ min: 0, max: 3, step: 1 });
  });

  it('label ticks with the formatter given (one number format everywhere)', () => {
    const svg = barLineChart({
      label: 'x',
      categories: ['a', 'b'],
      bars: { name: 'created', values: [1200, 2400] },
      line: { name: 'backlog', values: [10, 20] },
      format: (value, digits) => new Intl.NumberFormat('de', { maximumFractionDigits: digits }).format(value),
    })!;
    expect(svg).toContain('>2.500<');
    expect(svg).toContain('>500<');
  });
});

describe('an empty series', () => {
  it('draws no chart', () => {
    expect(
      barLineChart({
        label: 'x',
        categories: [],
        bars: { name: 'a', values: [] },
        line: { name: 'b', values: [] },
      }),
    ).toBeNull();
    expect(
      barLineChart({
        label: 'x',
        categories: ['a'],
        bars: { name: 'a', values: [0] },
        line: { name: 'b', values: [0] },
      }),
    ).toBeNull();
    expect(
      groupedBarChart({ label: 'x', categories: ['a'], series: [{ name: 'a', values: [0] }] }),
    ).toBeNull();
    expect(hbarChart({ label: 'x', rows: [] })).toBeNull();
    expect(hbarChart({ label: 'x', rows: [{ name: 'a', value: null }] })).toBeNull();
    expect(
      bandChart({ label: 'x', categories: ['a'], values: [null], bands: [null], min: 0, max: 100 }),
    ).toBeNull();
    expect(heatMap('x', [[0, 0]], ['Mon'])).toBeNull();
    expect(hbarChart({ label: 'x', rows: [{ name: 'a', value: 3 }] })).toContain('<svg');
  });

  it('says "no data" in the page instead of drawing empty axes', () => {
    // Tickets without surveys, SLA or schedules: CSAT, NPS and SLA have nothing to draw.
    const bare = {
      tickets: dataset.tickets,
      messages: dataset.messages,
      events: dataset.events,
      asOf: dataset.asOf,
    };
    const report = summarize(bare, { timeZone: OPTIONS.timeZone });
    const html = renderReport(report, { format: 'html' });
    const sla = html.split('<section id="sla">')[1]!.split('</section>')[0]!;
    expect(sla).toContain('<p class="empty">no data</p>');
    expect(sla).not.toContain('<svg');
    // Every chart drawn has a bar, a line, a point or a cell: no chart is axes alone.
    for (const svg of html.match(/<svg[\s\S]*?<\/svg>/g) ?? [])
      expect(svg).toMatch(/<(rect|circle|polyline)/);
  });
});
