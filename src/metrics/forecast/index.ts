export {
  type BacktestOptions,
  type BacktestResult,
  type BacktestScore,
  backtestForecast,
} from './backtest.js';
export {
  type ForecastOptions,
  type ForecastPoint,
  forecastVolume,
  type VolumeForecast,
} from './forecast-volume.js';
export type { ForecastMethod } from './models.js';
export type {
  ForecastHoliday,
  ForecastInterval,
  HolidayEffect,
  SeriesInput,
  SeriesOptions,
  SeriesPoint,
} from './series.js';
export { detectSurge, type Surge, type SurgeOptions, type SurgePeriod, type SurgeReport } from './surge.js';
