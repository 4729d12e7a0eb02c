/**
 * The report's sections as tables (header, rows of display strings, alignment), shared by the text, Markdown
 * and HTML renderers so that every format shows the same figures, rounded the same way.
 */
import type { MetricsReport } from '../models/metrics-report.js';
import type { DurationHistogram, ReportData, ReportNames } from './data.js';
import { type Align, count, duration, fixed, percent } from './format.js';

/** A table of display strings. */
export interface Table {
  header: string[];
  rows: string[][];
  align: Align[];
}

/**
 * Weekly (or daily, monthly) created, solved and backlog.
 *
 * @example
 * ```ts
 * volumeTable(data.report).rows[0]; // ['2026-01-05', '412', '398', '37']
 * ```
 */
export const volumeTable = (report: MetricsReport): Table => ({
  header: ['period', 'created', 'solved', 'backlog'],
  rows: report.volumes.map((v) => [v.period, count(v.created), count(v.solved), count(v.backlog)]),
  align: ['left', 'right', 'right', 'right'],
});

/**
 * Median and p90 of first reply, every reply and resolution, calendar and business.
 *
 * @example
 * ```ts
 * speedTable(report).header; // ['', 'median', 'p90', 'business median', 'business p90', 'n']
 * ```
 */
export function speedTable(report: MetricsReport): Table {
  const row = (name: string, d: MetricsReport['replyTimes']) => [
    name,
    duration(d.calendarMinutes.median),
    duration(d.calendarMinutes.p90),
    duration(d.businessMinutes?.median),
    duration(d.businessMinutes?.p90),
    count(d.calendarMinutes.n),
  ];
  return {
    header: ['', 'median', 'p90', 'business median', 'business p90', 'n'],
    rows: [
      row('first reply', report.firstReply),
      row('every reply', report.replyTimes),
      row('first resolution', report.resolution.first),
      row('full resolution', report.resolution.full),
    ],
    align: ['left', 'right', 'right', 'right', 'right', 'right'],
  };
}

/**
 * A histogram's counts per bucket, calendar and business.
 *
 * @example
 * ```ts
 * histogramTable(data.firstReply).rows[0]; // ['< 15 min', '120', '95']
 * ```
 */
export const histogramTable = (h: DurationHistogram): Table => ({
  header: ['time', 'calendar', 'business'],
  rows: h.calendar.map((b, i) => [b.label, count(b.count), h.business ? count(h.business[i]!.count) : '—']),
  align: ['left', 'right', 'right'],
});

/**
 * SLA attainment per metric that had targets.
 *
 * @example
 * ```ts
 * slaTable(report).rows; // [['first_reply_time', '93.1%', '540', '40', '3']]
 * ```
 */
export const slaTable = (report: MetricsReport): Table => ({
  header: ['target', 'attainment', 'achieved', 'breached', 'running'],
  rows: report.sla
    .filter((s) => s.achieved + s.breached + s.active > 0)
    .map((s) => [
      s.metric.replaceAll('_', ' '),
      percent(s.attainment),
      count(s.achieved),
      count(s.breached),
      count(s.active),
    ]),
  align: ['left', 'right', 'right', 'right', 'right'],
});

/**
 * CSAT, NPS and CES with their counts and intervals.
 *
 * @example
 * ```ts
 * satisfactionTable(report).rows[1]![0]; // 'NPS'
 * ```
 */
export function satisfactionTable(report: MetricsReport): Table {
  const { csat, nps, ces } = report;
  const interval = nps.interval ? `${fixed(nps.interval[0])} … ${fixed(nps.interval[1])}` : '—';
  return {
    header: ['', 'score', 'n', 'detail'],
    rows: [
      [
        'CSAT',
        percent(csat.score),
        count(csat.n),
        `${csat.positive} good, ${csat.negative} bad, ${csat.unanswered} unanswered`,
      ],
      ['NPS', fixed(nps.score), count(nps.n), `95% interval ${interval}`],
      ['CES', `${fixed(ces.mean, 2)} / 7`, count(ces.n), `${percent(ces.easyShare)} found it easy`],
    ],
    align: ['left', 'right', 'right', 'left'],
  };
}

/**
 * CSAT and NPS per period with their intervals.
 *
 * @example
 * ```ts
 * surveyTable(data).header; // ['period', 'CSAT', 'CSAT 95%', 'n', 'NPS', 'NPS 95%', 'n']
 * ```
 */
export const surveyTable = (data: ReportData): Table => ({
  header: ['period', 'CSAT', 'CSAT 95%', 'n', 'NPS', 'NPS 95%', 'n'],
  rows: data.surveys.map((s) => [
    s.period,
    percent(s.csat.score),
    s.csat.interval ? `${fixed(s.csat.interval[0])}–${fixed(s.csat.interval[1])}` : '—',
    count(s.csat.n),
    fixed(s.nps.score),
    s.nps.interval ? `${fixed(s.nps.interval[0])}…${fixed(s.nps.interval[1])}` : '—',
    count(s.nps.n),
  ]),
  align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
});

/**
 * Tags rising in the recent periods against the baseline, fastest first.
 *
 * @example
 * ```ts
 * risingTable(report).rows[0]; // ['outage', '1.2%', '6.5%', '×5.4', '1.0e-9']
 * ```
 */
export const risingTable = (report: MetricsReport): Table => ({
  header: ['tag', 'before', 'recent', 'growth', 'p'],
  rows: report.tagTrends.tags
    .filter((t) => t.rising)
    .sort((a, b) => (b.growth ?? 0) - (a.growth ?? 0))
    .slice(0, 10)
    .map((t) => [
      t.tag,
      percent(t.baselineShare),
      percent(t.recentShare),
      t.growth === null ? 'new' : `×${fixed(t.growth)}`,
      t.pValue === null ? '—' : t.pValue.toExponential(1),
    ]),
  align: ['left', 'right', 'right', 'right', 'right'],
});

/**
 * What a breakdown row shows for its key: the agent's, group's or organization's name when the data holds it
 * (with the id when two share a name), else the key itself.
 *
 * @example
 * ```ts
 * rowLabel('group', 'g1', { agent: {}, group: { g1: 'Billing' }, organization: {} }); // 'Billing'
 * ```
 */
export function rowLabel(by: BreakdownBy, key: string, names: ReportNames | undefined): string {
  if (by === 'channel' || by === 'priority' || !names) return key;
  const book = names[by];
  const name = Object.hasOwn(book, key) ? book[key] : undefined;
  if (name === undefined) return key;
  let shared = 0;
  for (const id in book) if (book[id] === name && ++shared > 1) return `${name} (${key})`;
  return name;
}

/** What a breakdown table is by. */
type BreakdownBy = 'channel' | 'agent' | 'group' | 'organization' | 'priority';

/**
 * Tickets, first-reply median and CSAT per channel, agent, group or organization (the 10 busiest); agents,
 * groups and organizations by name when `names` holds them.
 *
 * @example
 * ```ts
 * breakdownTable(report, 'channel').rows[0]; // ['email', '2 410', '3.1 h', '1.2 h', '88.0%']
 * breakdownTable(report, 'group', data.names).rows[0]?.[0]; // 'Billing'
 * ```
 */
export const breakdownTable = (report: MetricsReport, by: BreakdownBy, names?: ReportNames): Table => ({
  header: [by, 'tickets', 'first reply median', 'business median', 'CSAT'],
  rows: [...report.breakdowns[by]]
    .sort((a, b) => b.tickets - a.tickets)
    .slice(0, 10)
    .map((row) => [
      rowLabel(by, row.key, names),
      count(row.tickets),
      duration(row.firstReply.calendarMinutes.median),
      duration(row.firstReply.businessMinutes?.median),
      percent(row.csat.score),
    ]),
  align: ['left', 'right', 'right', 'right', 'right'],
});

/**
 * The headline: tickets, unresolved, reopened, unanswered.
 *
 * @example
 * ```ts
 * headline(report); // '6 000 tickets · 412 unresolved · 37 unanswered · 120 reopened'
 * ```
 */
export const headline = (report: MetricsReport): string =>
  [
    `${count(report.tickets.total)} tickets`,
    `${count(report.tickets.unresolved)} unresolved`,
    `${count(report.firstReply.unreplied)} unanswered`,
    `${count(report.tickets.reopenedTickets)} reopened`,
  ].join(' · ');

/**
 * What the report covers, in one line.
 *
 * @example
 * ```ts
 * scope(data); // 'helpdesk/ · 2026-01-01 → 2026-04-01 · Europe/Rome · as of 2026-04-01 00:00'
 * ```
 */
export function scope(data: ReportData): string {
  const day = (iso: string | null) => (iso === null ? '…' : iso.slice(0, 10));
  const window =
    data.window.from || data.window.to ? ` · ${day(data.window.from)} → ${day(data.window.to)}` : '';
  const asOf = data.report.asOf.toISOString().slice(0, 16).replace('T', ' ');
  return `${data.source}${window} · ${data.report.timeZone} · by ${data.report.interval} · as of ${asOf} UTC`;
}
