import { parse } from 'csv-parse/sync';
import { CommandError, UsageError } from '../errors.js';

/**
 * One data row of a CSV file: where it is (for messages) and its cells by header. `line` is the line of the file
 * the row starts on (as a text editor counts); `row` is the row a spreadsheet shows (the header is row 1), which
 * differs once a cell above holds a line break.
 */
export interface CsvRow {
  line: number;
  row: number;
  cells: ReadonlyMap<string, string>;
}

/** A cell that could not be used: where it is, and why — never what it holds. */
export interface BadCell {
  line: number;
  /** The spreadsheet row, when it is not the line (a cell above holds a line break). */
  row?: number;
  column: string;
  message: string;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter of a CSV file, guessed from its header line: the one of `,` `;` tab `|` that occurs most often
 * (a comma when none does, as in a one-column file).
 *
 * @example
 * ```ts
 * detectDelimiter('id;score\n1;9\n'); // ';'
 * ```
 */
export function detectDelimiter(text: string): string {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  let best = ',';
  let most = 0;
  for (const delimiter of DELIMITERS) {
    const count = first.split(delimiter).length - 1;
    if (count > most) [best, most] = [delimiter, count];
  }
  return best;
}

/**
 * The --delimiter option's value as one character (`tab` or `\t` for a tab), or undefined to detect it.
 *
 * @example
 * ```ts
 * delimiterOption('tab', 'import'); // '\t'
 * ```
 */
export function delimiterOption(value: string | undefined, command: string): string | undefined {
  if (value === undefined) return undefined;
  const delimiter = value === 'tab' || value === '\\t' ? '\t' : value;
  if ([...delimiter].length !== 1 || /[\r\n"]/.test(delimiter))
    throw new UsageError(
      '--delimiter must be one character such as , ; | or tab',
      `supportkit ${command} --help`,
    );
  return delimiter;
}

const notCsv = (name: string, line: number | undefined, code: string) =>
  new CommandError(
    `${name} is not valid CSV${line ? ` at line ${line}` : ''} (${code})`,
    'check quoting and that every row has as many cells as the header (and --delimiter if it is not detected)',
    'csv_invalid',
  );

type Parsed = string[][];

function parseRecords(text: string, name: string, delimiter: string): Parsed {
  try {
    return parse(text, {
      bom: true,
      trim: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as never;
  } catch (error) {
    throw notCsv(
      name,
      (error as { lines?: number }).lines,
      (error as { code?: string }).code ?? 'CSV_INVALID',
    );
  }
}

function checkHeader(header: readonly string[], name: string): void {
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column))
      throw new CommandError(
        `${name} has an ambiguous column: ${JSON.stringify(column.slice(0, 40))} is in its header twice`,
        'rename one of the two columns',
        'csv_column',
      );
    seen.add(column);
  }
}

/**
 * A CSV file's header and rows (BOM stripped, cells trimmed). The delimiter is detected from the header line
 * unless given. In a one-column file a blank line is a blank cell (a blank answer); in a wider file blank lines
 * are skipped. A file that is not CSV (unbalanced quotes, a row with the wrong number of cells) or whose header
 * names a column twice is a CommandError naming the line or column, not the content.
 *
 * @example
 * ```ts
 * const { header, rows } = readCsv(text, 'survey.csv');
 * ```
 */
export function readCsv(
  text: string,
  name: string,
  delimiter: string = detectDelimiter(text),
): { header: string[]; rows: CsvRow[] } {
  const records = parseRecords(text, name, delimiter);
  const starts = startLines(text);
  const [head, ...body] = records;
  if (!head || (head.length === 1 && head[0] === ''))
    throw new CommandError(`${name} is empty`, 'a CSV export starts with a header row', 'csv_invalid');
  const header = head;
  checkHeader(header, name);
  const blank = (record: string[]) => record.length === 1 && record[0] === '';
  const rows: CsvRow[] = [];
  body.forEach((record, index) => {
    if (header.length > 1 && blank(record)) return;
    const line = starts[index + 1]!;
    if (record.length !== header.length) throw notCsv(name, line, 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH');
    const cells = new Map<string, string>();
    for (let column = 0; column < header.length; column++) cells.set(header[column]!, record[column] ?? '');
    rows.push({ line, row: index + 2, cells });
  });
  return { header, rows };
}

/**
 * The line each record starts on, by a scan that knows quotes: a line break outside quotes ends a record (CR LF,
 * LF or CR each one line). csv-parse's own count reads a CR LF inside quotes as two lines, and its `raw` copy of
 * each record costs as much as the parse.
 */
function startLines(text: string): number[] {
  const starts = [1];
  let line = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) quoted = !quoted;
    else if (code === 10 /* LF */ || code === 13 /* CR */) {
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      if (!quoted) starts.push(line);
    }
  }
  return starts;
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
 * "line 7, column "score": …": a bad cell as one line; "line 9 (row 7)" when a line break in a cell above makes
 * the spreadsheet row differ from the file's line.
 *
 * @example
 * ```ts
 * badCellLine({ line: 7, column: 'score', message: 'not a number' }, 'survey.csv');
 * ```
 */
export const badCellLine = (bad: BadCell, name: string) =>
  `${name} line ${bad.line}${bad.row !== undefined && bad.row !== bad.line ? ` (row ${bad.row})` : ''}, column ${JSON.stringify(bad.column)}: ${bad.message}`;
