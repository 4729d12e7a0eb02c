/**
 * Signed customer notes kept as one text field (Zendesk's user `notes`, the memory adapter): each note is a block
 * that starts with a signature line, and a note is only ever appended to — an edit is a new block with the same
 * note id, so the text is the note's whole history. Text that is not in this form (notes typed in the helpdesk)
 * is kept as it is and not read as notes.
 *
 *   ── note n1 · 2026-03-02T10:00:00.000Z · by 381 · Marco
 *   Call back after 5 pm
 */
import { ValidationError } from '../../errors/validation.js';
import type { CustomerNote } from '../../models/customer.js';
import { CustomerNoteCreate, type CustomerNoteCreateInput } from '../../models/inputs.js';
import { parse } from '../../models/parse.js';

const HEADER = '── note ';
const SEP = ' · ';
const HEADER_LINE = /^── note (\S+) · (\S+) · by (.+?) · (.*)$/;
/** A body line written with a backslash in front because it would otherwise read as a signature. */
const ESCAPED = /^\\+── note /;

interface Block {
  id: string;
  at: Date;
  authorId: string;
  authorName: string;
  body: string;
}

/** The signed blocks of a notes text, in the order written; other text is skipped. */
function blocksOf(text: string | null | undefined): Block[] {
  const blocks: Block[] = [];
  let current: (Block & { lines: string[] }) | undefined;
  const close = (last: boolean) => {
    if (!current) return;
    // The blank line that separates a block from the next is not part of its text.
    if (!last && current.lines.at(-1) === '') current.lines.pop();
    blocks.push({ ...current, body: current.lines.join('\n') });
  };
  for (const line of (text ?? '').split(/\r?\n/)) {
    const header = HEADER_LINE.exec(line);
    const at = header ? new Date(header[2]!) : undefined;
    if (header && at && !Number.isNaN(at.getTime())) {
      close(false);
      current = { id: header[1]!, at, authorId: header[3]!, authorName: header[4]!, body: '', lines: [] };
    } else if (current) {
      // A body line that would read as a signature was written with a backslash in front.
      current.lines.push(ESCAPED.test(line) ? line.slice(1) : line);
    }
  }
  close(true);
  return blocks;
}

/**
 * The signed notes in a notes text: one per id, created by its first block's author and time, with the last
 * block's text (and its time as `updatedAt` when edited).
 * @example `notesFromText('── note n1 · 2026-03-02T10:00:00.000Z · by 381 · Marco\nCall back').length // 1`
 */
export function notesFromText(text: string | null | undefined): CustomerNote[] {
  const notes = new Map<string, CustomerNote>();
  for (const block of blocksOf(text)) {
    const first = notes.get(block.id);
    if (first) {
      first.body = block.body;
      first.updatedAt = block.at;
    } else {
      notes.set(block.id, { id: block.id, authorId: block.authorId, body: block.body, createdAt: block.at });
    }
  }
  return [...notes.values()];
}

/** Refuses what would break the signature line: a line break, or the separator inside an id. */
function checkSignable(note: CustomerNoteCreate, subject: string): void {
  const bad = (field: string, message: string) =>
    new ValidationError(subject, [{ path: [field], code: 'invalid_format', message }]);
  if (note.id !== undefined && /\s/.test(note.id)) throw bad('id', 'must not contain spaces or line breaks');
  if (/[\r\n]/.test(note.authorId) || note.authorId.includes(SEP)) {
    throw bad('authorId', 'must be one line without " · "');
  }
}

/**
 * Appends a signed note (or, with the id of a note in the text, a revision of it) to a notes text. Returns the
 * new text and the note as it now reads. Appending the same revision again changes nothing (a retried call);
 * a revision dated before the note's last one is a ValidationError: history only grows forward.
 * @example `appendSignedNote(null, { authorId: '381', body: 'Call back', at: new Date() }, 'customers.addNote note')`
 */
export function appendSignedNote(
  text: string | null | undefined,
  input: CustomerNoteCreateInput,
  subject: string,
): { text: string; note: CustomerNote } {
  const note = parse(CustomerNoteCreate, input, subject);
  checkSignable(note, subject);
  const blocks = blocksOf(text);
  const ids = new Set(blocks.map((b) => b.id));
  let id = note.id;
  if (id === undefined) {
    let n = ids.size + 1;
    while (ids.has(`n${n}`)) n++;
    id = `n${n}`;
  }
  const last = blocks.filter((b) => b.id === id).at(-1);
  const body = note.body.replace(/\r\n?/g, '\n');
  const name = (note.authorName ?? '').replace(/[\r\n]+/g, ' ');
  if (
    last &&
    last.at.getTime() === note.at.getTime() &&
    last.authorId === note.authorId &&
    last.body === body
  ) {
    return { text: text ?? '', note: notesFromText(text).find((n) => n.id === id)! };
  }
  if (last && note.at.getTime() < last.at.getTime()) {
    throw new ValidationError(subject, [
      { path: ['at'], code: 'invalid_value', message: "must not be before the note's last revision" },
    ]);
  }
  const escaped = body
    .split('\n')
    .map((line) => (line.startsWith(HEADER) || ESCAPED.test(line) ? `\\${line}` : line))
    .join('\n');
  const block = `${HEADER}${id}${SEP}${note.at.toISOString()}${SEP}by ${note.authorId}${SEP}${name}\n${escaped}`;
  // What is there stays byte for byte; a blank line separates the new block from it.
  const next = text ? `${text}\n\n${block}` : block;
  return { text: next, note: notesFromText(next).find((n) => n.id === id)! };
}
