import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundleParsed } from '../metrics/bundle.js';
import type { Dataset, DatasetRecord } from '../models/dataset.js';
import { parseDataset } from '../models/helpers.js';
import { folderAsOf, RECORDS_FILE } from '../sync/folder.js';
import { readJsonlRecords } from '../sync/jsonl-reader.js';
import { CommandError } from './errors.js';

export { CHECKPOINT_FILE, RECORDS_FILE } from '../sync/folder.js';

/** Records to report on: a stream (a sync folder or JSONL file) or a whole validated dataset. */
export type ReportInput =
  | {
      kind: 'stream';
      records: AsyncIterable<DatasetRecord[]>;
      file: string;
      tolerateTornTail: boolean;
      /** The moment a folder's data describes (`folderAsOf`), when the folder says. */
      asOf?: Date;
    }
  | { kind: 'dataset'; dataset: Dataset; records: Iterable<DatasetRecord> };

/**
 * A dataset's records in the order a report reads them: reference data and the people it names, then each ticket with its messages and
 * events, then surveys.
 *
 * @example
 * ```ts
 * for (const record of reportRecords(dataset)) collector.push(record);
 * ```
 */
export function* reportRecords(dataset: Dataset): Generator<DatasetRecord> {
  for (const value of dataset.schedules) yield { kind: 'schedules', value };
  for (const value of dataset.groups) yield { kind: 'groups', value };
  for (const value of dataset.agents) yield { kind: 'agents', value };
  for (const value of dataset.organizations) yield { kind: 'organizations', value };
  for (const value of dataset.slaPolicies) yield { kind: 'slaPolicies', value };
  for (const value of dataset.sops) yield { kind: 'sops', value };
  for (const value of dataset.articles) yield { kind: 'articles', value };
  for (const { ticket, messages, events } of bundleParsed(dataset)) {
    yield { kind: 'tickets', value: ticket };
    for (const value of messages) yield { kind: 'messages', value };
    for (const value of events) yield { kind: 'events', value };
  }
  for (const value of dataset.csat) yield { kind: 'csat', value };
  for (const value of dataset.nps) yield { kind: 'nps', value };
  for (const value of dataset.ces) yield { kind: 'ces', value };
}

/**
 * Opens what the user named: a folder that sync or import wrote (its records.jsonl), a JSONL file, or a dataset
 * JSON file (validated whole through the Dataset model).
 *
 * @example
 * ```ts
 * const input = openReportInput('/data/helpdesk', 'helpdesk/');
 * ```
 */
export function openReportInput(path: string, shown: string): ReportInput {
  if (!existsSync(path))
    throw new CommandError(
      `${shown}: not found`,
      'pass a sync folder, a .jsonl file or a dataset .json',
      'file_error',
    );
  if (statSync(path).isDirectory()) {
    const file = join(path, RECORDS_FILE);
    if (!existsSync(file))
      throw new CommandError(
        `${shown} has no ${RECORDS_FILE}`,
        `write one with: supportkit sync <adapter> --out ${shown}`,
        'file_error',
      );
    const asOf = folderAsOf(path);
    return {
      kind: 'stream',
      records: readJsonlRecords(file, { tolerateTornTail: true }),
      file,
      tolerateTornTail: true,
      ...(asOf ? { asOf } : {}),
    };
  }
  if (path.endsWith('.jsonl'))
    return { kind: 'stream', records: readJsonlRecords(path), file: path, tolerateTornTail: false };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new CommandError(
        `${shown} is not JSON`,
        'a dataset is one JSON object; a sync writes JSONL (one record per line)',
        'bad_input',
      );
    throw error;
  }
  const dataset = parseDataset(json);
  return { kind: 'dataset', dataset, records: reportRecords(dataset) };
}
