/**
 * Support workflows built on the models and metrics: customer cards (identity resolution across helpdesks, the
 * card with its timeline, figures and signed notes, rendering), SOP documents (Markdown and Mermaid authoring,
 * checks, rendering, runs as checklists) and knowledge-base suggestions (an article index with per-language
 * analysis, suggestions with a threshold, and their evaluation), acknowledgements (a reply-time promise the team
 * keeps, coverage hours, the automatic reply) and the peak playbook's queue order (`prioritize`).
 *
 * @packageDocumentation
 */

export * from './ack/index.js';
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
export { type IdentityKeyOptions, toE164, toPhoneIdentity } from './identity/keys.js';
export {
  type ArticleField,
  type ArticleIndex,
  type ArticleIndexOptions,
  createArticleIndex,
} from './kb/article-index.js';
export {
  evaluateSuggestions,
  type SuggestionCase,
  type SuggestionCaseResult,
  type SuggestionEvaluation,
} from './kb/evaluate.js';
export { BUILT_IN_LANGUAGES, type LanguagePack } from './kb/languages.js';
export {
  type ArticleSuggestion,
  DEFAULT_MIN_SCORE,
  type MatchedTerm,
  type SuggestionFilters,
  type SuggestionQuery,
  type SuggestOptions,
  suggestArticles,
} from './kb/suggest.js';
export {
  type PrioritizeOptions,
  type PrioritizeWeights,
  prioritize,
  type QueueBand,
  type QueueItem,
  type QueuePlace,
} from './peak/prioritize.js';
export {
  advanceSopRun,
  type CheckSopOptions,
  checkSop,
  type FlowchartDirection,
  type FlowchartEdge,
  type FlowchartNode,
  type FlowchartShape,
  type MermaidFlowchart,
  parseMermaidFlowchart,
  parseSopMarkdown,
  type RenderSopOptions,
  renderSop,
  type SopFinding,
  type SopFindingCode,
  SopRun,
  type SopRunEntry,
  type SopRunMove,
  type SopRunStart,
  type SopRunStats,
  type SopRunStatsOptions,
  type SopToMarkdownOptions,
  sopFor,
  sopRunStats,
  sopToMarkdown,
  startSopRun,
  type ToMermaidOptions,
  toMermaid,
} from './sop/index.js';
