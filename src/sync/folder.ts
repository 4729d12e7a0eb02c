import { readFileSync, statSync } from 'node:fs';
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

/**
 * What `supportkit import` knows of the folder it wrote: the latest time in the imported rows (`asOf`: the moment
 * the export describes) and when it was imported.
 * @example `join(dir, IMPORT_FILE) // 'helpdesk/import.json'`
 */
export const IMPORT_FILE = 'import.json';

/**
 * The moment a folder's data describes, for a report that is not told one: an import's latest time
 * (`import.json`), else when the last sync batch was saved (the checkpoint's modification time); undefined for a
 * folder with neither. A spreadsheet exported in April and reported in December must not show eight empty months.
 * @example `folderAsOf('helpdesk/') // 2026-04-05T17:12:00.000Z`
 */
export function folderAsOf(dir: string): Date | undefined {
  try {
    const saved = JSON.parse(readFileSync(join(dir, IMPORT_FILE), 'utf8')) as { asOf?: unknown };
    const at = typeof saved?.asOf === 'string' ? Date.parse(saved.asOf) : Number.NaN;
    if (Number.isFinite(at)) return new Date(at);
  } catch {
    // not an import (or its note is unreadable): the checkpoint says when the data was fetched
  }
  const checkpoint = statSync(join(dir, CHECKPOINT_FILE), { throwIfNoEntry: false });
  return checkpoint ? new Date(checkpoint.mtimeMs) : undefined;
}
