export {
  type Acknowledgement,
  type AcknowledgementArticle,
  type AcknowledgementOptions,
  acknowledgement,
} from './acknowledgement.js';
export {
  type MedianP90,
  type PromiseBacktest,
  type PromiseBacktestOptions,
  promiseBacktest,
} from './backtest.js';
export { type Coverage, type CoverageOptions, coverage } from './coverage.js';
export { type PromiseOptions, promiseReplyBy, type ReplyPromise } from './promise.js';
export type { HistoryInput } from './promise-history.js';
export { type SendAcknowledgementOptions, sendAcknowledgement } from './send.js';
export { ACKNOWLEDGEMENT_TEMPLATES, type AcknowledgementTemplate } from './templates.js';
