import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { invalidArgument } from '../errors/validation.js';
import type { CustomerNote } from '../models/customer.js';
import { CardNote, type CustomerCard } from '../models/customer-card.js';
import { parse } from '../models/parse.js';
import { Id, Source, Timestamp } from '../models/primitives.js';
import { NOTES_FILE } from './folder.js';
import { badLine } from './jsonl-reader.js';

/**
 * One revision of a card note as a synced folder keeps it (a line of `notes.jsonl`): the customer records it
 * belongs to, the note's id, and the signed text — who wrote it and when.
 *
 * @example
 * ```ts
 * const line: FolderNote = {
 *   records: [{ adapter: 'request-tracker', id: 'ada@example.com' }],
 *   id: 'note-1', authorId: 'marco', authorName: 'Marco', body: 'Prefers calls after 5 pm',
 *   createdAt: new Date('2026-03-02T10:00:00Z'), at: new Date('2026-03-02T10:00:00Z'),
 * };
 * ```
 */
export interface FolderNote {
  records: { adapter: string; id: string }[];
  id: string;
  authorId: string;
  authorName?: string;
  body: string;
  /** When the note was first written. */
  createdAt: Date;
  /** When this revision was written. */
  at: Date;
}

const FolderNoteLine = z.strictObject({
  kind: z.literal('cardNote'),
  value: z.strictObject({
    records: z.array(Source.pick({ adapter: true, id: true })).min(1),
    id: Id,
    authorId: Id,
    authorName: z.string().min(1).optional(),
    body: z.string().min(1),
    createdAt: Timestamp,
    at: Timestamp,
  }),
});

/** What saving a card note to a folder needs of the card: its records and notes. */
const CardNotesAndRecords = z.object({ records: z.array(Source), notes: z.array(CardNote) });

/**
 * Keeps the latest revision of a card note in a synced folder (`<dir>/notes.jsonl`), for the helpdesks that
 * keep no customer notes (`saveCardNote` returned `stored: []`): the revision is appended and fsynced, signed
 * with its author and time, against every record of the card. Earlier lines are never rewritten and a sync
 * never touches the file, so a later sync cannot overwrite a note; {@link readDataset} puts the notes back on
 * the customers they belong to. Saving the same revision twice writes it once.
 *
 * @example
 * ```ts
 * import { addCardNote, saveCardNote } from 'supportkit-ts/care';
 * import { saveFolderNote } from 'supportkit-ts/sync';
 * const next = addCardNote(card, { authorId: 'marco', authorName: 'Marco', body: 'Prefers calls', at: new Date() });
 * const note = next.notes.at(-1)!;
 * const saved = await saveCardNote(helpdesk, next, note.id);
 * if (saved.stored.length === 0) saveFolderNote('helpdesk/', next, note.id);
 * ```
 */
export function saveFolderNote(dir: string, card: CustomerCard, noteId: string): FolderNote {
  if (typeof dir !== 'string' || dir === '')
    throw invalidArgument('saveFolderNote()', 'dir', 'expected the path of a synced folder');
  const parsed = parse(CardNotesAndRecords, card, 'saveFolderNote() card');
  const note = typeof noteId === 'string' ? parsed.notes.find((n) => n.id === noteId) : undefined;
  if (!note) throw invalidArgument('saveFolderNote()', 'noteId', 'names no note of this card');
  if (parsed.records.length === 0)
    throw invalidArgument('saveFolderNote()', 'card', 'has no customer record to keep the note on');
  const latest = note.revisions.at(-1)!;
  const line: FolderNote = {
    records: parsed.records.map((r) => ({ adapter: r.adapter, id: r.id })),
    id: note.id,
    authorId: latest.authorId,
    ...(latest.authorName ? { authorName: latest.authorName } : {}),
    body: latest.body,
    createdAt: note.createdAt,
    at: latest.at,
  };
  const folder = resolve(dir);
  const file = join(folder, NOTES_FILE);
  const same = (n: FolderNote) =>
    n.id === line.id && n.at.getTime() === line.at.getTime() && n.body === line.body;
  if (readFolderNotes(folder).some(same)) return line;
  mkdirSync(folder, { recursive: true });
  const fd = openSync(file, 'a');
  try {
    writeSync(fd, `${JSON.stringify({ kind: 'cardNote', value: line })}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return line;
}

/**
 * Every note revision a synced folder keeps, in the order written; none when it has no `notes.jsonl`. A line
 * that is not a note revision is a ValidationError naming the file and line (never the text); a half-written
 * last line (a writer killed mid-line) is skipped.
 *
 * @example
 * ```ts
 * for (const note of readFolderNotes('helpdesk/')) console.log(note.id, note.authorName, note.at);
 * ```
 */
export function readFolderNotes(dir: string): FolderNote[] {
  if (typeof dir !== 'string' || dir === '')
    throw invalidArgument('readFolderNotes()', 'dir', 'expected the path of a synced folder');
  const file = join(resolve(dir), NOTES_FILE);
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  const notes: FolderNote[] = [];
  complete.split('\n').forEach((content, index) => {
    if (content === '') return;
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch {
      throw badLine(file, index + 1, 'not JSON');
    }
    const result = FolderNoteLine.safeParse(json);
    if (!result.success)
      throw badLine(file, index + 1, 'expected a card note revision { kind: "cardNote", value }');
    notes.push(result.data.value);
  });
  return notes;
}

/**
 * Folder notes as the customer notes of one record: the latest revision of each note, dated by its first.
 * Internal to supportkit-ts/sync.
 *
 * @example
 * ```ts
 * notesOfRecord(readFolderNotes(dir), 'request-tracker', 'ada@example.com'); // [{ id: 'note-1', … }]
 * ```
 */
export function notesOfRecord(notes: readonly FolderNote[], adapter: string, id: string): CustomerNote[] {
  const latest = new Map<string, CustomerNote>();
  for (const note of notes) {
    if (!note.records.some((r) => r.adapter === adapter && r.id === id)) continue;
    const known = latest.get(note.id);
    if (known && (known.updatedAt ?? known.createdAt).getTime() > note.at.getTime()) continue;
    latest.set(note.id, {
      id: note.id,
      authorId: note.authorId,
      body: note.body,
      createdAt: note.createdAt,
      ...(note.at.getTime() !== note.createdAt.getTime() ? { updatedAt: note.at } : {}),
    });
  }
  return [...latest.values()];
}
