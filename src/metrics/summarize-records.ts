import { ValidationError } from '../errors/validation.js';
import type { DatasetRecord } from '../models/dataset.js';
import type { MetricsReport } from '../models/metrics-report.js';
import type { Ticket } from '../models/ticket.js';
import type { TicketBundle } from './bundle.js';
import type { Instant } from './business-time.js';
import { optionsArg, recordArg } from './input.js';
import { type SummaryOptions, summaryAccumulatorOf } from './summarize.js';

/**
 * Feeds dataset records, grouped by ticket, into a {@link summaryAccumulator} one at a time: the push-style
 * core of {@link summarizeRecords}, for callers that read records themselves (a file reader, a queue consumer).
 *
 * @example
 * ```ts
 * import { recordSummarizer } from 'supportkit-ts';
 * const summarizer = recordSummarizer({ asOf: new Date(), timeZone: 'Europe/Rome' });
 * for (const record of records) summarizer.push(record);
 * const report = summarizer.finish();
 * ```
 */
export function recordSummarizer(options: SummaryOptions & { asOf: Instant }) {
  // Surveys follow their ticket in a grouped stream, so a short memory of tickets is enough to attribute them.
  const acc = summaryAccumulatorOf(
    { ticketMemory: 10_000, ...optionsArg(options, 'recordSummarizer') },
    true,
  );
  let current: {
    ticket: Ticket;
    messages: TicketBundle['messages'][number][];
    events: TicketBundle['events'][number][];
  } | null = null;
  let index = 0;
  const flush = () => {
    if (current) acc.add({ kind: 'bundle', value: current });
    current = null;
  };
  return {
    /** Adds one record. Messages and events must follow their ticket. */
    push(input: DatasetRecord): void {
      const record = recordArg(input, 'recordSummarizer', index) as DatasetRecord;
      switch (record.kind) {
        case 'tickets':
          flush();
          current = { ticket: record.value, messages: [], events: [] };
          break;
        case 'messages':
        case 'events': {
          if (!current || current.ticket.id !== record.value.ticketId) {
            throw new ValidationError('record stream', [
              {
                path: [index, 'ticketId'],
                code: 'custom',
                message: 'record does not follow its ticket: records must be grouped by ticket',
              },
            ]);
          }
          if (record.kind === 'messages') current.messages.push(record.value);
          else current.events.push(record.value);
          break;
        }
        case 'csat':
          flush(); // its ticket is complete: attribute the response to the ticket's channel, group and priority
          acc.add(record);
          break;
        case 'nps':
        case 'ces':
        case 'schedules':
        case 'groups':
        case 'slaPolicies':
          acc.add(record);
          break;
        default:
          break; // customers, agents, organizations, SOPs and articles do not enter the report
      }
      index++;
    },
    /** Flushes the last ticket and returns the report. */
    finish(): MetricsReport {
      flush();
      return acc.result();
    },
    /**
     * Ends the ticket still being grouped, taking it into the accumulator: call it at the end of a shard, before
     * reading `accumulator`. A message or event of that ticket pushed afterwards is refused.
     */
    flush,
    /**
     * The accumulator, to merge with other shards. It holds every ticket pushed except the one still being
     * grouped (its messages may still come): `finish()` or `flush()` first to include that one too.
     */
    accumulator: acc,
  };
}

/**
 * Summarises a stream of dataset records (a JSONL file, a sync, the generator) holding one ticket's records at a
 * time. Records must come grouped by ticket — each ticket followed by its messages and events — as the generator
 * and supportkit's sync write them; reference data (schedules, groups, SLA policies) must come before the
 * tickets that need it. A message or event out of place is a ValidationError. An async source may deliver
 * records in batches (arrays), which saves a promise per record.
 *
 * @example
 * ```ts
 * import { summarizeRecords } from 'supportkit-ts';
 * import { streamDataset, datasetAsOf } from 'supportkit-ts/testing';
 * const options = { tickets: 100_000, days: 180 };
 * const report = await summarizeRecords(streamDataset(options), { asOf: datasetAsOf(options) });
 * ```
 */
export async function summarizeRecords(
  records: Iterable<DatasetRecord> | AsyncIterable<DatasetRecord | readonly DatasetRecord[]>,
  options: SummaryOptions & { asOf: Instant },
): Promise<MetricsReport> {
  const summarizer = recordSummarizer(options);
  if (
    records === null ||
    typeof records !== 'object' ||
    (!(Symbol.iterator in records) && !(Symbol.asyncIterator in records))
  ) {
    throw new ValidationError('summarizeRecords() records', [
      { path: [], code: 'invalid_type', message: 'expected an iterable or async iterable of records' },
    ]);
  }
  if (Symbol.iterator in records) {
    for (const record of records) summarizer.push(record);
  } else {
    for await (const item of records) {
      if (Array.isArray(item)) for (const record of item as readonly DatasetRecord[]) summarizer.push(record);
      else summarizer.push(item as DatasetRecord);
    }
  }
  return summarizer.finish();
}
