import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { DatasetRecord } from '../../models/dataset.js';
import { jsonlFileSink } from '../../sync/jsonl-sink.js';
import { stringOption } from '../args.js';
import { mappingOf, recordOfRow } from '../csv/mapping.js';
import { type BadCell, badCellLine, delimiterOption, readCsv } from '../csv/read.js';
import { CommandError, UsageError } from '../errors.js';
import { RECORDS_FILE } from '../input.js';
import { refuseOverwrite } from '../output.js';
import type { CommandRun } from '../registry.js';

function readMapping(path: string, name: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new CommandError(
        `mapping ${name} is not JSON`,
        'see "Import a CSV" in docs/cli.md',
        'bad_mapping',
      );
    throw error;
  }
}

/** --out must be a folder (or not exist yet): a file there is a usage error, not a raw EEXIST. */
function checkOutFolder(outDir: string, shown: string): void {
  let isFile = false;
  try {
    isFile = !statSync(outDir).isDirectory();
  } catch {
    return; // not there yet: it is created
  }
  if (isFile)
    throw new UsageError(
      `--out ${shown} is a file; import csv writes ${RECORDS_FILE} into a folder`,
      'supportkit import --help: give a folder (it is created if missing)',
    );
}

/**
 * `supportkit import csv <file> --map <mapping.json> --out <dir>`: strict by default (the first bad row stops
 * the import before anything is written); `--lenient` skips bad rows, counts them and lists them on stderr.
 *
 * @example
 * ```ts
 * await importCommand(context);
 * ```
 */
export const importCommand: CommandRun = async ({ io, args, json, log }) => {
  const [format, path, extra] = args.positionals;
  if (format !== 'csv')
    throw new UsageError('import reads CSV: supportkit import csv <file>', 'supportkit import --help');
  if (!path || extra !== undefined)
    throw new UsageError('import csv takes one CSV file', 'supportkit import --help');
  const mapPath = stringOption(args.values, 'map', 'import', true);
  const outOption = stringOption(args.values, 'out', 'import', true);
  const outDir = resolve(io.cwd, outOption);
  checkOutFolder(outDir, outOption);
  refuseOverwrite(io.cwd, path, join(outDir, RECORDS_FILE), 'import');
  const lenient = args.values.lenient === true;
  const { header, rows } = readCsv(
    readFileSync(resolve(io.cwd, path), 'utf8'),
    path,
    delimiterOption(stringOption(args.values, 'delimiter', 'import'), 'import'),
  );
  const mapping = mappingOf(
    readMapping(resolve(io.cwd, mapPath), mapPath),
    mapPath,
    header,
    stringOption(args.values, 'tz', 'import'),
  );
  const records: DatasetRecord[] = [];
  const bad: BadCell[] = [];
  let badRows = 0;
  for (const row of rows) {
    const result = recordOfRow(row, mapping);
    if ('record' in result) records.push(result.record);
    else if (!lenient)
      throw new CommandError(
        badCellLine(result.bad[0]!, path),
        'fix the row, or --lenient to skip bad rows and count them; nothing was written',
        'bad_row',
      );
    else {
      badRows++;
      bad.push(...result.bad);
    }
  }
  for (const problem of bad) log(`skipped: ${badCellLine(problem, path)}`);
  if (rows.length > 0 && records.length === 0)
    throw new CommandError(
      `every row of ${path} is bad: nothing was imported`,
      'the lines above say which cells; check the mapping and --tz',
      'bad_row',
    );
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, RECORDS_FILE);
  const sink = jsonlFileSink(out);
  try {
    await sink.write(records);
  } finally {
    await sink.close();
  }
  const shown = relative(io.cwd, out) || out;
  const summary = {
    file: path,
    kind: mapping.kind,
    rows: rows.length,
    imported: records.length,
    skipped: badRows,
    bad,
    out: shown,
  };
  if (json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else
    io.stdout.write(
      `imported ${records.length} ${mapping.kind} records of ${rows.length} rows into ${shown}` +
        `${badRows > 0 ? ` (${badRows} bad rows skipped)` : ''}\n`,
    );
  return 0;
};
