/**
 * What a renderer draws from: the input of `renderReport` (report data, or the library's `MetricsReport` alone)
 * checked once and normalised, with the formatter of the locale and time zone asked for. A bare `MetricsReport`
 * has no histograms, surveys per period or arrivals: those sections are left out rather than shown empty.
 */
import { z } from 'zod';
import { invalidArgument, invalidOption } from '../errors/validation.js';
import { MetricsReport } from '../models/metrics-report.js';
import { parse } from '../models/parse.js';
import { isIanaTimeZone } from '../models/vocabulary.js';
import type { DurationHistogram, ReportData, ReportNames, ReportSection, SurveyPeriod } from './data.js';
import { type ReportFormatter, reportFormatter } from './format.js';
import { reportLocale } from './labels/index.js';

/**
 * The formats a report renders to.
 * @example `const format: ReportFormat = 'html';`
 */
export type ReportFormat = 'text' | 'json' | 'md' | 'html';
const FORMATS: readonly ReportFormat[] = ['text', 'json', 'md', 'html'];

/**
 * Options of `renderReport`.
 * @example `renderReport(summarize(dataset), { format: 'html', locale: 'it', timeZone: 'Europe/Rome', people: dataset })`
 */
export interface RenderReportOptions {
  /** @default 'text' */
  format?: ReportFormat;
  /**
   * The language of every label — `en`, `it`, `es`, `fr` or `de` — or a BCP 47 tag of one of them (`it-CH`),
   * which also picks the number and date formats. @default 'en'
   */
  locale?: string;
  /** The IANA time zone dates and times are written in. @default the report's own time zone */
  timeZone?: string;
  /**
   * Whose names the breakdowns show instead of ids: a Dataset, or any object with its `agents`, `groups` and
   * `organizations` (each `{ id, name }`). For a bare MetricsReport, which holds ids only; report data from a
   * folder carries its names already (these then win).
   */
  people?: {
    agents?: readonly { id: string; name: string }[];
    groups?: readonly { id: string; name: string }[];
    organizations?: readonly { id: string; name: string }[];
  };
}

/**
 * A report ready to draw.
 * @example `renderText(reportView(report, renderOptions({ locale: 'it' })))`
 */
export interface ReportView {
  source: string | null;
  window: { from: string | null; to: string | null };
  report: MetricsReport;
  firstReply: DurationHistogram | null;
  resolution: DurationHistogram | null;
  surveys: SurveyPeriod[] | null;
  arrivals: number[][] | null;
  sections: ReportSection[];
  names: ReportNames | undefined;
  /** False when the data holds no reply data (no messages): reply figures are then not measured. */
  replyData: boolean;
  fmt: ReportFormatter;
}

const count = z.int().nonnegative();
const Bucket = z.object({ label: z.string(), from: z.number(), to: z.number().nullable(), count });
const Histogram = z.object({ calendar: z.array(Bucket), business: z.array(Bucket).nullable() });
const Interval = z.tuple([z.number(), z.number()]).nullable();
const Survey = z.object({
  period: z.string(),
  csat: z.object({ score: z.number().nullable(), n: count, interval: Interval }),
  nps: z.object({ score: z.number().nullable(), n: count, interval: Interval }),
});
const Section = z.object({
  id: z.string(),
  title: z.string(),
  note: z.string().optional(),
  svg: z.string().optional(),
  table: z.object({
    header: z.array(z.string()),
    rows: z.array(z.array(z.string())),
    align: z.array(z.enum(['left', 'right'])).optional(),
  }),
});
const Data = z.object({
  source: z.string(),
  window: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  firstReply: Histogram,
  resolution: Histogram,
  surveys: z.array(Survey),
  arrivals: z.array(z.array(count).length(24)).length(7),
  sections: z.array(Section),
  seen: z.object({ tickets: count, messages: count, events: count }).optional(),
});

/** Names by id copied into null-prototype objects: ids come from data (`__proto__` is an id like any other). */
function namesOf(value: unknown): ReportNames | undefined {
  if (value === undefined) return undefined;
  const book = (v: unknown, dimension: string): Record<string, string> => {
    const out: Record<string, string> = Object.create(null);
    if (v === undefined) return out;
    if (typeof v !== 'object' || v === null)
      throw invalidArgument('renderReport()', `report.names.${dimension}`, 'expected names by id');
    for (const [id, name] of Object.entries(v))
      if (typeof name === 'string') out[id] = name;
      else throw invalidArgument('renderReport()', `report.names.${dimension}`, 'expected names by id');
    return out;
  };
  if (typeof value !== 'object' || value === null)
    throw invalidArgument('renderReport()', 'report.names', 'expected names by id');
  const names = value as Record<string, unknown>;
  return {
    agent: book(names.agent, 'agent'),
    group: book(names.group, 'group'),
    organization: book(names.organization, 'organization'),
  };
}

/**
 * The options, checked; a wrong one throws a ValidationError naming it.
 * @example `renderOptions({ format: 'md', locale: 'it-CH' }).locale // { language: 'it', tag: 'it-CH' }`
 */
export function renderOptions(options: unknown) {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw invalidArgument('renderReport()', 'options', 'expected { format, locale, timeZone }');
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o))
    if (!['format', 'locale', 'timeZone', 'people'].includes(key))
      throw invalidOption('renderReport', key, 'is not an option (format, locale, timeZone, people)');
  const format = o.format ?? 'text';
  if (!FORMATS.includes(format as ReportFormat))
    throw invalidOption('renderReport', 'format', `must be ${FORMATS.join(', ')}`);
  const locale = reportLocale(o.locale ?? 'en', 'renderReport');
  if (o.timeZone !== undefined && (typeof o.timeZone !== 'string' || !isIanaTimeZone(o.timeZone)))
    throw invalidOption('renderReport', 'timeZone', 'must be an IANA time zone such as Europe/Rome');
  return {
    format: format as ReportFormat,
    locale,
    timeZone: o.timeZone as string | undefined,
    people: o.people === undefined ? undefined : peopleNames(o.people),
  };
}

/** The names of the `people` option, by dimension; a list that is not one of `{ id, name }` is refused. */
function peopleNames(value: unknown): ReportNames {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalidOption('renderReport', 'people', 'expected a Dataset or { agents, groups, organizations }');
  const lists = value as Record<string, unknown>;
  const book = (key: 'agents' | 'groups' | 'organizations'): Record<string, string> => {
    const out: Record<string, string> = Object.create(null);
    const list = lists[key];
    if (list === undefined) return out;
    if (!Array.isArray(list)) throw invalidOption('renderReport', `people.${key}`, 'expected an array');
    list.forEach((item: unknown, index) => {
      const { id, name } = (item ?? {}) as { id?: unknown; name?: unknown };
      if (typeof id !== 'string' || typeof name !== 'string')
        throw invalidOption('renderReport', `people.${key}.${index}`, 'expected { id, name }');
      if (name !== '') out[id] = name;
    });
    return out;
  };
  return { agent: book('agents'), group: book('groups'), organization: book('organizations') };
}

/** Names from the data, and the caller's over them. */
function withPeople(
  names: ReportNames | undefined,
  people: ReportNames | undefined,
): ReportNames | undefined {
  if (!people) return names;
  return {
    agent: Object.assign(Object.create(null), names?.agent, people.agent),
    group: Object.assign(Object.create(null), names?.group, people.group),
    organization: Object.assign(Object.create(null), names?.organization, people.organization),
  };
}

/**
 * The last volume period is cut at `asOf`: periods that start at or after it go, and (for a bare MetricsReport,
 * whose volumes count everything they were given) the backlog of the period holding `asOf` is the backlog at
 * `asOf`, which is the report's `unresolved`.
 */
function volumesToDate(report: MetricsReport, bare: boolean): MetricsReport {
  const asOf = report.asOf.getTime();
  const volumes = report.volumes.filter((v) => v.start.getTime() < asOf);
  const last = volumes[volumes.length - 1];
  if (bare && last && last.end.getTime() > asOf)
    volumes[volumes.length - 1] = { ...last, backlog: report.tickets.unresolved };
  return { ...report, volumes };
}

/**
 * Checks and normalises renderReport's input: report data (from `reportCollector`, or its JSON) or a
 * `MetricsReport` (from `summarize`, or its JSON).
 * @example `reportView(summarize(dataset), renderOptions({})).replyData // true`
 */
export function reportView(input: unknown, options: ReturnType<typeof renderOptions>): ReportView {
  if (typeof input !== 'object' || input === null)
    throw invalidArgument('renderReport()', 'report', 'expected report data or a MetricsReport');
  const isData = 'report' in input && typeof (input as { report: unknown }).report === 'object';
  if (!isData) {
    const report = volumesToDate(parse(MetricsReport, input, 'renderReport() report'), true);
    return {
      source: null,
      window: { from: null, to: null },
      report,
      firstReply: null,
      resolution: null,
      surveys: null,
      arrivals: null,
      sections: [],
      names: withPeople(undefined, options.people),
      replyData: report.firstReply.replied > 0 || report.replyTimes.calendarMinutes.n > 0,
      fmt: reportFormatter(options.locale, options.timeZone ?? report.timeZone),
    };
  }
  const raw = input as ReportData;
  const report = volumesToDate(parse(MetricsReport, raw.report, 'renderReport() report.report'), false);
  const data = parse(Data, raw, 'renderReport() report');
  const replyData =
    data.seen === undefined
      ? report.firstReply.replied > 0 || report.replyTimes.calendarMinutes.n > 0
      : data.seen.messages > 0 || data.seen.tickets === 0;
  return {
    source: data.source,
    window: data.window,
    report,
    firstReply: data.firstReply,
    resolution: data.resolution,
    surveys: data.surveys,
    arrivals: data.arrivals,
    sections: data.sections,
    names: withPeople(namesOf(raw.names), options.people),
    replyData,
    fmt: reportFormatter(options.locale, options.timeZone ?? report.timeZone),
  };
}
