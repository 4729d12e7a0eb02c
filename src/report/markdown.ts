import { markdownText } from '../text/safe-text.js';
import type { ReportData } from './data.js';
import { headline, scope, type Table } from './tables.js';
import { sectionTables } from './text.js';

const cell = markdownText;

function markdownTable(table: Table): string {
  const rule = table.align.map((a) => (a === 'right' ? '---:' : ':---'));
  return [table.header, rule, ...table.rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
}

/**
 * The report as Markdown (GitHub tables), for a wiki page or a pull request. Record text is escaped
 * ({@link markdownText}): no raw HTML, links or markup from agent, group or tag names.
 *
 * @example
 * ```ts
 * writeFileSync('report.md', renderMarkdown(data));
 * ```
 */
export function renderMarkdown(data: ReportData): string {
  const out = ['# Support report', '', `_${cell(scope(data))}_`, '', `**${headline(data.report)}**`];
  for (const [title, table] of sectionTables(data)) {
    out.push('', `## ${cell(title)}`, '');
    out.push(
      typeof table === 'string' ? cell(table) : table.rows.length === 0 ? '_no data_' : markdownTable(table),
    );
  }
  return `${out.join('\n')}\n`;
}
