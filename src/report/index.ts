/**
 * Reports from dataset records: collect once ({@link reportCollector}), render as text, Markdown, HTML or
 * JSON. Pure and string-producing; the CLI reads the files and writes the output.
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
export { count, duration, fixed, percent } from './format.js';
export { renderHtml } from './html.js';
export { renderMarkdown } from './markdown.js';
export { renderText } from './text.js';

import type { ReportData } from './data.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

/** The formats a report renders to. */
export type ReportFormat = 'text' | 'json' | 'md' | 'html';

/**
 * Renders report data in a format.
 *
 * @example
 * ```ts
 * renderReport(data, 'md');
 * ```
 */
export function renderReport(data: ReportData, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(data, null, 2)}\n`;
    case 'md':
      return renderMarkdown(data);
    case 'html':
      return renderHtml(data);
    default:
      return renderText(data);
  }
}
