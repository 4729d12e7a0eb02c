/**
 * Support workflows built on the models and metrics: customer cards (identity resolution across helpdesks, the
 * card with its timeline, figures and signed notes, rendering); acknowledgements (a reply-time promise the team
 * keeps, coverage hours, the automatic reply).
 *
 * @packageDocumentation
 */

export * from './ack/index.js';
export { type CustomerCardOptions, customerCard } from './card/customer-card.js';
export { addCardNote, type CardNoteAdd, type CardNoteEdit, editCardNote } from './card/notes.js';
export { type RenderCardOptions, renderCard } from './card/render.js';
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
