import { readFileSync } from 'node:fs';
import { join } from 'node:path';
/**
 * The layout of a synced folder: what `supportkit sync` and `supportkit import csv` write into `--out`, and what
 * `readDataset`, the report and the card read back.
 */

/**
 * The records, one `{ kind, value }` per line, each version once: the sync's sink owns it.
 * @example `join(dir, RECORDS_FILE) // 'helpdesk/records.jsonl'`
 */
export const RECORDS_FILE = 'records.jsonl';

/**
 * Where the sync resumes: the checkpoint of the last batch on disk.
 * @example `checkpointFile(join(dir, CHECKPOINT_FILE))`
 */
export const CHECKPOINT_FILE = 'checkpoint.json';

/**
 * Card notes kept in the folder, for a helpdesk that keeps none: signed revisions, appended, never rewritten —
 * and never touched by a sync, so the next run cannot overwrite them.
 * @example `join(dir, NOTES_FILE) // 'helpdesk/notes.jsonl'`
 */
export const NOTES_FILE = 'notes.jsonl';

/**
 * The helpdesk a synced folder holds, as its checkpoint names it; undefined without one (an import, a folder
 * copied without it) or when it is unreadable.
 * @example `checkpointAdapter('helpdesk/') // 'zendesk'`
 */
export function checkpointAdapter(dir: string): string | undefined {
  try {
    const saved = JSON.parse(readFileSync(join(dir, CHECKPOINT_FILE), 'utf8')) as { adapter?: unknown };
    return typeof saved?.adapter === 'string' && saved.adapter !== '' ? saved.adapter : undefined;
  } catch {
    return undefined;
  }
}
