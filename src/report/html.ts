import type { ReportData } from './data.js';
import { WEEKDAYS } from './data.js';
import { bandChart, barLineChart, esc, groupedBarChart, hbarChart, heatMap } from './svg.js';
import {
  breakdownTable,
  headline,
  histogramTable,
  risingTable,
  rowLabel,
  satisfactionTable,
  scope,
  slaTable,
  speedTable,
  surveyTable,
  type Table,
  volumeTable,
} from './tables.js';

const STYLE = `
:root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--accent:#2563eb}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;background:#f9fafb}
header{background:#fff;border-bottom:1px solid var(--line);padding:20px 32px}
h1{margin:0 0 4px;font-size:22px}
.scope{color:var(--muted);margin:0}
.headline{font-size:16px;margin:8px 0 0;font-weight:600}
main{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px;padding:16px 32px}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px;break-inside:avoid}
h2{font-size:15px;margin:0 0 8px}
figure{margin:0}
svg.chart{display:block;max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:12px;margin-top:6px}
th,td{padding:3px 6px;border-bottom:1px solid var(--line);text-align:left}
td.r,th.r{text-align:right;font-variant-numeric:tabular-nums}
details summary{cursor:pointer;color:var(--muted);font-size:12px;margin-top:6px}
.empty{color:var(--muted);font-style:italic}
footer{color:var(--muted);font-size:12px;padding:8px 32px 24px}
@media print{
  body{background:#fff;font-size:10pt}
  header{padding:0 0 8px}
  main{display:block;padding:0}
  section{border:none;padding:0;margin:0 0 14px;page-break-inside:avoid}
  details summary{display:none}
  details::details-content{content-visibility:visible;display:block}
  footer{display:none}
}`;

function htmlTable(table: Table): string {
  if (table.rows.length === 0) return '<p class="empty">no data</p>';
  const cls = (i: number) => (table.align[i] === 'right' ? ' class="r"' : '');
  const head = table.header.map((h, i) => `<th${cls(i)} scope="col">${esc(h)}</th>`).join('');
  const body = table.rows
    .map((row) => `<tr>${row.map((c, i) => `<td${cls(i)}>${esc(c)}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A section: a chart (when there is one) with its data table as the fallback, or the table alone. */
function section(id: string, title: string, svg: string | null, table: Table, note?: string): string {
  const noteHtml = note ? `<p class="empty">${esc(note)}</p>` : '';
  if (svg === null)
    return `<section id="${esc(id)}"><h2>${esc(title)}</h2>${noteHtml}${htmlTable(table)}</section>`;
  return `<section id="${esc(id)}"><h2>${esc(title)}</h2>${noteHtml}<figure>${svg}</figure><details><summary>Data table</summary>${htmlTable(table)}</details></section>`;
}

/** Volume, speed and the two duration distributions. */
function workSections(data: ReportData): string[] {
  const { report } = data;
  const periods = report.volumes.map((v) => v.period);
  const histogram = (label: string, h: ReportData['firstReply']) =>
    groupedBarChart({
      label,
      categories: h.calendar.map((b) => b.label),
      series: [
        { name: 'calendar hours', values: h.calendar.map((b) => b.count) },
        ...(h.business ? [{ name: 'business hours', values: h.business.map((b) => b.count) }] : []),
      ],
    });
  const every = report.interval === 'week' ? 'Weekly' : report.interval === 'day' ? 'Daily' : 'Monthly';
  return [
    section(
      'volume',
      `${every} volume and backlog`,
      periods.length === 0
        ? null
        : barLineChart({
            label: 'Tickets created per period, and the backlog at each period’s end',
            categories: periods,
            bars: { name: 'created', values: report.volumes.map((v) => v.created) },
            line: { name: 'backlog', values: report.volumes.map((v) => v.backlog) },
          }),
      volumeTable(report),
    ),
    section('speed', 'Speed', null, speedTable(report)),
    section(
      'first-reply',
      'First reply: calendar vs business hours',
      histogram('First-reply time distribution', data.firstReply),
      histogramTable(data.firstReply),
      data.firstReply.business ? undefined : 'no business hours: pass --schedule or --country',
    ),
    section(
      'resolution',
      'Resolution: calendar vs business hours',
      histogram('First-resolution time distribution', data.resolution),
      histogramTable(data.resolution),
    ),
  ];
}

/** SLA attainment and how customers feel, overall and per period. */
function serviceSections(data: ReportData): string[] {
  const { report } = data;
  const sla = report.sla.filter((s) => s.achieved + s.breached + s.active > 0);
  const surveyPeriods = data.surveys.map((s) => s.period);
  return [
    section(
      'sla',
      'SLA attainment',
      sla.length === 0
        ? null
        : hbarChart({
            label: 'SLA attainment per target',
            rows: sla.map((s) => ({
              name: s.metric.replaceAll('_', ' '),
              value: s.attainment,
              note: `${s.achieved} achieved, ${s.breached} breached`,
            })),
            max: 100,
            unit: '%',
          }),
      slaTable(report),
    ),
    section('satisfaction', 'How customers feel', null, satisfactionTable(report)),
    section(
      'csat-over-time',
      'CSAT over time (95% Wilson interval)',
      surveyPeriods.length === 0
        ? null
        : bandChart({
            label: 'CSAT per period with its interval',
            categories: surveyPeriods,
            values: data.surveys.map((s) => s.csat.score),
            bands: data.surveys.map((s) => s.csat.interval),
            min: 0,
            max: 100,
            unit: '%',
          }),
      surveyTable(data),
    ),
    section(
      'nps-over-time',
      'NPS over time (95% adjusted-Wald interval)',
      surveyPeriods.length === 0
        ? null
        : bandChart({
            label: 'NPS per period with its interval',
            categories: surveyPeriods,
            values: data.surveys.map((s) => s.nps.score),
            bands: data.surveys.map((s) => s.nps.interval),
            min: -100,
            max: 100,
          }),
      surveyTable(data),
    ),
  ];
}

/** Arrival patterns, rising tags and breakdowns. */
function patternSections(data: ReportData): string[] {
  const { report } = data;
  const rising = risingTable(report);
  const risingTags = report.tagTrends.tags
    .filter((t) => t.rising)
    .sort((a, b) => (b.growth ?? 0) - (a.growth ?? 0))
    .slice(0, 10);
  const breakdown = (by: 'channel' | 'group' | 'agent' | 'organization') => {
    const table = breakdownTable(report, by, data.names);
    const rows = [...report.breakdowns[by]].sort((a, b) => b.tickets - a.tickets).slice(0, 10);
    const svg =
      rows.length === 0
        ? null
        : hbarChart({
            label: `Tickets by ${by}`,
            rows: rows.map((r) => ({ name: rowLabel(by, r.key, data.names), value: r.tickets })),
          });
    return section(`by-${by}`, `By ${by}`, svg, table);
  };
  return [
    section(
      'arrivals',
      'Arrivals by weekday and hour',
      heatMap('Tickets created by weekday and hour', data.arrivals, WEEKDAYS),
      {
        header: ['day', ...Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'))],
        rows: data.arrivals.map((row, d) => [WEEKDAYS[d]!, ...row.map(String)]),
        align: ['left', ...new Array(24).fill('right')],
      },
    ),
    section(
      'rising-tags',
      'Rising tags',
      risingTags.length === 0
        ? null
        : hbarChart({
            label: 'Share of recent tickets with each rising tag',
            rows: risingTags.map((t) => ({
              name: t.tag,
              value: t.recentShare,
              note: `before ${t.baselineShare?.toFixed(1) ?? '—'}%`,
            })),
            unit: '%',
          }),
      rising,
      risingTags.length === 0 ? 'nothing is rising significantly' : undefined,
    ),
    breakdown('channel'),
    breakdown('group'),
    breakdown('agent'),
    breakdown('organization'),
  ];
}

function chartSections(data: ReportData): string[] {
  return [
    ...workSections(data),
    ...serviceSections(data),
    ...patternSections(data),
    ...data.sections.map((s) =>
      section(
        s.id,
        s.title,
        s.svg ?? null,
        { ...s.table, align: s.table.header.map((_, i) => (i === 0 ? 'left' : 'right')) },
        s.note,
      ),
    ),
  ];
}

/** JSON inside a script element: `<` escaped so the data can never close the element. */
const embed = (data: ReportData) => JSON.stringify(data).replaceAll('<', '\\u003c');

/**
 * The report as one self-contained HTML file: inline CSS, inline SVG charts each with its data table, print
 * styles, the data embedded as JSON (`#supportkit-data`), and a Content-Security-Policy that forbids every
 * network request — it opens from disk, offline, and needs no script.
 *
 * @example
 * ```ts
 * writeFileSync('report.html', renderHtml(data));
 * ```
 */
export function renderHtml(data: ReportData): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Support report — ${esc(data.source)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>Support report</h1><p class="scope">${esc(scope(data))}</p><p class="headline">${esc(headline(data.report))}</p></header>
<main>
${chartSections(data).join('\n')}
</main>
<footer>Made by supportkit. The data behind every chart is in the tables under it and, as JSON, in this file’s #supportkit-data element.</footer>
<script type="application/json" id="supportkit-data">${embed(data)}</script>
</body>
</html>
`;
}
