import type { MetricsReport } from '../models/metrics-report.js';
import type { ReportData } from './data.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';
import { type RenderReportOptions, renderOptions, reportView } from './view.js';

/**
 * Renders a report as plain text, Markdown, one self-contained HTML page, or JSON: either the report data a
 * {@link reportCollector} gathered (histograms, satisfaction per period, arrivals, names and the planning
 * sections included) or the library's `MetricsReport` alone (from `summarize`), as objects or as their JSON.
 * Every label is in the locale's language (`en`, `it`, `es`, `fr`, `de`), every number in its format (Intl),
 * every date and time in `timeZone`. Volumes stop at the report's moment. Without reply data (tickets but no
 * messages) the report says reply data is missing rather than counting every ticket as unanswered.
 *
 * Text escapes record text (agent, group, tag names) so that it cannot drive a terminal; Markdown escapes it so
 * that it cannot become markup; the HTML page escapes it, embeds the data as JSON, draws its charts as inline
 * SVG and forbids every network request (Content-Security-Policy `default-src 'none'`).
 *
 * @example
 * ```ts
 * import { summarize } from 'supportkit-ts';
 * import { renderReport } from 'supportkit-ts/report';
 * const report = summarize(dataset, { timeZone: 'Europe/Rome' });
 * const page = renderReport(report, { format: 'html', locale: 'it', timeZone: 'Europe/Rome' });
 * ```
 */
export function renderReport(report: ReportData | MetricsReport, options?: RenderReportOptions): string {
  const checked = renderOptions(options);
  const view = reportView(report, checked);
  switch (checked.format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'md':
      return renderMarkdown(view);
    case 'html':
      return renderHtml(view, report);
    default:
      return renderText(view);
  }
}
