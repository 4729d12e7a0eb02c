import type { ReportData } from './data.js';
import { fill } from './format.js';
import { bandChart, barLineChart, esc, groupedBarChart, hbarChart, heatMap, type NumberText } from './svg.js';
import {
  breakdownTable,
  busiest,
  headline,
  histogramTable,
  periodName,
  risingTable,
  risingTags,
  rowLabel,
  satisfactionTable,
  scope,
  slaName,
  slaRows,
  slaTable,
  speedTable,
  surveyTable,
  type Table,
  volumeTable,
} from './tables.js';
import type { ReportView } from './view.js';

const STYLE = `
:root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--accent:#2563eb}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;background:#f9fafb}
header{background:#fff;border-bottom:1px solid var(--line);padding:20px 32px}
h1{margin:0 0 4px;font-size:22px}
.scope{color:var(--muted);margin:0}
.headline{font-size:16px;margin:8px 0 0;font-weight:600}
.warning{margin:8px 0 0;padding:6px 10px;border-left:4px solid #f59e0b;background:#fffbeb}
main{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(560px,100%),1fr));gap:16px;padding:16px 32px}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px;break-inside:avoid;min-width:0}
h2{font-size:15px;margin:0 0 8px}
figure{margin:0}
svg.chart{display:block;max-width:100%;height:auto}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:12px;margin-top:6px}
th,td{padding:3px 6px;border-bottom:1px solid var(--line);text-align:left}
td.r,th.r{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
details summary{cursor:pointer;color:var(--muted);font-size:12px;margin-top:6px}
.note{color:var(--muted);margin:0 0 6px}
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

function htmlTable(table: Table, noData: string): string {
  if (table.rows.length === 0) return `<p class="empty">${esc(noData)}</p>`;
  const cls = (i: number) => (table.align[i] === 'right' ? ' class="r"' : '');
  const head = table.header.map((h, i) => `<th${cls(i)} scope="col">${esc(h)}</th>`).join('');
  const body = table.rows
    .map((row) => `<tr>${row.map((c, i) => `<td${cls(i)}>${esc(c)}</td>`).join('')}</tr>`)
    .join('');
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** What a section shows: a chart (null when it has nothing to draw), the table, and a note. */
interface SectionParts {
  id: string;
  title: string;
  /** undefined: a table-only section; null: a chart with nothing to draw, which says so. */
  svg?: string | null;
  table: Table | null;
  note?: string | undefined;
}

/**
 * A section: a chart with its data table folded under it, or the table alone; a chart with nothing to draw says
 * "no data" instead of drawing empty axes.
 */
function section(view: ReportView, parts: SectionParts): string {
  const L = view.fmt.labels;
  const head = `<section id="${esc(parts.id)}"><h2>${esc(parts.title)}</h2>${parts.note ? `<p class="note">${esc(parts.note)}</p>` : ''}`;
  if (parts.svg === null) return `${head}<p class="empty">${esc(L.notes.noData)}</p></section>`;
  const table = parts.table === null ? '' : htmlTable(parts.table, L.notes.noData);
  if (parts.svg === undefined) return `${head}${table}</section>`;
  return `${head}<figure>${parts.svg}</figure><details><summary>${esc(L.notes.dataTable)}</summary>${table}</details></section>`;
}

/** The report's number format, for the charts. */
const numbers =
  (view: ReportView): NumberText =>
  (value, digits) =>
    view.fmt.decimal(value, digits);

/** Volume, speed and the two duration distributions. */
function workSections(view: ReportView): string[] {
  const { report, fmt } = view;
  const L = fmt.labels;
  const format = numbers(view);
  const histogram = (label: string, h: NonNullable<ReportView['firstReply']>) =>
    groupedBarChart({
      label,
      categories: h.calendar.map((b) => fmt.bucket(b.from, b.to)),
      series: [
        { name: L.legends.calendarHours, values: h.calendar.map((b) => b.count) },
        ...(h.business ? [{ name: L.legends.businessHours, values: h.business.map((b) => b.count) }] : []),
      ],
      format,
    });
  const out = [
    section(view, {
      id: 'volume',
      title: L.sections.volume[report.interval],
      svg: barLineChart({
        label: L.charts.volume,
        categories: report.volumes.map((v) => periodName(view, v, true)),
        bars: { name: L.legends.created, values: report.volumes.map((v) => v.created) },
        line: { name: L.legends.backlog, values: report.volumes.map((v) => v.backlog) },
        format,
      }),
      table: volumeTable(view),
    }),
    section(view, { id: 'speed', title: L.sections.speed, table: speedTable(view) }),
  ];
  if (view.firstReply)
    out.push(
      view.replyData
        ? section(view, {
            id: 'first-reply',
            title: L.sections.firstReply,
            svg: histogram(L.charts.firstReply, view.firstReply),
            table: histogramTable(view.firstReply, fmt),
            note: view.firstReply.business ? undefined : L.notes.noBusinessHours,
          })
        : section(view, {
            id: 'first-reply',
            title: L.sections.firstReply,
            table: null,
            note: L.notes.noReplyData,
          }),
    );
  if (view.resolution)
    out.push(
      section(view, {
        id: 'resolution',
        title: L.sections.resolution,
        svg: histogram(L.charts.resolution, view.resolution),
        table: histogramTable(view.resolution, fmt),
      }),
    );
  return out;
}

/** SLA attainment and how customers feel, overall and per period. */
function serviceSections(view: ReportView): string[] {
  const { report, fmt } = view;
  const L = fmt.labels;
  const format = numbers(view);
  const sla = slaRows(view);
  const out = [
    section(view, {
      id: 'sla',
      title: L.sections.sla,
      svg:
        sla.length === 0
          ? null
          : hbarChart({
              label: L.charts.sla,
              rows: sla.map((s) => ({
                name: slaName(s.metric, L),
                value: s.attainment,
                note: fill(L.notes.slaTooltip, {
                  achieved: fmt.count(s.achieved),
                  breached: fmt.count(s.breached),
                }),
              })),
              max: 100,
              unit: '%',
              format,
            }),
      table: slaTable(view),
    }),
    section(view, { id: 'satisfaction', title: L.sections.satisfaction, table: satisfactionTable(view) }),
  ];
  if (view.surveys) {
    const surveys = view.surveys;
    const categories = surveys.map((s) => fmt.period(s.period, report.interval, true));
    out.push(
      section(view, {
        id: 'csat-over-time',
        title: L.sections.csatOverTime,
        svg: bandChart({
          label: L.charts.csat,
          categories,
          values: surveys.map((s) => s.csat.score),
          bands: surveys.map((s) => s.csat.interval),
          min: 0,
          max: 100,
          unit: '%',
          format,
        }),
        table: surveyTable(view),
      }),
      section(view, {
        id: 'nps-over-time',
        title: L.sections.npsOverTime,
        svg: bandChart({
          label: L.charts.nps,
          categories,
          values: surveys.map((s) => s.nps.score),
          bands: surveys.map((s) => s.nps.interval),
          min: -100,
          max: 100,
          format,
        }),
        table: surveyTable(view),
      }),
    );
  }
  return out;
}

/** Arrival patterns, rising tags and breakdowns. */
function patternSections(view: ReportView): string[] {
  const { report, fmt } = view;
  const L = fmt.labels;
  const format = numbers(view);
  const rising = risingTags(report);
  const breakdown = (by: 'channel' | 'group' | 'agent' | 'organization') =>
    section(view, {
      id: `by-${by}`,
      title: L.sections.by[by],
      svg: hbarChart({
        label: fill(L.charts.by, { dimension: L.columns.dimension[by] }),
        rows: busiest(report, by).map((r) => ({
          name: rowLabel(by, r.key, view.names, L),
          value: r.tickets,
        })),
        format,
      }),
      table: breakdownTable(report, by, view.names, fmt, view.replyData),
    });
  const out: string[] = [];
  if (view.arrivals)
    out.push(
      section(view, {
        id: 'arrivals',
        title: L.sections.arrivals,
        svg: heatMap(L.charts.arrivals, view.arrivals, fmt.weekdays, format),
        table: {
          header: [L.columns.day, ...Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'))],
          rows: view.arrivals.map((row, d) => [fmt.weekdays[d]!, ...row.map((n) => fmt.count(n))]),
          align: ['left', ...new Array(24).fill('right')],
        },
      }),
    );
  out.push(
    rising.length === 0
      ? section(view, {
          id: 'rising-tags',
          title: L.sections.rising,
          table: null,
          note: L.notes.nothingRising,
        })
      : section(view, {
          id: 'rising-tags',
          title: L.sections.rising,
          svg: hbarChart({
            label: L.charts.rising,
            rows: rising.map((t) => ({
              name: t.tag,
              value: t.recentShare,
              note: fill(L.charts.before, { share: fmt.percent(t.baselineShare) }),
            })),
            unit: '%',
            format,
          }),
          table: risingTable(view),
        }),
    breakdown('channel'),
    breakdown('group'),
    breakdown('agent'),
    breakdown('organization'),
  );
  return out;
}

/** Sections other modules added (the planning sections among them): their chart when they drew one. */
function addedSections(view: ReportView): string[] {
  return view.sections.map((s) =>
    section(view, {
      id: s.id,
      title: s.title,
      ...(s.svg ? { svg: s.svg } : {}),
      table:
        s.table.rows.length === 0 && s.note
          ? null
          : {
              ...s.table,
              align: s.table.align ?? s.table.header.map((_, i) => (i === 0 ? 'left' : 'right')),
            },
      note: s.note,
    }),
  );
}

/** JSON inside a script element: `<` escaped so the data can never close the element. */
const embed = (data: unknown) => JSON.stringify(data).replaceAll('<', '\\u003c');

/**
 * The report as one self-contained HTML file: inline CSS, inline SVG charts each with its data table, print
 * styles, the data embedded as JSON (`#supportkit-data`), and a Content-Security-Policy that forbids every
 * network request — it opens from disk, offline, and needs no script.
 * @example `writeFileSync('report.html', renderHtml(reportView(data, renderOptions({ format: 'html' })), data));`
 */
export function renderHtml(view: ReportView, data: ReportData | unknown): string {
  const L = view.fmt.labels;
  const title = view.source ? `${L.title} — ${view.source}` : L.title;
  return `<!doctype html>
<html lang="${esc(view.fmt.tag)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${esc(L.title)}</h1><p class="scope">${esc(scope(view))}</p><p class="headline">${esc(headline(view))}</p>${view.replyData ? '' : `<p class="warning">${esc(L.notes.noReplyData)}</p>`}</header>
<main>
${[...workSections(view), ...serviceSections(view), ...patternSections(view), ...addedSections(view)].join('\n')}
</main>
<footer>${esc(L.notes.footer)}</footer>
<script type="application/json" id="supportkit-data">${embed(data)}</script>
</body>
</html>
`;
}
