export { readJsonlRecords } from './jsonl-reader.js';
export { jsonlFileSink } from './jsonl-sink.js';
export { callbackSink, recordKey, type SyncSink } from './sink.js';
export { type SyncOptions, type SyncProgress, SyncStalledError, sync } from './sync.js';
