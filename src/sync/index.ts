export { type CheckpointFile, checkpointFile } from './checkpoint.js';
export { OutputLockedError } from './errors.js';
export { readJsonlRecords } from './jsonl-reader.js';
export { type JsonlFileSinkOptions, jsonlFileSink } from './jsonl-sink.js';
export { callbackSink, recordKey, type SyncSink } from './sink.js';
export { type SummarizeFileOptions, summarizeJsonlFile } from './summarize-file.js';
export { type SyncOptions, type SyncProgress, SyncStalledError, sync } from './sync.js';
