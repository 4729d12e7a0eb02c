import { z } from 'zod';
import { invalidArgument } from '../../errors/validation.js';
import { CardNote, type CustomerCard } from '../../models/customer-card.js';
import { parse } from '../../models/parse.js';
import { Source } from '../../models/primitives.js';
import type { CardRecordRef } from '../identity/card-index.js';

/**
 * What {@link saveCardNote} needs of a helpdesk adapter: its name, whether it keeps customer notes, and
 * `customers.addNote` — every `HelpdeskAdapter` has them.
 * @example `const store: CardNoteStore = createZendeskAdapter({ subdomain: 'acme', auth });`
 */
export interface CardNoteStore {
  readonly name: string;
  readonly capabilities: { readonly customers: { readonly notes: boolean } };
  readonly customers: {
    addNote(
      customerId: string,
      note: { id: string; authorId: string; authorName?: string; body: string; at: Date },
      options?: CardNoteSaveOptions,
    ): Promise<unknown>;
  };
}

/**
 * Per-call options passed on to the adapter.
 * @example `await saveCardNote(zendesk, card, 'note-1', { timeoutMs: 5000 });`
 */
export interface CardNoteSaveOptions {
  timeoutMs?: number;
  maxRetries?: number;
  signal?: AbortSignal;
  idempotencyKey?: string;
}

/**
 * What {@link saveCardNote} did: the note, and the helpdesk records it was written to — none when the helpdesk
 * keeps no customer notes or the card has no record there, and then the caller stores `note` (with the card).
 * @example `if (saved.stored.length === 0) await db.saveNote(card.id, saved.note);`
 */
export interface SavedCardNote {
  note: CardNote;
  stored: CardRecordRef[];
}

/** What saving a note reads of a card: its records and notes (its tickets are not parsed again). */
const CardNotesAndRecords = z.object({ records: z.array(Source), notes: z.array(CardNote) });

/**
 * Writes a card note's latest revision to a helpdesk that keeps customer notes (Zendesk's user notes), on each
 * of the card's records in that helpdesk, as a signed block (author, time) appended to the notes — never
 * rewriting what is there, so the stored text is the note's history. Call it after each `addCardNote` or
 * `editCardNote`; saving the same revision again writes nothing new. Where the helpdesk keeps no notes
 * (`capabilities.customers.notes` false) nothing is sent and the note is returned for the caller to store.
 *
 * @example
 * ```ts
 * import { addCardNote, saveCardNote } from 'supportkit-ts/care';
 * const next = addCardNote(card, { authorId: '381', authorName: 'Marco', body: 'Call back after 5 pm', at: new Date() });
 * const saved = await saveCardNote(zendesk, next, next.notes.at(-1)!.id);
 * saved.stored; // [{ adapter: 'zendesk', id: '7' }]
 * ```
 */
export async function saveCardNote(
  helpdesk: CardNoteStore,
  card: CustomerCard,
  noteId: string,
  options?: CardNoteSaveOptions,
): Promise<SavedCardNote> {
  if (
    typeof helpdesk !== 'object' ||
    helpdesk === null ||
    typeof helpdesk.customers?.addNote !== 'function' ||
    typeof helpdesk.capabilities?.customers?.notes !== 'boolean'
  ) {
    throw invalidArgument('saveCardNote()', 'helpdesk', 'expected a helpdesk adapter');
  }
  const parsed = parse(CardNotesAndRecords, card, 'saveCardNote() card');
  const note = parsed.notes.find((n) => n.id === noteId);
  if (typeof noteId !== 'string' || !note) {
    throw invalidArgument('saveCardNote()', 'noteId', 'names no note of this card');
  }
  const records = parsed.records.filter((record) => record.adapter === helpdesk.name);
  if (!helpdesk.capabilities.customers.notes || records.length === 0) return { note, stored: [] };
  const latest = note.revisions.at(-1)!;
  const signed = {
    id: note.id,
    authorId: latest.authorId,
    ...(latest.authorName ? { authorName: latest.authorName } : {}),
    body: latest.body,
    at: latest.at,
  };
  for (const record of records) await helpdesk.customers.addNote(record.id, signed, options);
  return { note, stored: records.map((r) => ({ adapter: r.adapter, id: r.id })) };
}
