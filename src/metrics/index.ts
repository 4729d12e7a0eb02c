/**
 * Pure support metrics over the canonical models: no I/O and no hidden clock (anything time-relative takes
 * `asOf`). Every metric also exists as a mergeable accumulator. Also forecasting (forecastVolume, backtestForecast,
 * detectSurge) and staffing (erlangC, agentsFor, staffingPlan).
 *
 * @packageDocumentation
 */
export type { Accumulator } from './accumulator.js';
export { bundleDataset, type TicketBundle } from './bundle.js';
export { addBusinessMinutes, businessMinutes, type Instant, isBusinessTime } from './business-time.js';
export {
  type CesAnswer,
  type CesOptions,
  type CesResult,
  type CesState,
  ces,
  cesAccumulator,
} from './ces.js';
export {
  type CsatAnswer,
  type CsatOptions,
  type CsatRating,
  type CsatResult,
  type CsatState,
  csat,
  csatAccumulator,
} from './csat.js';
export {
  type FirstReply,
  type FirstReplyDefinition,
  type FirstReplyOptions,
  firstReplyTime,
} from './first-reply.js';
export {
  type BacktestOptions,
  type BacktestResult,
  type BacktestScore,
  backtestForecast,
  detectSurge,
  type ForecastHoliday,
  type ForecastInterval,
  type ForecastMethod,
  type ForecastOptions,
  type ForecastPoint,
  forecastVolume,
  type HolidayEffect,
  type SeriesInput,
  type SeriesOptions,
  type SeriesPoint,
  type Surge,
  type SurgeOptions,
  type SurgePeriod,
  type SurgeReport,
  type VolumeForecast,
} from './forecast/index.js';
export { type HolidayRegion, holidaysFor } from './holidays.js';
export {
  type NpsAnswer,
  type NpsOptions,
  type NpsResult,
  type NpsState,
  nps,
  npsAccumulator,
} from './nps.js';
export type { Interval, Period } from './periods.js';
export { nextReplyTime, type ReplySpan, replyTimes } from './reply-times.js';
export { type Resolution, type ResolutionTimes, reopens, resolutionTimes } from './resolution.js';
export { type SlaStatusOptions, type SlaTargetStatus, slaStatus, slaTargetsFor } from './sla.js';
export {
  matchSlaPolicy,
  type SlaMatchTicket,
  type SlaPolicyMatch,
  type SlaPolicySelection,
  selectSlaPolicy,
} from './sla-match.js';
export {
  type AgentsForInput,
  type AgentsForResult,
  agentsFor,
  type ErlangInput,
  type ErlangResult,
  erlangC,
  type PlanInterval,
  type PlanPeriod,
  type StaffingPlan,
  type StaffingPlanOptions,
  staffingPlan,
} from './staffing/index.js';
export {
  type DistributionState,
  type DistributionSummary,
  distributionAccumulator,
  normalQuantile,
  quantileSorted,
  summarizeValues,
} from './stats.js';
export { type StatusDurationOptions, type StatusDurations, statusDurations } from './status-durations.js';
export {
  type SummaryInput,
  type SummaryOptions,
  type SummaryState,
  summarize,
  summaryAccumulator,
} from './summarize.js';
export { recordSummarizer, summarizeRecords } from './summarize-records.js';
export {
  type TagPair,
  type TagTrend,
  type TagTrendOptions,
  type TagTrendState,
  type TagTrends,
  tagTrends,
  tagTrendsAccumulator,
} from './tag-trends.js';
export {
  type DurationDistribution,
  type DurationState,
  firstReplyAccumulator,
  type ReopenSummary,
  reopensAccumulator,
  replyTimesAccumulator,
  resolutionAccumulator,
  type SlaSummary,
  slaAccumulator,
  statusDurationAccumulator,
} from './ticket-accumulators.js';
export type { Duration, TimeMetricOptions } from './timeline.js';
export {
  type VolumeOptions,
  type VolumePeriod,
  type VolumeState,
  volumes,
  volumesAccumulator,
} from './volumes.js';
