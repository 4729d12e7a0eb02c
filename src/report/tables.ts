/**
 * The report's sections as tables (header, rows of display strings, alignment), shared by the text, Markdown
 * and HTML renderers so that every format shows the same figures, rounded and worded the same way.
 */
import type { MetricsReport } from '../models/metrics-report.js';
import type { DurationHistogram, ReportNames } from './data.js';
import { type Align, fill, lastDayOf, type ReportFormatter, reportFormatter } from './format.js';
import type { BreakdownBy, ReportLabels } from './labels/index.js';
import type { ReportView } from './view.js';

export type { BreakdownBy } from './labels/index.js';

/**
 * A table of display strings.
 * @example `const table: Table = { header: ['tag'], rows: [['billing']], align: ['left'] };`
 */
export interface Table {
  header: string[];
  rows: string[][];
  align: Align[];
}

const english = () => reportFormatter({ language: 'en', tag: 'en' }, 'UTC');

/**
 * A volume period's name; the period holding the report's moment says that it is cut there.
 * @example `periodName(view, report.volumes.at(-1)!) // '30 Mar 2026 (to 1 Apr 2026)'`
 */
export function periodName(view: ReportView, v: MetricsReport['volumes'][number], short = false): string {
  const { fmt, report } = view;
  const name = fmt.period(v.period, report.interval, short);
  const asOf = report.asOf.getTime();
  if (short || v.end.getTime() <= asOf) return name;
  return `${name} (${fill(fmt.labels.notes.partial, { date: fmt.date(lastDayOf(asOf, fmt.timeZone)) })})`;
}

/**
 * Created, solved and backlog per period, up to the report's moment.
 *
 * @example
 * ```ts
 * volumeTable(view).rows[0]; // ['5 Jan 2026', '412', '398', '37']
 * ```
 */
export function volumeTable(view: ReportView): Table {
  const { fmt } = view;
  const c = fmt.labels.columns;
  return {
    header: [c.period, c.created, c.solved, c.backlog],
    rows: view.report.volumes.map((v) => [
      periodName(view, v),
      fmt.count(v.created),
      fmt.count(v.solved),
      fmt.count(v.backlog),
    ]),
    align: ['left', 'right', 'right', 'right'],
  };
}

/**
 * Median and p90 of first reply, every reply and resolution, calendar and business.
 *
 * @example
 * ```ts
 * speedTable(view).header; // ['', 'median', 'p90', 'business median', 'business p90', 'n']
 * ```
 */
export function speedTable(view: ReportView): Table {
  const { fmt, report } = view;
  const c = fmt.labels.columns;
  const r = fmt.labels.rows;
  const row = (name: string, d: MetricsReport['replyTimes']) => [
    name,
    fmt.duration(d.calendarMinutes.median),
    fmt.duration(d.calendarMinutes.p90),
    fmt.duration(d.businessMinutes?.median),
    fmt.duration(d.businessMinutes?.p90),
    fmt.count(d.calendarMinutes.n),
  ];
  return {
    header: ['', c.median, c.p90, c.businessMedian, c.businessP90, c.n],
    rows: [
      ...(view.replyData ? [row(r.firstReply, report.firstReply), row(r.everyReply, report.replyTimes)] : []),
      row(r.firstResolution, report.resolution.first),
      row(r.fullResolution, report.resolution.full),
    ],
    align: ['left', 'right', 'right', 'right', 'right', 'right'],
  };
}

/**
 * A histogram's counts per bucket, calendar and business.
 *
 * @example
 * ```ts
 * histogramTable(data.firstReply, fmt).rows[0]; // ['< 15 min', '120', '95']
 * ```
 */
export function histogramTable(h: DurationHistogram, fmt: ReportFormatter): Table {
  const c = fmt.labels.columns;
  return {
    header: [c.time, c.calendar, c.business],
    rows: h.calendar.map((b, i) => [
      fmt.bucket(b.from, b.to),
      fmt.count(b.count),
      h.business ? fmt.count(h.business[i]!.count) : '—',
    ]),
    align: ['left', 'right', 'right'],
  };
}

/** SLA targets met by replies: without reply data every ticket would read as a breach. */
const REPLY_TARGETS = new Set(['firstReply', 'nextReply', 'periodicUpdate']);

/**
 * The SLA targets that had tickets to judge (targets met by replies only when the data has replies).
 * @example `slaRows(view).map((s) => s.metric) // ['firstReply', 'resolution']`
 */
export const slaRows = (view: Pick<ReportView, 'report' | 'replyData'>) =>
  view.report.sla.filter(
    (s) => s.achieved + s.breached + s.active > 0 && (view.replyData || !REPLY_TARGETS.has(s.metric)),
  );

/**
 * SLA attainment per target that had tickets, each target in words.
 *
 * @example
 * ```ts
 * slaTable(view).rows; // [['first reply time', '93.1%', '540', '40', '3']]
 * ```
 */
export function slaTable(view: ReportView): Table {
  const { fmt } = view;
  const c = fmt.labels.columns;
  return {
    header: [c.target, c.attainment, c.achieved, c.breached, c.running],
    rows: slaRows(view).map((s) => [
      slaName(s.metric, fmt.labels),
      fmt.percent(s.attainment),
      fmt.count(s.achieved),
      fmt.count(s.breached),
      fmt.count(s.active),
    ]),
    align: ['left', 'right', 'right', 'right', 'right'],
  };
}

/**
 * An SLA metric in words; one the labels do not know is shown as it is.
 * @example `slaName('firstReply', reportLabels('en')) // 'first reply time'`
 */
export function slaName(metric: string, labels: ReportLabels): string {
  return Object.hasOwn(labels.sla, metric) ? labels.sla[metric as keyof ReportLabels['sla']] : metric;
}

/**
 * CSAT, NPS and CES with their counts and intervals.
 *
 * @example
 * ```ts
 * satisfactionTable(view).rows[1]![0]; // 'NPS'
 * ```
 */
export function satisfactionTable(view: ReportView): Table {
  const { fmt } = view;
  const { csat, nps, ces } = view.report;
  const c = fmt.labels.columns;
  const s = fmt.labels.satisfaction;
  return {
    header: ['', c.score, c.n, c.detail],
    rows: [
      [
        'CSAT',
        fmt.percent(csat.score),
        fmt.count(csat.n),
        csat.n + csat.unanswered === 0
          ? '—'
          : fill(s.csatDetail, {
              good: fmt.count(csat.positive),
              bad: fmt.count(csat.negative),
              unanswered: fmt.count(csat.unanswered),
            }),
      ],
      [
        'NPS',
        fmt.decimal(nps.score),
        fmt.count(nps.n),
        nps.interval
          ? fill(s.npsDetail, { low: fmt.decimal(nps.interval[0]), high: fmt.decimal(nps.interval[1]) })
          : '—',
      ],
      [
        'CES',
        ces.n === 0 ? '—' : fill(s.cesScore, { mean: fmt.decimal(ces.mean, 2) }),
        fmt.count(ces.n),
        ces.n === 0 ? '—' : fill(s.cesDetail, { share: fmt.percent(ces.easyShare) }),
      ],
    ],
    align: ['left', 'right', 'right', 'left'],
  };
}

/**
 * CSAT and NPS per period with their intervals.
 *
 * @example
 * ```ts
 * surveyTable(view).header; // ['period', 'CSAT', 'CSAT 95%', 'n', 'NPS', 'NPS 95%', 'n']
 * ```
 */
export function surveyTable(view: ReportView): Table {
  const { fmt } = view;
  const c = fmt.labels.columns;
  const range = (interval: [number, number] | null) =>
    interval ? `${fmt.decimal(interval[0])} … ${fmt.decimal(interval[1])}` : '—';
  return {
    header: [c.period, 'CSAT', c.csat95, c.n, 'NPS', c.nps95, c.n],
    rows: (view.surveys ?? []).map((s) => [
      fmt.period(s.period, view.report.interval),
      fmt.percent(s.csat.score),
      range(s.csat.interval),
      fmt.count(s.csat.n),
      fmt.decimal(s.nps.score),
      range(s.nps.interval),
      fmt.count(s.nps.n),
    ]),
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
  };
}

/**
 * The rising tags, fastest first, at most 10.
 * @example `risingTags(report)[0]?.tag // 'api-timeout'`
 */
export const risingTags = (report: MetricsReport) =>
  report.tagTrends.tags
    .filter((t) => t.rising)
    .sort((a, b) => (b.growth ?? 0) - (a.growth ?? 0))
    .slice(0, 10);

/**
 * Tags rising in the recent periods against the baseline, fastest first.
 *
 * @example
 * ```ts
 * risingTable(view).rows[0]; // ['outage', '1.2%', '6.5%', '×5.4', '1.0E-9']
 * ```
 */
export function risingTable(view: ReportView): Table {
  const { fmt } = view;
  const c = fmt.labels.columns;
  return {
    header: [c.tag, c.before, c.recent, c.growth, c.p],
    rows: risingTags(view.report).map((t) => [
      t.tag,
      fmt.percent(t.baselineShare),
      fmt.percent(t.recentShare),
      t.growth === null ? fmt.labels.notes.newTag : `×${fmt.decimal(t.growth)}`,
      fmt.scientific(t.pValue),
    ]),
    align: ['left', 'right', 'right', 'right', 'right'],
  };
}

const PLACEHOLDERS = new Map<string, keyof ReportLabels['placeholders']>([
  ['(unassigned)', 'unassigned'],
  ['(no group)', 'noGroup'],
  ['(no organization)', 'noOrganization'],
  ['(no priority)', 'noPriority'],
  ['(unknown ticket)', 'unknownTicket'],
]);

/**
 * What a breakdown row shows for its key: the agent's, group's or organization's name when the data holds it
 * (with the id when two share a name); a channel or priority in words; the rows of tickets without an agent,
 * group or organization in the report's language; else the key itself.
 *
 * @example
 * ```ts
 * rowLabel('group', 'g1', { agent: {}, group: { g1: 'Billing' }, organization: {} }); // 'Billing'
 * rowLabel('channel', 'phone', undefined, reportLabels('it')); // 'telefono'
 * ```
 */
export function rowLabel(
  by: BreakdownBy,
  key: string,
  names: ReportNames | undefined,
  labels: ReportLabels = english().labels,
): string {
  if (by === 'channel' || by === 'priority') {
    const words: Record<string, string> = by === 'channel' ? labels.channels : labels.priorities;
    if (Object.hasOwn(words, key)) return words[key]!;
  }
  const placeholder = PLACEHOLDERS.get(key);
  const book = by === 'channel' || by === 'priority' || !names ? undefined : names[by];
  const name = book && Object.hasOwn(book, key) ? book[key] : undefined;
  if (name === undefined) return placeholder === undefined ? key : labels.placeholders[placeholder];
  let shared = 0;
  for (const id in book) if (book[id] === name && ++shared > 1) return `${name} (${key})`;
  return name;
}

/**
 * The busiest rows of a breakdown, at most 10.
 * @example `busiest(report, 'channel')[0]?.key // 'email'`
 */
export const busiest = (report: MetricsReport, by: BreakdownBy) =>
  [...report.breakdowns[by]].sort((a, b) => b.tickets - a.tickets).slice(0, 10);

/**
 * Tickets, first-reply median and CSAT per channel, agent, group or organization (the 10 busiest); agents,
 * groups and organizations by name when `names` holds them. Without reply data the reply columns are left out.
 *
 * @example
 * ```ts
 * breakdownTable(report, 'channel').rows[0]; // ['e-mail', '2,410', '3.1 h', '1.2 h', '88.0%']
 * breakdownTable(report, 'group', data.names).rows[0]?.[0]; // 'Billing'
 * ```
 */
export function breakdownTable(
  report: MetricsReport,
  by: BreakdownBy,
  names?: ReportNames,
  fmt: ReportFormatter = english(),
  replyData = true,
): Table {
  const c = fmt.labels.columns;
  return {
    header: [
      c.dimension[by],
      c.tickets,
      ...(replyData ? [c.firstReplyMedian, c.businessMedian] : []),
      'CSAT',
    ],
    rows: busiest(report, by).map((row) => [
      rowLabel(by, row.key, names, fmt.labels),
      fmt.count(row.tickets),
      ...(replyData
        ? [
            fmt.duration(row.firstReply.calendarMinutes.median),
            fmt.duration(row.firstReply.businessMinutes?.median),
          ]
        : []),
      fmt.percent(row.csat.score),
    ]),
    align: ['left', 'right', ...(replyData ? (['right', 'right'] as const) : []), 'right'],
  };
}

/**
 * The headline: tickets, unresolved, unanswered (or that reply data is missing), reopened.
 *
 * @example
 * ```ts
 * headline(view); // '6,000 tickets · 412 unresolved · 37 unanswered · 120 reopened'
 * ```
 */
export function headline(view: ReportView): string {
  const { fmt, report } = view;
  const h = fmt.labels.headline;
  return [
    fmt.counted(h.tickets, report.tickets.total),
    fmt.counted(h.unresolved, report.tickets.unresolved),
    view.replyData ? fmt.counted(h.unanswered, report.firstReply.unreplied) : h.noReplyData,
    fmt.counted(h.reopened, report.tickets.reopenedTickets),
  ].join(' · ');
}

/**
 * What the report covers, in one line: its source, the days of tickets created, the periods, and its moment
 * in the report's time zone.
 *
 * @example
 * ```ts
 * scope(view); // 'helpdesk/ · tickets created 1 Jan 2026 – 31 Mar 2026 · by week · as of 1 Apr 2026, 00:00 (Europe/Rome)'
 * ```
 */
export function scope(view: ReportView): string {
  const { fmt, report } = view;
  const s = fmt.labels.scope;
  const from = view.window.from === null ? null : fmt.date(Date.parse(view.window.from));
  const to = view.window.to === null ? null : fmt.date(lastDayOf(Date.parse(view.window.to), fmt.timeZone));
  const window =
    from !== null && to !== null
      ? fill(s.window, { from, to })
      : from !== null
        ? fill(s.since, { from })
        : to !== null
          ? fill(s.until, { to })
          : null;
  return [
    ...(view.source ? [view.source] : []),
    ...(window ? [window] : []),
    s.every[report.interval],
    fill(s.asOf, { time: fmt.dateTime(report.asOf.getTime()), zone: fmt.timeZone }),
  ].join(' · ');
}
