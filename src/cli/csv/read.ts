import { parse } from 'csv-parse/sync';
import { CommandError } from '../errors.js';

/** One data row of a CSV file: its line in the file (for messages) and its cells by header. */
export interface CsvRow {
  line: number;
  cells: ReadonlyMap<string, string>;
}

/** A cell that could not be used: where it is, and why — never what it holds. */
export interface BadCell {
  line: number;
  column: string;
  message: string;
}

/**
 * A CSV file's header and rows (BOM stripped, cells trimmed, empty lines skipped). A file that is not CSV
 * (unbalanced quotes, a row with the wrong number of cells) is a CommandError naming the line, not the content.
 *
 * @example
 * ```ts
 * const { header, rows } = readCsv(text, 'survey.csv');
 * ```
 */
export function readCsv(text: string, name: string): { header: string[]; rows: CsvRow[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, trim: true, skip_empty_lines: true, info: true }) as never;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const code = (error as { code?: string }).code ?? 'CSV_INVALID';
    throw new CommandError(
      `${name} is not valid CSV${line ? ` at line ${line}` : ''} (${code})`,
      'check quoting and that every row has as many cells as the header',
      'csv_invalid',
    );
  }
  const [head, ...body] = records;
  if (!head)
    throw new CommandError(`${name} is empty`, 'a CSV export starts with a header row', 'csv_invalid');
  const header = head.record;
  const rows = body.map(({ record, info }) => ({
    line: info.lines,
    cells: new Map(header.map((column, index) => [column, record[index] ?? ''])),
  }));
  return { header, rows };
}

/**
 * The header of `column`, or a CommandError listing the headers there are (headers are not customer data).
 *
 * @example
 * ```ts
 * requireColumn(header, 'score', 'survey.csv');
 * ```
 */
export function requireColumn(header: readonly string[], column: string, name: string): void {
  if (header.includes(column)) return;
  const shown = header.slice(0, 12).map((h) => JSON.stringify(h.slice(0, 40)));
  throw new CommandError(
    `no column ${JSON.stringify(column.slice(0, 40))} in ${name}`,
    `its columns are ${shown.join(', ')}${header.length > 12 ? ', …' : ''}`,
    'csv_column',
  );
}

/**
 * "line 7, column "score": …": a bad cell as one line.
 *
 * @example
 * ```ts
 * badCellLine({ line: 7, column: 'score', message: 'not a number' }, 'survey.csv');
 * ```
 */
export const badCellLine = (bad: BadCell, name: string) =>
  `${name} line ${bad.line}, column ${JSON.stringify(bad.column)}: ${bad.message}`;
