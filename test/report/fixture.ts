/**
 * One generated helpdesk shared by the report tests: parsed through the models as the CLI reads a dataset, its
 * records in the order a report reads them, and report data collected from them (planning sections included).
 */
import { reportRecords } from '../../src/cli/input.js';
import type { DatasetRecord } from '../../src/models/dataset.js';
import { parseDataset } from '../../src/models/index.js';
import { type ReportOptions, reportCollector } from '../../src/report/index.js';
import { generateDataset } from '../../src/testing/index.js';

export const OPTIONS = { seed: 11, tickets: 900, days: 63, startDate: '2026-01-05', timeZone: 'Europe/Rome' };
export const dataset = parseDataset(JSON.parse(JSON.stringify(generateDataset(OPTIONS))));
export const records: DatasetRecord[] = [...reportRecords(dataset)];

/** Report data of `records` (default: all of them) collected with `options`. */
export function collect(options: Partial<ReportOptions> = {}, input: readonly DatasetRecord[] = records) {
  const collector = reportCollector({
    asOf: dataset.asOf!,
    timeZone: OPTIONS.timeZone,
    source: 'helpdesk/',
    ticketMemory: Number.POSITIVE_INFINITY,
    ...options,
  });
  for (const record of input) collector.push(record);
  return collector;
}
