import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ReportCollectorState,
  type ReportData,
  type ReportOptions,
  renderReport,
  reportCollector,
} from '../../report/index.js';
import { bundleCheck, isNotBundled } from '../../sync/bundles.js';
import { readDataset } from '../../sync/dataset.js';
import { runShards } from '../../sync/shards.js';
import { stringOption } from '../args.js';
import { UsageError } from '../errors.js';
import { openReportInput, type ReportInput, reportRecords } from '../input.js';
import { refuseOverwrite, writeResult } from '../output.js';
import type { CommandRun } from '../registry.js';
import { type ReportCliOptions, reportOptions } from '../report-options.js';

/**
 * Collects report data from an opened input: a dataset is summarised as `summarize` would (every ticket
 * remembered for CSAT attribution); a stream as `summarizeRecords` would — unless it is a log (a ticket written
 * again by a later sync run, messages apart from their tickets), which is read as its latest versions. The
 * planning sections follow, in the report's locale.
 *
 * @example
 * ```ts
 * const data = await collectReport(openReportInput(file, 'helpdesk/'), options, 'helpdesk/');
 * ```
 */
export async function collectReport(
  input: ReportInput,
  options: ReportCliOptions,
  source: string,
): Promise<ReportData> {
  const asOf = options.asOf ?? (input.kind === 'dataset' ? input.dataset.asOf : input.asOf) ?? new Date();
  const collectorOptions: ReportOptions = {
    asOf,
    timeZone: options.timeZone,
    interval: options.interval,
    source,
    ...(options.schedule ? { schedule: options.schedule } : {}),
    ...(options.recentPeriods ? { recentPeriods: options.recentPeriods } : {}),
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    ...(input.kind === 'dataset' ? { ticketMemory: Number.POSITIVE_INFINITY } : {}),
  };
  const collector = reportCollector(collectorOptions);
  const finish = async () => {
    const data = collector.finish();
    data.sections.push(
      ...(await collector.planning({ locale: options.locale ?? 'en', ...options.planning })),
    );
    return data;
  };
  if (input.kind === 'dataset') {
    for (const record of input.records) collector.push(record);
    return finish();
  }
  if (await collectInShards(input, collectorOptions, options.workers, collector)) return finish();
  try {
    const check = bundleCheck();
    for await (const batch of input.records)
      for (const record of batch) {
        check(record);
        collector.push(record);
      }
    return await finish();
  } catch (error) {
    if (!isNotBundled(error)) throw error;
  }
  // A log of several sync runs, or a feed that writes messages apart from their tickets (Zendesk's): the
  // helpdesk as it stands now, each record's latest version, read whole.
  const dataset = await readDataset(input.file);
  if (input.asOf) dataset.asOf = input.asOf;
  return collectReport({ kind: 'dataset', dataset, records: reportRecords(dataset) }, options, source);
}

/** This module's file: the report worker's file is found next to it. */
const here = () => (typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url));

/**
 * Reads a large JSONL input on every core (or `workers` threads), merging each shard's state into `collector`;
 * false when the input is read in one pass instead (small, one thread asked for, or an order shards cannot split).
 */
async function collectInShards(
  input: Extract<ReportInput, { kind: 'stream' }>,
  options: ReportOptions,
  workers: number | undefined,
  collector: ReturnType<typeof reportCollector>,
): Promise<boolean> {
  const how = { worker: 'report-worker', here: here(), options, tolerateTornTail: input.tolerateTornTail };
  const outcomes = await runShards<ReportOptions, ReportCollectorState>(input.file, workers, how);
  for (const outcome of outcomes ?? []) collector.merge(outcome.state);
  return outcomes !== null;
}

/**
 * `supportkit report <input>`.
 *
 * @example
 * ```ts
 * await reportCommand(context);
 * ```
 */
export const reportCommand: CommandRun = async (context) => {
  const { io, args, json } = context;
  const [path, extra] = args.positionals;
  if (!path)
    throw new UsageError(
      'report needs an input: a sync folder, a .jsonl file or a dataset .json',
      'supportkit report helpdesk/',
    );
  if (extra !== undefined) throw new UsageError('report takes one input', 'supportkit report --help');
  const options = reportOptions(args.values, io.cwd, json);
  const out = stringOption(args.values, 'out', 'report');
  const schedule = stringOption(args.values, 'schedule', 'report');
  if (out !== undefined) refuseOverwrite(io.cwd, path, out, 'report', schedule ? [schedule] : []);
  const data = await collectReport(openReportInput(resolve(io.cwd, path), path), options, path);
  writeResult(
    context,
    renderReport(data, {
      format: options.format,
      locale: options.locale ?? 'en',
      timeZone: options.timeZone,
    }),
    out,
  );
  return 0;
};
