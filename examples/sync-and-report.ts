// Sync a helpdesk into a JSONL file, then report on the file without loading it whole. Swap the memory adapter
// for createZendeskAdapter, createRequestTrackerAdapter or createTrelloAdapter to do the same with a real one.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryAdapter, recordSummarizer } from 'supportkit-ts';
import { checkpointFile, jsonlFileSink, OutputLockedError, readJsonlRecords, sync } from 'supportkit-ts/sync';
import { generateDataset } from 'supportkit-ts/testing';

const dataset = generateDataset({ tickets: 300, days: 30, seed: 7 });
const helpdesk = createMemoryAdapter(dataset);
const folder = mkdtempSync(join(tmpdir(), 'supportkit-'));
const file = join(folder, 'helpdesk.jsonl');

// The checkpoint lives beside the output; a later sync from it fetches only what changed since. A corrupt
// checkpoint file is a ValidationError naming it, never a silent restart from the beginning.
const saved = checkpointFile(join(folder, 'helpdesk.checkpoint.json'));
// The sink locks the output until closed: a second sync on the same file gets OutputLockedError.
const sink = jsonlFileSink(file);
try {
  jsonlFileSink(file);
} catch (error) {
  if (error instanceof OutputLockedError) console.log(`a second sync is refused: ${error.lockPath} is held`);
}
try {
  const progress = await sync(helpdesk, { sink, checkpoint: saved.load(), onCheckpoint: saved.save });
  console.log(
    `synced ${progress.records} records in ${progress.batches} batches; checkpoint saved: ${saved.load() !== null}`,
  );
} finally {
  await sink.close();
}

const summarizer = recordSummarizer({ asOf: dataset.asOf!, timeZone: 'Europe/Rome' });
for await (const batch of readJsonlRecords(file)) for (const record of batch) summarizer.push(record);
const report = summarizer.finish();
console.log(
  `tickets: ${report.tickets.total}, first reply median: ${report.firstReply.calendarMinutes.median} min`,
);
