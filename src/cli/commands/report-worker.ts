/**
 * The worker thread of `supportkit report` on a large JSONL input: collects the report data of the byte range
 * it is given and posts the collector's state back (src/sync/shards.ts runs it).
 */
import { type ReportCollectorState, type ReportOptions, reportCollector } from '../../report/index.js';
import { readShard, shardWorker } from '../../sync/shards.js';

shardWorker<ReportOptions, ReportCollectorState>(async (task) => {
  const collector = reportCollector(task.options);
  const counts = await readShard(task, (record) => collector.push(record));
  return { state: collector.toJSON(), ...counts };
});
