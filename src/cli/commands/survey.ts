import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cesScore, csatRating, npsScore } from '../../automations/scores.js';
import { ces } from '../../metrics/ces.js';
import { csat } from '../../metrics/csat.js';
import { nps } from '../../metrics/nps.js';
import { fixed } from '../../report/format.js';
import { type ParsedArgs, stringOption } from '../args.js';
import { type BadCell, badCellLine, delimiterOption, readCsv, requireColumn } from '../csv/read.js';
import { CommandError, UsageError } from '../errors.js';
import type { CommandRun } from '../registry.js';

type Kind = 'nps' | 'csat' | 'ces';
type Value = number | 'good' | 'bad';

/**
 * A cell as the metric's value, or null. Blank cells never get here: they are missing. An answer reads as the
 * automation helpers read it (`npsCategory`, `scoreCes`, `scoreCsat`), so `3 - per niente`, `6/7` and
 * `Soddisfatto` count in a CSV as in a Zap; a number written `9.0` too.
 */
const PARSERS: Record<Kind, (cell: string) => Value | null> = {
  nps: (cell) => integerIn(cell, 0, 10) ?? labelled(cell, npsScore),
  ces: (cell) => integerIn(cell, 1, 7) ?? labelled(cell, cesScore),
  csat: (cell) => integerIn(cell, 1, 5) ?? labelled(cell, csatRating),
};

/** The longest answer read with a label (`10 - estremamente probabile` is 28 characters), as `import csv` does. */
const LABEL_LIMIT = 80;

/** The helpers' label patterns backtrack quadratically on long runs of spaces; a real answer is short. */
const labelled = <T>(cell: string, read: (text: string) => T | null): T | null =>
  cell.length > LABEL_LIMIT ? null : read(cell);

/** What a bad cell should have been (never its content). */
const EXPECTED: Record<Kind, string> = {
  nps: 'expected an integer 0..10',
  ces: 'expected an integer 1..7',
  csat: 'expected good, bad or an integer 1..5',
};

function integerIn(cell: string, min: number, max: number): number | undefined {
  if (!/^[+-]?\d+(\.0+)?$/.test(cell)) return undefined;
  const value = Number(cell);
  return value >= min && value <= max ? value : undefined;
}

/** The column's valid values, blank cells counted apart, bad cells listed (strict: the first one throws). */
function columnValues(kind: Kind, file: string, name: string, column: string, options: ParsedArgs['values']) {
  const lenient = options.lenient === true;
  const delimiter = delimiterOption(stringOption(options, 'delimiter', kind), kind);
  const { header, rows } = readCsv(readFileSync(file, 'utf8'), name, delimiter);
  requireColumn(header, column, name);
  const values: Value[] = [];
  const bad: BadCell[] = [];
  let blank = 0;
  for (const row of rows) {
    const cell = row.cells.get(column) ?? '';
    if (cell === '') {
      blank++; // missing, never 0: a blank NPS cell is not a detractor
      continue;
    }
    const value = PARSERS[kind](cell);
    if (value !== null) values.push(value);
    else {
      const problem = { line: row.line, column, message: EXPECTED[kind] };
      if (!lenient)
        throw new CommandError(
          badCellLine(problem, name),
          'fix the cell, or --lenient to skip and count bad cells',
          'bad_row',
        );
      bad.push(problem);
    }
  }
  return { rows: rows.length, values, blank, bad };
}

function threshold(values: ParsedArgs['values'], kind: Kind): number | undefined {
  const text = stringOption(values, 'threshold', kind);
  if (text === undefined) return undefined;
  const n = Number(text);
  const max = kind === 'csat' ? 5 : 7;
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`--threshold must be an integer 1..${max}`, `supportkit ${kind} --help`);
  return n;
}

/**
 * The one-line answer: "NPS 23.4 (95% interval 17.9 … 28.6), n = 312 …". The interval is the library's
 * adjusted-Wald one; a "± margin" is not printed, as the symmetric Wald margin contradicts it on small or
 * one-sided samples (two promoters: ± 0, interval −24.4 … 100).
 */
function summaryLine(kind: Kind, values: Value[], limit: number | undefined) {
  // NPS and CES cells read as numbers only (PARSERS); the filter says so to the types.
  const numbers = () => values.filter((value): value is number => typeof value === 'number');
  if (kind === 'nps') {
    const r = nps(numbers());
    const interval = r.interval ? ` (95% interval ${fixed(r.interval[0])} … ${fixed(r.interval[1])})` : '';
    return {
      result: r,
      line: `NPS ${fixed(r.score)}${interval}, n = ${r.n}: ${r.promoters} promoters, ${r.passives} passives, ${r.detractors} detractors`,
    };
  }
  if (kind === 'csat') {
    const r = csat(values, limit === undefined ? {} : { threshold: limit });
    return {
      result: r,
      line: `CSAT ${fixed(r.score)}%, n = ${r.n}: ${r.positive} satisfied, ${r.negative} not`,
    };
  }
  const r = ces(numbers(), limit === undefined ? {} : { threshold: limit });
  return {
    result: r,
    line: `CES mean ${fixed(r.mean, 2)} / 7, ${fixed(r.easyShare)}% easy, n = ${r.n}`,
  };
}

/**
 * `supportkit nps|csat|ces <file.csv> --column <name>`.
 *
 * @example
 * ```ts
 * const run = surveyCommand('nps');
 * ```
 */
export function surveyCommand(kind: Kind): CommandRun {
  return async ({ io, args, json, log }) => {
    const [path, extra] = args.positionals;
    if (!path)
      throw new UsageError(`${kind} needs a CSV file`, `supportkit ${kind} survey.csv --column score`);
    if (extra !== undefined) throw new UsageError(`${kind} takes one file`, `supportkit ${kind} --help`);
    const column = stringOption(args.values, 'column', kind, true);
    const limit = kind === 'nps' ? undefined : threshold(args.values, kind);
    const file = resolve(io.cwd, path);
    const data = columnValues(kind, file, path, column, args.values);
    const { result, line } = summaryLine(kind, data.values, limit);
    for (const bad of data.bad) log(`skipped: ${badCellLine(bad, path)}`);
    if (json) {
      const output = { file: path, column, rows: data.rows, blank: data.blank, bad: data.bad, result };
      io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    } else {
      const notes = [`${data.rows} rows`, `${data.blank} blank`];
      if (data.bad.length > 0) notes.push(`${data.bad.length} bad, skipped`);
      io.stdout.write(`${line} (${notes.join(', ')})\n`);
    }
    return 0;
  };
}
