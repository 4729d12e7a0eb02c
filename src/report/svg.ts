/**
 * Small inline-SVG charts, rendered to strings at build time: no script is needed to see them, and every mark
 * carries a `<title>` (the browser's own tooltip). Pure; the HTML report puts each beside a data table.
 */

/** Escapes text for HTML and SVG content and attributes. */
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The palette: two series, a band, and the heat ramp's ends. */
export const COLORS = {
  a: '#2563eb',
  b: '#f97316',
  band: '#93c5fd',
  grid: '#e5e7eb',
  ink: '#374151',
} as const;

const W = 640;
const H = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 34 };
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function frame(label: string, body: string, height = H): string {
  return `<svg class="chart" viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

/** A "nice" upper bound for an axis. */
function ceiling(max: number): number {
  if (!(max > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 2.5, 5, 10].map((m) => m * step).find((v) => v >= max) ?? max;
}

function yAxis(top: number, bottom: number, min: number, max: number, unit = ''): string {
  let out = '';
  for (let i = 0; i <= 4; i++) {
    const value = min + ((max - min) * i) / 4;
    const y = bottom - ((bottom - top) * i) / 4;
    out += `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" stroke="${COLORS.grid}"/>`;
    out += `<text x="${PAD.left - 4}" y="${y + 4}" text-anchor="end" font-size="10" fill="${COLORS.ink}">${num(value)}${unit}</text>`;
  }
  return out;
}

function xLabels(labels: readonly string[], x: (i: number) => number, bottom: number): string {
  const every = Math.max(1, Math.ceil(labels.length / 10));
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
        `<rect x="${PAD.left + i * 150}" y="${y}" width="10" height="10" fill="${color}"/><text x="${PAD.left + 14 + i * 150}" y="${y + 9}" font-size="11" fill="${COLORS.ink}">${esc(label)}</text>`,
    )
    .join('');
}

/** A bar series and a line series over the same periods, e.g. weekly created tickets and backlog. */
export interface BarLineChart {
  label: string;
  categories: readonly string[];
  bars: { name: string; values: readonly number[] };
  line: { name: string; values: readonly number[] };
}

/**
 * Bars with a line over them, on one axis.
 *
 * @example
 * ```ts
 * barLineChart({ label: 'Weekly volume', categories: ['W1'], bars: { name: 'created', values: [3] }, line: { name: 'backlog', values: [1] } });
 * ```
 */
export function barLineChart(chart: BarLineChart): string {
  const n = chart.categories.length;
  const bottom = H - PAD.bottom;
  const max = ceiling(Math.max(0, ...chart.bars.values, ...chart.line.values));
  const step = (W - PAD.left - PAD.right) / Math.max(1, n);
  const x = (i: number) => PAD.left + step * (i + 0.5);
  const y = (v: number) => bottom - ((bottom - PAD.top) * v) / max;
  let body = yAxis(PAD.top, bottom, 0, max);
  chart.bars.values.forEach((v, i) => {
    body += `<rect x="${x(i) - step * 0.35}" y="${y(v)}" width="${step * 0.7}" height="${bottom - y(v)}" fill="${COLORS.a}"><title>${esc(`${chart.categories[i]}: ${v} ${chart.bars.name}`)}</title></rect>`;
  });
  const points = chart.line.values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
  body += `<polyline points="${points}" fill="none" stroke="${COLORS.b}" stroke-width="2.5"/>`;
  chart.line.values.forEach((v, i) => {
    body += `<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="${COLORS.b}"><title>${esc(`${chart.categories[i]}: ${v} ${chart.line.name}`)}</title></circle>`;
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

/** Two bar series side by side per category, e.g. a distribution in calendar and business hours. */
export interface GroupedBarChart {
  label: string;
  categories: readonly string[];
  series: readonly { name: string; values: readonly number[] }[];
  unit?: string;
}

/**
 * Grouped vertical bars.
 *
 * @example
 * ```ts
 * groupedBarChart({ label: 'First reply', categories: ['<1 h', '1–4 h'], series: [{ name: 'calendar', values: [5, 2] }] });
 * ```
 */
export function groupedBarChart(chart: GroupedBarChart): string {
  const n = chart.categories.length;
  const bottom = H - PAD.bottom;
  const max = ceiling(Math.max(0, ...chart.series.flatMap((s) => s.values)));
  const step = (W - PAD.left - PAD.right) / Math.max(1, n);
  const width = (step * 0.8) / Math.max(1, chart.series.length);
  const x = (i: number) => PAD.left + step * (i + 0.5);
  const y = (v: number) => bottom - ((bottom - PAD.top) * v) / max;
  const colors = [COLORS.a, COLORS.b];
  let body = yAxis(PAD.top, bottom, 0, max, chart.unit ?? '');
  chart.series.forEach((series, s) => {
    series.values.forEach((v, i) => {
      const left = x(i) - step * 0.4 + s * width;
      body += `<rect x="${left}" y="${y(v)}" width="${width}" height="${bottom - y(v)}" fill="${colors[s % 2]}"><title>${esc(`${chart.categories[i]}, ${series.name}: ${num(v)}${chart.unit ?? ''}`)}</title></rect>`;
    });
  });
  body += xLabels(chart.categories, x, bottom);
  body += legend(
    chart.series.map((s, i) => [s.name, colors[i % 2]!] as [string, string]),
    H - 12,
  );
  return frame(chart.label, body);
}

/** Horizontal bars, one per row, e.g. SLA attainment per metric or tickets per channel. */
export interface HBarChart {
  label: string;
  rows: readonly { name: string; value: number | null; note?: string }[];
  max?: number;
  unit?: string;
}

/**
 * Horizontal bars with their value at the end; a null value draws no bar and says so.
 *
 * @example
 * ```ts
 * hbarChart({ label: 'SLA', rows: [{ name: 'first reply', value: 93.1 }], max: 100, unit: '%' });
 * ```
 */
export function hbarChart(chart: HBarChart): string {
  const rowH = 22;
  const height = PAD.top + chart.rows.length * rowH + 8;
  const left = 150;
  const max = chart.max ?? ceiling(Math.max(0, ...chart.rows.map((r) => r.value ?? 0)));
  const span = W - left - 70;
  let body = '';
  chart.rows.forEach((row, i) => {
    const y = PAD.top + i * rowH;
    const w = row.value === null ? 0 : (span * Math.max(0, row.value)) / max;
    const text = row.value === null ? '—' : `${num(row.value)}${chart.unit ?? ''}`;
    body += `<text x="${left - 6}" y="${y + 14}" text-anchor="end" font-size="11" fill="${COLORS.ink}">${esc(row.name.slice(0, 24))}</text>`;
    body += `<rect x="${left}" y="${y + 3}" width="${w}" height="${rowH - 8}" fill="${COLORS.a}"><title>${esc(`${row.name}: ${text}${row.note ? ` (${row.note})` : ''}`)}</title></rect>`;
    body += `<text x="${left + w + 4}" y="${y + 14}" font-size="11" fill="${COLORS.ink}">${esc(text)}</text>`;
  });
  return frame(chart.label, body, height);
}

/** A line with an interval band, e.g. NPS per week with its confidence interval; null points are gaps. */
export interface BandChart {
  label: string;
  categories: readonly string[];
  values: readonly (number | null)[];
  bands: readonly ([number, number] | null)[];
  min: number;
  max: number;
  unit?: string;
}

/**
 * A line over a shaded interval band.
 *
 * @example
 * ```ts
 * bandChart({ label: 'NPS', categories: ['W1'], values: [20], bands: [[10, 30]], min: -100, max: 100 });
 * ```
 */
export function bandChart(chart: BandChart): string {
  const n = chart.categories.length;
  const bottom = H - PAD.bottom;
  const step = (W - PAD.left - PAD.right) / Math.max(1, n);
  const x = (i: number) => PAD.left + step * (i + 0.5);
  const y = (v: number) => bottom - ((bottom - PAD.top) * (v - chart.min)) / (chart.max - chart.min);
  let body = yAxis(PAD.top, bottom, chart.min, chart.max, chart.unit ?? '');
  chart.bands.forEach((band, i) => {
    if (band)
      body += `<rect x="${x(i) - step * 0.3}" y="${y(band[1])}" width="${step * 0.6}" height="${Math.max(1, y(band[0]) - y(band[1]))}" fill="${COLORS.band}" opacity="0.6"><title>${esc(`${chart.categories[i]}: ${num(band[0])} … ${num(band[1])}`)}</title></rect>`;
  });
  let path = '';
  chart.values.forEach((v, i) => {
    if (v === null) return;
    path += `${path === '' || chart.values[i - 1] === null ? 'M' : 'L'}${x(i)},${y(v)} `;
    body += `<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="${COLORS.a}"><title>${esc(`${chart.categories[i]}: ${num(v)}${chart.unit ?? ''}`)}</title></circle>`;
  });
  body += `<path d="${path.trim()}" fill="none" stroke="${COLORS.a}" stroke-width="2"/>`;
  body += xLabels(chart.categories, x, bottom);
  return frame(chart.label, body);
}

/**
 * A weekday × hour heat map of counts: rows Monday..Sunday, columns 00..23.
 *
 * @example
 * ```ts
 * heatMap('Arrivals', Array.from({ length: 7 }, () => new Array(24).fill(0)));
 * ```
 */
export function heatMap(
  label: string,
  cells: readonly (readonly number[])[],
  rowNames: readonly string[],
): string {
  const left = 40;
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
      body += `<rect x="${left + h * cw}" y="${8 + r * ch}" width="${cw - 1}" height="${ch - 1}" fill="${color}"><title>${esc(`${rowNames[r]} ${String(h).padStart(2, '0')}:00: ${value}`)}</title></rect>`;
    });
  });
  for (let h = 0; h < 24; h += 3)
    body += `<text x="${left + h * cw + cw / 2}" y="${8 + 7 * ch + 14}" text-anchor="middle" font-size="10" fill="${COLORS.ink}">${String(h).padStart(2, '0')}</text>`;
  return frame(label, body, 8 + 7 * ch + 22);
}
