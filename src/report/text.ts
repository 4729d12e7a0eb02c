import { plainText } from '../text/safe-text.js';
import type { ReportData } from './data.js';
import { textTable } from './format.js';
import {
  breakdownTable,
  headline,
  histogramTable,
  risingTable,
  satisfactionTable,
  scope,
  slaTable,
  speedTable,
  surveyTable,
  type Table,
  volumeTable,
} from './tables.js';

/** The sections of every text-like format, in order: a title and a table each. */
export function sectionTables(data: ReportData): [string, Table | string][] {
  const { report } = data;
  const rising = risingTable(report);
  return [
    ['Volume and backlog', volumeTable(report)],
    ['Speed', speedTable(report)],
    ['First reply, distribution', histogramTable(data.firstReply)],
    ['Resolution, distribution', histogramTable(data.resolution)],
    ['Service levels (attainment = achieved ÷ decided)', slaTable(report)],
    ['How customers feel', satisfactionTable(report)],
    ['Satisfaction over time', surveyTable(data)],
    ['Rising tags', rising.rows.length > 0 ? rising : 'nothing is rising significantly'],
    ['By channel', breakdownTable(report, 'channel')],
    ['By group', breakdownTable(report, 'group', data.names)],
    ['By agent', breakdownTable(report, 'agent', data.names)],
    ['By organization', breakdownTable(report, 'organization', data.names)],
    ...data.sections.map((s): [string, Table] => [
      s.title,
      {
        header: s.table.header,
        rows: s.table.rows,
        align: s.table.header.map((_, i) => (i === 0 ? 'left' : 'right')),
      },
    ]),
  ];
}

/**
 * The report as plain text: aligned tables, human units, for a terminal or an e-mail. Record text (agent,
 * group, tag names) has its control characters replaced ({@link plainText}), so it cannot drive the terminal.
 *
 * @example
 * ```ts
 * process.stdout.write(renderText(data));
 * ```
 */
export function renderText(data: ReportData): string {
  const out = ['supportkit report', plainText(scope(data)), '', headline(data.report)];
  for (const [raw, table] of sectionTables(data)) {
    const title = plainText(raw);
    out.push('', title, '═'.repeat(title.length));
    out.push(
      typeof table === 'string'
        ? plainText(table)
        : table.rows.length === 0
          ? 'no data'
          : textTable(
              table.header.map(plainText),
              table.rows.map((row) => row.map(plainText)),
              table.align,
            ),
    );
  }
  return `${out.join('\n')}\n`;
}
