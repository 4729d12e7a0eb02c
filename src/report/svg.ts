/**
 * Small inline-SVG charts, rendered to strings at build time: no script is needed to see them, and every mark
 * carries a `<title>` (the browser's own tooltip). Axes have round ticks (1, 2 or 5 × a power of ten) and every
 * number is written by the caller's formatter, so the charts read like the tables beside them. A chart with
 * nothing to draw returns null: the report then says "no data" instead of drawing empty axes. Pure.
 */

/**
 * Escapes text for HTML and SVG content and attributes.
 * @example `esc('<b>') // '&#60;b&#62;'`
 */
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The palette: two series, a band, and the heat ramp's ends.
 * @example `hbarChart({ label: 'x', rows: [{ name: 'a', value: 1, color: COLORS.b }] })`
 */
export const COLORS = {
  a: '#2563eb',
  b: '#f97316',
  band: '#93c5fd',
  grid: '#e5e7eb',
  ink: '#374151',
} as const;

/**
 * Writes a number on an axis, in a tooltip or at a bar's end.
 * @example `const format: NumberText = (v, digits) => v.toFixed(digits);`
 */
export type NumberText = (value: number, digits: number) => string;
const plain: NumberText = (value, digits) => value.toFixed(digits);

const W = 640;
const H = 220;
const PAD = { left: 48, right: 12, top: 12, bottom: 34 };

/** Decimals that show a value as precisely as a step (0 for whole steps). */
const digitsOf = (step: number) => (step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step) - 1e-9)));
/** Decimals a data value is shown with: whole numbers as such, others with one decimal. */
const valueDigits = (value: number) => (Number.isInteger(value) ? 0 : 1);

function frame(label: string, body: string, height = H): string {
  return `<svg class="chart" viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

/**
 * A round axis over [min, max]: a step of 1, 2 or 5 × 10^k giving at most `ticks` intervals, the ends widened to
 * multiples of it.
 *
 * @example
 * ```ts
 * niceAxis(0, 540); // { min: 0, max: 600, step: 200 }
 * niceAxis(0, 3); // { min: 0, max: 3, step: 1 }
 * ```
 */
export function niceAxis(min: number, max: number, ticks = 5): { min: number; max: number; step: number } {
  if (!(max > min)) max = min + 1;
  const raw = (max - min) / ticks;
  let power = 10 ** Math.floor(Math.log10(raw));
  let m = [1, 2, 5].find((k) => k * power >= raw * (1 - 1e-12)) ?? 10;
  for (;;) {
    const step = m * power;
    // Round away the float noise of the multiplications (0.30000000000000004).
    const round = (v: number) => Number(v.toFixed(digitsOf(step) + 2));
    const low = round(Math.floor(min / step + 1e-9) * step);
    const high = round(Math.ceil(max / step - 1e-9) * step);
    // Widening both ends to the step can add an interval: then the next round step.
    if (Math.round((high - low) / step) <= ticks) return { min: low, max: high, step };
    if (m === 1) m = 2;
    else if (m === 2) m = 5;
    else {
      m = 1;
      power *= 10;
    }
  }
}

function yAxis(
  top: number,
  bottom: number,
  axis: { min: number; max: number; step: number },
  format: NumberText,
  unit = '',
): string {
  let out = '';
  const digits = digitsOf(axis.step);
  const count = Math.round((axis.max - axis.min) / axis.step);
  for (let i = 0; i <= count; i++) {
    const value = axis.min + i * axis.step;
    const y = bottom - ((bottom - top) * i) / count;
    out += `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" stroke="${COLORS.grid}"/>`;
    out += `<text x="${PAD.left - 4}" y="${y + 4}" text-anchor="end" font-size="10" fill="${COLORS.ink}">${esc(format(value, digits))}${esc(unit)}</text>`;
  }
  return out;
}

function xLabels(labels: readonly string[], x: (i: number) => number, bottom: number): string {
  const every = Math.max(1, Math.ceil(labels.length / 8));
  return labels
    .map((label, i) =>
      i % every === 0
        ? `<text x="${x(i)}" y="${bottom + 14}" text-anchor="middle" font-size="10" fill="${COLORS.ink}">${esc(label)}</text>`
        : '',
    )
    .join('');
}

function legend(items: readonly [string, string][], y: number): string {
  return items
    .map(
      ([label, color], i) =>
        `<rect x="${PAD.left + i * 170}" y="${y}" width="10" height="10" fill="${color}"/><text x="${PAD.left + 14 + i * 170}" y="${y + 9}" font-size="11" fill="${COLORS.ink}">${esc(label)}</text>`,
    )
    .join('');
}

const anyAbove = (values: readonly (number | null)[]) => values.some((v) => v !== null && v > 0);

/**
 * A bar series and a line series over the same periods, e.g. weekly created tickets and backlog.
 * @example `barLineChart({ label: 'Volume', categories: ['W1'], bars: { name: 'created', values: [3] }, line: { name: 'backlog', values: [1] } })`
 */
export interface BarLineChart {
  label: string;
  categories: readonly string[];
  bars: { name: string; values: readonly number[] };
  line: { name: string; values: readonly number[] };
  format?: NumberText;
}

/**
 * Bars with a line over them, on one axis; null when every value is 0.
 *
 * @example
 * ```ts
 * barLineChart({ label: 'Weekly volume', categories: ['W1'], bars: { name: 'created', values: [3] }, line: { name: 'backlog', values: [1] } });
 * ```
 */
export function barLineChart(chart: BarLineChart): string | null {
  if (!anyAbove([...chart.bars.values, ...chart.line.values])) return null;
  const format = chart.format ?? plain;
  const n = chart.categories.length;
  const bottom = H - PAD.bottom;
  const axis = niceAxis(0, Math.max(...chart.bars.values, ...chart.line.values));
  const step = (W - PAD.left - PAD.right) / Math.max(1, n);
  const x = (i: number) => PAD.left + step * (i + 0.5);
  const y = (v: number) => bottom - ((bottom - PAD.top) * v) / axis.max;
  let body = yAxis(PAD.top, bottom, axis, format);
  chart.bars.values.forEach((v, i) => {
    body += `<rect x="${x(i) - step * 0.35}" y="${y(v)}" width="${step * 0.7}" height="${bottom - y(v)}" fill="${COLORS.a}"><title>${esc(`${chart.categories[i]}: ${format(v, valueDigits(v))} ${chart.bars.name}`)}</title></rect>`;
  });
  const points = chart.line.values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
  body += `<polyline points="${points}" fill="none" stroke="${COLORS.b}" stroke-width="2.5"/>`;
  chart.line.values.forEach((v, i) => {
    body += `<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="${COLORS.b}"><title>${esc(`${chart.categories[i]}: ${format(v, valueDigits(v))} ${chart.line.name}`)}</title></circle>`;
  });
  body += xLabels(chart.categories, x, bottom);
  body += legend(
    [
      [chart.bars.name, COLORS.a],
      [chart.line.name, COLORS.b],
    ],
    H - 12,
  );
  return frame(chart.label, body);
}

/**
 * Two bar series side by side per category, e.g. a distribution in calendar and business hours.
 * @example `groupedBarChart({ label: 'First reply', categories: ['< 1 h'], series: [{ name: 'calendar', values: [5] }] })`
 */
export interface GroupedBarChart {
  label: string;
  categories: readonly string[];
  series: readonly { name: string; values: readonly number[] }[];
  unit?: string;
  format?: NumberText;
}

/**
 * Grouped vertical bars; null when every value is 0.
 *
 * @example
 * ```ts
 * groupedBarChart({ label: 'First reply', categories: ['<1 h', '1–4 h'], series: [{ name: 'calendar', values: [5, 2] }] });
 * ```
 */
export function groupedBarChart(chart: GroupedBarChart): string | null {
  const all = chart.series.flatMap((s) => s.values);
  if (!anyAbove(all)) return null;
  const format = chart.format ?? plain;
  const n = chart.categories.length;
  const bottom = H - PAD.bottom;
  const axis = niceAxis(0, Math.max(...all));
  const step = (W - PAD.left - PAD.right) / Math.max(1, n);
  const width = (step * 0.8) / Math.max(1, chart.series.length);
  const x = (i: number) => PAD.left + step * (i + 0.5);
  const y = (v: number) => bottom - ((bottom - PAD.top) * v) / axis.max;
  const colors = [COLORS.a, COLORS.b];
  let body = yAxis(PAD.top, bottom, axis, format, chart.unit ?? '');
  chart.series.forEach((series, s) => {
    series.values.forEach((v, i) => {
      const left = x(i) - step * 0.4 + s * width;
      body += `<rect x="${left}" y="${y(v)}" width="${width}" height="${bottom - y(v)}" fill="${colors[s % 2]}"><title>${esc(`${chart.categories[i]}, ${series.name}: ${format(v, valueDigits(v))}${chart.unit ?? ''}`)}</title></rect>`;
    });
  });
  body += xLabels(chart.categories, x, bottom);
  body += legend(
    chart.series.map((s, i) => [s.name, colors[i % 2]!] as [string, string]),
    H - 12,
  );
  return frame(chart.label, body);
}

/**
 * Horizontal bars, one per row, e.g. SLA attainment per metric or tickets per channel.
 * @example `hbarChart({ label: 'SLA', rows: [{ name: 'first reply time', value: 93.1 }], max: 100, unit: '%' })`
 */
export interface HBarChart {
  label: string;
  rows: readonly { name: string; value: number | null; note?: string; color?: string }[];
  max?: number;
  unit?: string;
  format?: NumberText;
}

/**
 * Horizontal bars with their value at the end; a null value draws no bar and says so. Null when no row has a
 * value above 0.
 *
 * @example
 * ```ts
 * hbarChart({ label: 'SLA', rows: [{ name: 'first reply', value: 93.1 }], max: 100, unit: '%' });
 * ```
 */
export function hbarChart(chart: HBarChart): string | null {
  if (!anyAbove(chart.rows.map((r) => r.value))) return null;
  const format = chart.format ?? plain;
  const rowH = 22;
  const height = PAD.top + chart.rows.length * rowH + 8;
  const left = 190;
  const max = chart.max ?? niceAxis(0, Math.max(...chart.rows.map((r) => r.value ?? 0))).max;
  const span = W - left - 80;
  let body = '';
  chart.rows.forEach((row, i) => {
    const y = PAD.top + i * rowH;
    const w = row.value === null ? 0 : (span * Math.max(0, row.value)) / max;
    const text = row.value === null ? '—' : `${format(row.value, valueDigits(row.value))}${chart.unit ?? ''}`;
    const name = row.name.length > 30 ? `${row.name.slice(0, 29)}…` : row.name;
    body += `<text x="${left - 6}" y="${y + 14}" text-anchor="end" font-size="11" fill="${COLORS.ink}">${esc(name)}</text>`;
    body += `<rect x="${left}" y="${y + 3}" width="${w}" height="${rowH - 8}" fill="${row.color ?? COLORS.a}"><title>${esc(`${row.name}: ${text}${row.note ? ` (${row.note})` : ''}`)}</title></rect>`;
    body += `<text x="${left + w + 4}" y="${y + 14}" font-size="11" fill="${COLORS.ink}">${esc(text)}</text>`;
  });
  return frame(chart.label, body, height);
}

/**
 * A line with an interval band, e.g. NPS per week with its confidence interval; null points are gaps.
 * @example `bandChart({ label: 'NPS', categories: ['W1'], values: [20], bands: [[10, 30]], min: -100, max: 100 })`
 */
export interface BandChart {
  label: string;
  categories: readonly string[];
  values: readonly (number | null)[];
  bands: readonly ([number, number] | null)[];
  /** The axis' ends; by default round numbers around the values and bands (from 0). */
  min?: number;
  max?: number;
  unit?: string;
  format?: NumberText;
  /** Points drawn hollow (e.g. forecasts after the observed periods), by index. */
  hollowFrom?: number;
  /** Names and colours under the chart. */
  legend?: readonly [string, string][];
}

/**
 * A line over a shaded interval band; null when no point has a value.
 *
 * @example
 * ```ts
 * bandChart({ label: 'NPS', categories: ['W1'], values: [20], bands: [[10, 30]], min: -100, max: 100 });
 * ```
 */
export function bandChart(chart: BandChart): string | null {
  if (!chart.values.some((v) => v !== null)) return null;
  const format = chart.format ?? plain;
  const n = chart.categories.length;
  const bottom = H - PAD.bottom;
  const reach = [
    ...chart.values.filter((v): v is number => v !== null),
    ...chart.bands.flatMap((b) => b ?? []),
  ];
  const axis =
    chart.min !== undefined && chart.max !== undefined
      ? { min: chart.min, max: chart.max, step: niceAxis(chart.min, chart.max).step }
      : niceAxis(chart.min ?? Math.min(0, ...reach), chart.max ?? Math.max(...reach));
  const step = (W - PAD.left - PAD.right) / Math.max(1, n);
  const x = (i: number) => PAD.left + step * (i + 0.5);
  const y = (v: number) => bottom - ((bottom - PAD.top) * (v - axis.min)) / (axis.max - axis.min);
  let body = yAxis(PAD.top, bottom, axis, format, chart.unit ?? '');
  chart.bands.forEach((band, i) => {
    if (band)
      body += `<rect x="${x(i) - step * 0.3}" y="${y(band[1])}" width="${step * 0.6}" height="${Math.max(1, y(band[0]) - y(band[1]))}" fill="${COLORS.band}" opacity="0.6"><title>${esc(`${chart.categories[i]}: ${format(band[0], 1)} … ${format(band[1], 1)}`)}</title></rect>`;
  });
  let path = '';
  chart.values.forEach((v, i) => {
    if (v === null) return;
    path += `${path === '' || chart.values[i - 1] === null ? 'M' : 'L'}${x(i)},${y(v)} `;
    const hollow = chart.hollowFrom !== undefined && i >= chart.hollowFrom;
    body += `<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="${hollow ? '#fff' : COLORS.a}" stroke="${COLORS.a}"><title>${esc(`${chart.categories[i]}: ${format(v, valueDigits(v))}${chart.unit ?? ''}`)}</title></circle>`;
  });
  body += `<path d="${path.trim()}" fill="none" stroke="${COLORS.a}" stroke-width="2"/>`;
  body += xLabels(chart.categories, x, bottom);
  if (chart.legend) body += legend(chart.legend, H - 12);
  return frame(chart.label, body);
}

/**
 * A heat map of counts: one row per name (weekdays, days), columns the hours 00..23; null when every cell is 0.
 *
 * @example
 * ```ts
 * heatMap('Arrivals', [[0, 2, 5, …]], ['Mon']);
 * ```
 */
export function heatMap(
  label: string,
  cells: readonly (readonly number[])[],
  rowNames: readonly string[],
  format: NumberText = plain,
): string | null {
  if (!anyAbove(cells.flat())) return null;
  const left = 96;
  const cw = (W - left - 8) / 24;
  const ch = 22;
  const max = Math.max(1, ...cells.flat());
  let body = '';
  cells.forEach((row, r) => {
    body += `<text x="${left - 6}" y="${8 + r * ch + 15}" text-anchor="end" font-size="11" fill="${COLORS.ink}">${esc(rowNames[r] ?? '')}</text>`;
    row.forEach((value, h) => {
      const t = value / max;
      // From near-white to the series blue.
      const color = `rgb(${Math.round(239 - t * 202)},${Math.round(246 - t * 147)},${Math.round(255 - t * 20)})`;
      body += `<rect x="${left + h * cw}" y="${8 + r * ch}" width="${cw - 1}" height="${ch - 1}" fill="${color}"><title>${esc(`${rowNames[r]} ${String(h).padStart(2, '0')}:00: ${format(value, valueDigits(value))}`)}</title></rect>`;
    });
  });
  for (let h = 0; h < 24; h += 3)
    body += `<text x="${left + h * cw + cw / 2}" y="${8 + cells.length * ch + 14}" text-anchor="middle" font-size="10" fill="${COLORS.ink}">${String(h).padStart(2, '0')}</text>`;
  return frame(label, body, 8 + cells.length * ch + 22);
}
