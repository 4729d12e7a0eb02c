import { plainText } from '../text/safe-text.js';
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
import type { ReportView } from './view.js';

const hasCounts = (h: { calendar: { count: number }[] } | null) =>
  h?.calendar.some((b) => b.count > 0) ?? false;

/**
 * A section of the text-like formats: its title, a note under it, and a table or a sentence (or nothing).
 * @example `const section: TextSection = { title: 'SOP runs', note: 'not in this data', body: null };`
 */
export interface TextSection {
  title: string;
  note?: string;
  body: Table | string | null;
}

/**
 * The sections of every text-like format, in order: a title and a table, or a sentence where there is nothing
 * to tabulate ("no data", "reply data missing").
 * @example `sectionTables(view).map((s) => s.title)[0] // 'Weekly volume and backlog'`
 */
export function sectionTables(view: ReportView): TextSection[] {
  const { report, fmt } = view;
  const L = fmt.labels;
  const rising = risingTable(view);
  const histogram = (h: ReportView['firstReply'], replies: boolean): Table | string =>
    !replies ? L.notes.noReplyData : hasCounts(h) ? histogramTable(h!, fmt) : L.notes.noData;
  return [
    { title: L.sections.volume[report.interval], body: volumeTable(view) },
    { title: L.sections.speed, body: speedTable(view) },
    ...(view.firstReply
      ? [{ title: L.sections.firstReply, body: histogram(view.firstReply, view.replyData) }]
      : []),
    ...(view.resolution ? [{ title: L.sections.resolution, body: histogram(view.resolution, true) }] : []),
    { title: L.sections.sla, body: slaTable(view) },
    { title: L.sections.satisfaction, body: satisfactionTable(view) },
    ...(view.surveys ? [{ title: L.sections.surveys, body: surveyTable(view) }] : []),
    { title: L.sections.rising, body: rising.rows.length > 0 ? rising : L.notes.nothingRising },
    ...(['channel', 'group', 'agent', 'organization'] as const).map((by) => ({
      title: L.sections.by[by],
      body: breakdownTable(report, by, view.names, fmt, view.replyData),
    })),
    ...view.sections.map(
      (s): TextSection => ({
        title: s.title,
        ...(s.note ? { note: s.note } : {}),
        // A section with a note and no rows has said what it has to say ("not in this data").
        body:
          s.table.rows.length === 0 && s.note
            ? null
            : {
                header: s.table.header,
                rows: s.table.rows,
                align: s.table.align ?? s.table.header.map((_, i) => (i === 0 ? 'left' : 'right')),
              },
      }),
    ),
  ];
}

/**
 * The report as plain text: aligned tables, human units, for a terminal or an e-mail. Record text (agent,
 * group, tag names) has its control characters replaced ({@link plainText}), so it cannot drive the terminal.
 * @example `process.stdout.write(renderText(view));`
 */
export function renderText(view: ReportView): string {
  const L = view.fmt.labels;
  const out = [plainText(L.title), plainText(scope(view)), '', plainText(headline(view))];
  if (!view.replyData) out.push(plainText(L.notes.noReplyData));
  for (const { title: raw, note, body: table } of sectionTables(view)) {
    const title = plainText(raw);
    out.push('', title, '═'.repeat(title.length));
    if (note) out.push(plainText(note));
    if (table === null) continue;
    out.push(
      typeof table === 'string'
        ? plainText(table)
        : table.rows.length === 0
          ? L.notes.noData
          : textTable(
              table.header.map(plainText),
              table.rows.map((row) => row.map(plainText)),
              table.align,
            ),
    );
  }
  return `${out.join('\n')}\n`;
}
