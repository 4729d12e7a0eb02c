/**
 * The worker thread of {@link summarizeJsonlFile}: summarises the byte range it is given and posts the state (or
 * the failure) back. Its own entry point, so a worker loads only the summary code.
 */
import type { SummaryOptions, SummaryState } from '../metrics/summarize.js';
import { recordSummarizer } from '../metrics/summarize-records.js';
import { readShard, shardWorker } from './shards.js';

shardWorker<SummaryOptions & { asOf: number }, SummaryState>(async (task) => {
  const summarizer = recordSummarizer(task.options);
  const counts = await readShard(task, (record) => summarizer.push(record));
  summarizer.flush();
  return { state: summarizer.accumulator.toJSON(), ...counts };
});
