import { z } from 'zod';
import { invalidArgument, ValidationError } from '../../errors/validation.js';
import { CardNote, type CustomerCard } from '../../models/customer-card.js';
import { parse } from '../../models/parse.js';
import { Id, Timestamp } from '../../models/primitives.js';

const signature = {
  /** The operator who writes: a note without one is refused (the seeds' "siglate"). */
  authorId: Id,
  authorName: z.string().min(1).optional(),
  body: z.string().refine((text) => text.trim() !== '', { message: 'must not be empty' }),
  at: Timestamp,
};
const NoteAdd = z.strictObject({ id: Id.optional(), ...signature });
/**
 * What a note change reads of a card: its notes, each checked by the CardNote model (signed, the body its last
 * revision's). The rest of the card (tickets, timelines: 40,000 tickets on a big customer) is returned as given,
 * not parsed again: a card made by `customerCard()` or parsed once with the CustomerCard model is already valid.
 */
const CardWithNotes = z.object({ notes: z.array(CardNote) });
const NoteEdit = z.strictObject(signature);

/**
 * What {@link addCardNote} takes.
 * @example `const note: CardNoteAdd = { authorId: 'agent-3', body: 'Prefers calls', at: '2026-03-02T10:00:00Z' };`
 */
export type CardNoteAdd = z.input<typeof NoteAdd>;
/**
 * What {@link editCardNote} takes.
 * @example `const edit: CardNoteEdit = { authorId: 'agent-5', body: 'Prefers e-mail', at: new Date() };`
 */
export type CardNoteEdit = z.input<typeof NoteEdit>;

/**
 * Adds a signed note to a card and returns the new card (the card given is not changed). The note keeps its
 * author, time and text as its first revision. Without `authorId` (or with an empty body) it is a
 * ValidationError: an unsigned note cannot be traced to a colleague. `id` defaults to `note-<n>`, the first
 * number not in use on the card. Store the note where your helpdesk keeps user notes, or with the card. Only the
 * card's notes and the new note are checked (the rest of the card is returned as given, so the cost does not
 * grow with its tickets): parse a card read back from JSON once with the CustomerCard model first.
 *
 * @example
 * ```ts
 * import { addCardNote } from 'supportkit-ts/care';
 * const next = addCardNote(card, { authorId: 'agent-3', authorName: 'Marco', body: 'Prefers calls after 17:00', at: new Date() });
 * next.notes.at(-1)?.revisions.length; // 1
 * ```
 */
export function addCardNote(card: CustomerCard, note: CardNoteAdd): CustomerCard {
  const parsedCard = { ...card, notes: parse(CardWithNotes, card, 'addCardNote() card').notes };
  const input = parse(NoteAdd, note, 'addCardNote() note');
  const used = new Set(parsedCard.notes.map((n) => n.id));
  let id = input.id;
  if (id !== undefined && used.has(id)) {
    throw new ValidationError('addCardNote() note', [
      { path: ['id'], code: 'custom', message: 'a note with this id is already on the card' },
    ]);
  }
  for (let n = parsedCard.notes.length + 1; id === undefined; n++)
    if (!used.has(`note-${n}`)) id = `note-${n}`;
  const authorName = input.authorName ?? null;
  const added: CardNote = {
    id,
    authorId: input.authorId,
    authorName,
    body: input.body,
    createdAt: input.at,
    revisions: [{ authorId: input.authorId, authorName, body: input.body, at: input.at }],
  };
  return { ...parsedCard, notes: [...parsedCard.notes, added] };
}

/**
 * Edits a note and returns the new card: the new text is appended as a revision signed by whoever edits, with
 * its time, and every earlier revision is kept (append-only), so the card always says who changed what and
 * when. An edit dated before the note's last revision, an unknown note or a missing author is a ValidationError.
 *
 * @example
 * ```ts
 * import { editCardNote } from 'supportkit-ts/care';
 * const next = editCardNote(card, 'note-1', { authorId: 'agent-5', body: 'Prefers calls after 18:00', at: new Date() });
 * next.notes[0]?.revisions.map((r) => r.authorId); // ['agent-3', 'agent-5']
 * ```
 */
export function editCardNote(card: CustomerCard, noteId: string, edit: CardNoteEdit): CustomerCard {
  const parsedCard = { ...card, notes: parse(CardWithNotes, card, 'editCardNote() card').notes };
  if (typeof noteId !== 'string') throw invalidArgument('editCardNote()', 'noteId', 'expected a note id');
  const input = parse(NoteEdit, edit, 'editCardNote() edit');
  const index = parsedCard.notes.findIndex((n) => n.id === noteId);
  const note = parsedCard.notes[index];
  if (!note) throw invalidArgument('editCardNote()', 'noteId', 'names no note on this card');
  const last = note.revisions[note.revisions.length - 1]!;
  if (input.at.getTime() < last.at.getTime()) {
    throw new ValidationError('editCardNote() edit', [
      { path: ['at'], code: 'custom', message: 'is before the note was last changed' },
    ]);
  }
  const revision = {
    authorId: input.authorId,
    authorName: input.authorName ?? null,
    body: input.body,
    at: input.at,
  };
  const edited: CardNote = { ...note, body: input.body, revisions: [...note.revisions, revision] };
  const notes = parsedCard.notes.slice();
  notes[index] = edited;
  return { ...parsedCard, notes };
}
