import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { DatasetRecord } from '../../models/dataset.js';
import { folderAsOf, IMPORT_FILE } from '../../sync/folder.js';
import { jsonlFileSink } from '../../sync/jsonl-sink.js';
import { stringOption } from '../args.js';
import { mappingOf } from '../csv/mapping.js';
import { importProgress } from '../csv/progress.js';
import { type BadCell, badCellLine, delimiterOption, detectDelimiter, readCsv } from '../csv/read.js';
import { csvImporter } from '../csv/rows.js';
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
        'see "supportkit import csv" in docs/cli.md',
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

/** How many bad cells are listed on stderr; --json lists them all. */
const LISTED = 20;

/** Lets the progress bar draw and Ctrl-C land during a long import. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `supportkit import csv <file> --map <mapping.json> --out <dir>`. Every row is read, so a failure says how many
 * rows are bad and which (line and column, never the content). Strict by default: any bad row and nothing is
 * written — a partial import that looks complete is worse than none, and `--lenient` keeps the good rows, counts
 * the bad ones and lists them on stderr (all of them with --json).
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
  const text = readFileSync(resolve(io.cwd, path), 'utf8');
  const delimiter =
    delimiterOption(stringOption(args.values, 'delimiter', 'import'), 'import') ?? detectDelimiter(text);
  const { header, rows } = readCsv(text, path, delimiter);
  const mapping = mappingOf(readMapping(resolve(io.cwd, mapPath), mapPath), mapPath, header, {
    tz: stringOption(args.values, 'tz', 'import'),
    dateOrder: stringOption(args.values, 'date-order', 'import'),
    delimiter,
  });
  const importer = csvImporter(mapping);
  const bad: BadCell[] = [];
  let badRows = 0;
  const progress = importProgress(io, rows.length);
  try {
    for (let index = 0; index < rows.length; index++) {
      const result = importer.add(rows[index]!);
      if ('bad' in result) {
        badRows++;
        bad.push(...result.bad);
      }
      if (index % 500 === 499) {
        progress.update(index + 1, badRows);
        await breathe();
      }
    }
    progress.update(rows.length, badRows);
  } finally {
    progress.stop();
  }
  const good = rows.length - badRows;
  const listed = (prefix: string) => {
    for (const problem of bad.slice(0, LISTED)) log(`${prefix}: ${badCellLine(problem, path)}`);
    if (bad.length > LISTED)
      log(`… and ${bad.length - LISTED} more bad cells${json ? '' : ' (--json lists them all)'}`);
  };
  if (badRows > 0 && !lenient) {
    if (badRows > 1) listed('bad');
    throw new CommandError(
      badRows === 1
        ? badCellLine(bad[0]!, path)
        : `${badRows} of ${rows.length} rows of ${path} are bad (the lines above say which cells)`,
      `nothing was written: fix ${badRows === 1 ? 'the row' : 'them'}, or --lenient to import the ${good} good rows and list the bad ones`,
      'bad_row',
    );
  }
  listed('skipped');
  if (rows.length > 0 && good === 0)
    throw new CommandError(
      `every row of ${path} is bad: nothing was imported`,
      'the lines above say which cells; check the mapping and --tz',
      'bad_row',
    );
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, RECORDS_FILE);
  const sink = jsonlFileSink(out);
  const imported = [...importer.records()];
  try {
    await sink.write(imported);
  } finally {
    await sink.close();
  }
  noteImport(outDir, imported);
  const shown = relative(io.cwd, out) || out;
  const records = importer.counts();
  if (json)
    io.stdout.write(
      `${JSON.stringify(
        {
          file: path,
          kind: mapping.kind,
          rows: rows.length,
          imported: good,
          skipped: badRows,
          records,
          bad,
          out: shown,
        },
        null,
        2,
      )}\n`,
    );
  else
    io.stdout.write(
      `imported ${good} of ${rows.length} rows into ${shown}: ${Object.entries(records)
        .map(([kind, n]) => `${n} ${kind}`)
        .join(', ')}${badRows > 0 ? ` (${badRows} bad rows skipped)` : ''}\n`,
    );
  if (
    mapping.kind === 'tickets' &&
    !mapping.columns.has('firstReplyAt') &&
    !mapping.columns.has('firstReplyMinutes')
  )
    log(
      'note: no first-reply column is mapped (firstReplyAt or firstReplyMinutes): the records hold no reply data, so first reply times cannot be measured',
    );
  return 0;
};

/** The latest time a record holds: the moment an export describes. */
function latestTime(records: readonly DatasetRecord[]): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const { value } of records)
    for (const key of ['createdAt', 'updatedAt', 'solvedAt', 'at'] as const) {
      const at = (value as Partial<Record<typeof key, unknown>>)[key];
      if (at instanceof Date && at.getTime() > latest) latest = at.getTime();
    }
  return latest;
}

/**
 * Notes in `<dir>/import.json` the moment the imported rows describe (just after their latest time, or a
 * previous import's when later), so that a report of the folder describes the export, not the day it is read.
 */
function noteImport(dir: string, records: readonly DatasetRecord[]): void {
  const previous = folderAsOf(dir);
  // Just after the latest time: the export was made after everything it holds, which then all counts (a
  // report leaves out what happens after its moment, and its periods end before it).
  const latest = Math.max(latestTime(records) + 1, previous?.getTime() ?? Number.NEGATIVE_INFINITY);
  if (!Number.isFinite(latest)) return;
  const note = { asOf: new Date(latest).toISOString(), importedAt: new Date().toISOString() };
  writeFileSync(join(dir, IMPORT_FILE), `${JSON.stringify(note, null, 2)}\n`);
}
