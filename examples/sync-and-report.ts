// Sync a helpdesk into a JSONL file, then report on the file without loading it whole. Swap the memory adapter
// for createZendeskAdapter, createRequestTrackerAdapter or createTrelloAdapter to do the same with a real one.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Checkpoint, recordSummarizer } from 'supportkit';
import { jsonlFileSink, readJsonlRecords, sync } from 'supportkit/sync';
import { createMemoryAdapter, generateDataset } from 'supportkit/testing';

const dataset = generateDataset({ tickets: 300, days: 30, seed: 7 });
const helpdesk = createMemoryAdapter(dataset);
const file = join(mkdtempSync(join(tmpdir(), 'supportkit-')), 'helpdesk.jsonl');

// Save the checkpoint wherever you like; a later sync from it fetches only what changed since.
let saved: Checkpoint | null = null;
const progress = await sync(helpdesk, {
  sink: jsonlFileSink(file),
  onCheckpoint: (checkpoint) => {
    saved = checkpoint;
  },
});
console.log(
  `synced ${progress.records} records in ${progress.batches} batches; checkpoint saved: ${saved !== null}`,
);

const summarizer = recordSummarizer({ asOf: dataset.asOf!, timeZone: 'Europe/Rome' });
for await (const batch of readJsonlRecords(file)) for (const record of batch) summarizer.push(record);
const report = summarizer.finish();
console.log(
  `tickets: ${report.tickets.total}, first reply median: ${report.firstReply.calendarMinutes.median} min`,
);
