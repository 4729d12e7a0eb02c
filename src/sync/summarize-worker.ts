/**
 * The worker thread of {@link summarizeJsonlFile}: summarises the byte range it is given and posts the state (or
 * the failure) back. Its own entry point, so a worker loads only the summary code.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ShardTask, shardFailure, summarizeShard } from './summarize-shard.js';

summarizeShard(workerData as ShardTask).then(
  (result) => parentPort!.postMessage({ result }),
  (error: unknown) => parentPort!.postMessage({ failure: shardFailure(error) }),
);
