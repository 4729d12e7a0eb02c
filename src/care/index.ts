/**
 * Support workflows built on the models and metrics: customer cards (identity resolution across helpdesks, the
 * card with its timeline, figures and signed notes, rendering).
 *
 * @packageDocumentation
 */

export { type CustomerCardOptions, customerCard } from './card/customer-card.js';
export { addCardNote, type CardNoteAdd, type CardNoteEdit, editCardNote } from './card/notes.js';
export { type RenderCardOptions, renderCard } from './card/render.js';
export {
  type CardNoteSaveOptions,
  type CardNoteStore,
  type SavedCardNote,
  saveCardNote,
} from './card/save-note.js';
export {
  buildCardIndex,
  type CardIndex,
  type CardIndexOptions,
  type CardMerge,
  type CardQuery,
  type CardRecordRef,
  type CardRecords,
  type IdentityConflict,
} from './identity/card-index.js';
export { type IdentityKeyOptions, toE164 } from './identity/keys.js';
