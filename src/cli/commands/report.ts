import { resolve } from 'node:path';
import { type ReportData, type ReportOptions, renderReport, reportCollector } from '../../report/index.js';
import { stringOption } from '../args.js';
import { UsageError } from '../errors.js';
import { openReportInput, type ReportInput } from '../input.js';
import { refuseOverwrite, writeResult } from '../output.js';
import type { CommandRun } from '../registry.js';
import { type ReportCliOptions, reportOptions } from '../report-options.js';

/**
 * Collects report data from an opened input: a dataset is summarised as `summarize` would (every ticket
 * remembered for CSAT attribution); a stream as `summarizeRecords` would.
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
  const asOf = options.asOf ?? (input.kind === 'dataset' ? input.dataset.asOf : undefined) ?? new Date();
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
  if (input.kind === 'dataset') for (const record of input.records) collector.push(record);
  else for await (const batch of input.records) for (const record of batch) collector.push(record);
  return collector.finish();
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
  if (out !== undefined) refuseOverwrite(io.cwd, path, out, 'report');
  const data = await collectReport(openReportInput(resolve(io.cwd, path), path), options, path);
  writeResult(context, renderReport(data, options.format), out);
  return 0;
};
