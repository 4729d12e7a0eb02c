/**
 * Reports for people: collect records once ({@link reportCollector}), add the planning sections (forecast, agents
 * per hour, customers by card state, SOP runs, knowledge-base coverage), and render the report — or the library's
 * `MetricsReport` alone — as text, Markdown, one self-contained HTML page or JSON ({@link renderReport}), in
 * English, Italian, Spanish, French or German, with dates and times in the report's time zone. Pure and
 * string-producing; the `supportkit report` command reads the files and writes the output.
 *
 * @packageDocumentation
 */
export { type ReportCollectorState, type ReportOptions, reportCollector } from './collect.js';
export type {
  DurationBucket,
  DurationHistogram,
  ReportData,
  ReportNames,
  ReportSection,
  SurveyPeriod,
} from './data.js';
export { REPORT_LANGUAGES, type ReportLanguage } from './labels/index.js';
export type { PlanningOptions } from './planning/index.js';
export { renderReport } from './render.js';
export type { RenderReportOptions, ReportFormat } from './view.js';
