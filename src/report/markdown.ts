import { markdownText } from '../text/safe-text.js';
import { headline, scope, type Table } from './tables.js';
import { sectionTables } from './text.js';
import type { ReportView } from './view.js';

const cell = markdownText;

function markdownTable(table: Table): string {
  const rule = table.align.map((a) => (a === 'right' ? '---:' : ':---'));
  return [table.header, rule, ...table.rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
}

/**
 * The report as Markdown (GitHub tables), for a wiki page or a pull request. Record text is escaped
 * ({@link markdownText}): no raw HTML, links or markup from agent, group or tag names.
 * @example `writeFileSync('report.md', renderMarkdown(view));`
 */
export function renderMarkdown(view: ReportView): string {
  const L = view.fmt.labels;
  const out = [`# ${cell(L.title)}`, '', `_${cell(scope(view))}_`, '', `**${cell(headline(view))}**`];
  if (!view.replyData) out.push('', `> ${cell(L.notes.noReplyData)}`);
  for (const { title, note, body: table } of sectionTables(view)) {
    out.push('', `## ${cell(title)}`, '');
    if (note) out.push(`_${cell(note)}_`, '');
    if (table === null) continue;
    out.push(
      typeof table === 'string'
        ? `_${cell(table)}_`
        : table.rows.length === 0
          ? `_${cell(L.notes.noData)}_`
          : markdownTable(table),
    );
  }
  return `${out.join('\n').replace(/\n\n+$/, '')}\n`;
}
