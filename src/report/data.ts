import type { MetricsReport } from '../models/metrics-report.js';

/** A bar of a duration histogram: its label, bounds in minutes (`to` exclusive, null = open) and count. */
export interface DurationBucket {
  label: string;
  from: number;
  to: number | null;
  count: number;
}

/** A duration's histogram in calendar and business minutes (business null without a schedule). */
export interface DurationHistogram {
  calendar: DurationBucket[];
  business: DurationBucket[] | null;
}

/** Satisfaction in one period: CSAT with its Wilson interval, NPS with its adjusted-Wald interval. */
export interface SurveyPeriod {
  period: string;
  csat: { score: number | null; n: number; interval: [number, number] | null };
  nps: { score: number | null; n: number; interval: [number, number] | null };
}

/**
 * A section another module adds to the report (forecast, staffing, SOP figures): a title, an optional note,
 * an optional pre-rendered SVG chart and its data as a table. Every format renders it: text and Markdown as the
 * table, HTML as the chart above the table.
 *
 * @example
 * ```ts
 * const section: ReportSection = { id: 'forecast', title: 'Forecast', table: { header: ['week', 'tickets'], rows: [['2026-W14', '410']] } };
 * ```
 */
export interface ReportSection {
  id: string;
  title: string;
  note?: string;
  svg?: string;
  table: { header: string[]; rows: string[][] };
}

/**
 * Everything a report shows: the library's {@link MetricsReport} plus what only a report needs (histograms,
 * satisfaction per period, arrivals by weekday and hour) and the sections other modules add. JSON-safe.
 */
export interface ReportData {
  /** What the report was built from, as the user named it (a path, "demo"). */
  source: string;
  window: { from: string | null; to: string | null };
  report: MetricsReport;
  firstReply: DurationHistogram;
  resolution: DurationHistogram;
  surveys: SurveyPeriod[];
  /** Tickets created, rows Monday..Sunday, columns hours 0..23, in the report's time zone. */
  arrivals: number[][];
  sections: ReportSection[];
  /**
   * The names of the agents, groups and organizations the data holds (a synced folder carries its people), by
   * id: the breakdowns show them instead of ids. Absent or empty when the data has none.
   */
  names?: ReportNames;
}

/**
 * Names by id of the people and teams a report's breakdowns refer to.
 * @example `const names: ReportNames = { agent: { '381': 'Marco Rossi' }, group: { g1: 'Billing' }, organization: {} };`
 */
export interface ReportNames {
  agent: Record<string, string>;
  group: Record<string, string>;
  organization: Record<string, string>;
}

/** Row names of {@link ReportData.arrivals}. */
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
