/**
 * Helpers for automation steps (Zapier, n8n, Make, Pipedream): loose, string-valued input in, flat JSON out,
 * and a clear error message when the input cannot be understood. Light to import: no zod, and the holiday
 * calendar loads only when a `country` is given.
 *
 * @packageDocumentation
 */
export {
  type BusinessMinutesOptions,
  type BusinessMinutesResult,
  type BusinessTimeOptions,
  businessMinutesBetween,
  type IsOpenNowOptions,
  type IsOpenNowResult,
  isOpenNow,
  type SlaDeadlineOptions,
  type SlaDeadlineResult,
  slaDeadline,
} from './business.js';
export { callAutomation } from './call.js';
export { type ClassifyOptions, type ClassifyResult, type ClassifyRules, classifyTicket } from './classify.js';
export { type HoursOptions, hours } from './hours.js';
export { type ReplyPromiseOptions, type ReplyPromiseResult, replyPromise } from './reply-promise.js';
export type { ScheduleOptions } from './schedule-input.js';
export { type AutomationName, automationSchemas } from './schemas.js';
export {
  type CesScoreResult,
  type CsatScoreResult,
  type NpsCategory,
  type NpsCategoryResult,
  type NpsScoreResult,
  npsCategory,
  scoreCes,
  scoreCsat,
  scoreNps,
} from './scores.js';
export { type DateOrder, type ParseWhenOptions, parseWhen, type WhenResult } from './when.js';
export {
  type NormalizedResult,
  type NormalizeOptions,
  normalizeChannel,
  normalizePriority,
  normalizeStatus,
  splitTags,
  type TagsResult,
} from './words.js';
