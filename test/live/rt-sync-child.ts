/**
 * A sync of one live Request Tracker into a JSONL file that crashes: killed with SIGKILL right after saving the
 * first checkpoint that stands between two pages of users. Run in a process of its own by rt-suite.ts's
 * kill-and-resume test:
 *
 *   node --import <tsx loader> rt-sync-child.ts <RT url> <queue> <out.jsonl> <checkpoint.json> <page size>
 */
import { positionOf } from '../../src/adapters/request-tracker/feed-position.js';
import { createRequestTrackerAdapter } from '../../src/adapters/request-tracker/index.js';
import { basicAuth } from '../../src/index.js';
import { checkpointFile, jsonlFileSink, sync } from '../../src/sync/index.js';

const [baseUrl, queue, out, saved, pageSize] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const adapter = createRequestTrackerAdapter({
  baseUrl,
  auth: basicAuth({ username: 'root', password: 'password' }),
  queues: [queue],
  pageSize: Number(pageSize),
});
const file = checkpointFile(saved);
const sink = jsonlFileSink(out, { lockStaleMs: 2000 });
await sync(adapter, {
  sink,
  checkpoint: file.load(),
  onCheckpoint(checkpoint) {
    file.save(checkpoint);
    // A crash, not a shutdown: no close, the output's lock left behind.
    if (positionOf(checkpoint).users.scan) process.kill(process.pid, 'SIGKILL');
  },
});
await sink.close();
