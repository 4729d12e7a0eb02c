import { IANAZone } from 'luxon';
import { fillPlaceholders, momentPhrase } from '../care/ack/moment.js';
import { SHORT_WORDS } from '../care/ack/short-words.js';
import { addMillis, compiledFor, minutesBetween } from '../metrics/business-layout.js';
import { type BusinessTimeOptions, flag, targetMinutes, yearsAround } from './business.js';
import { scheduleFrom } from './schedule-input.js';
import { fail, optionsOf } from './text.js';
import { describeInstant, timeZoneOption, whenMillis } from './when.js';
import { normalizeChannel, normalizePriority } from './words.js';

const FN = 'replyPromise';

/** Options of {@link replyPromise}: the ticket's fields as an automation receives them, the hours and the targets. */
export interface ReplyPromiseOptions extends BusinessTimeOptions {
  /** When the request arrived, in any form `parseWhen` reads. */
  createdAt: string | number;
  /** The ticket's priority in any word `normalizePriority` knows (`"Alta"`, `"P1"`…). */
  priority?: string;
  /** The channel in any word `normalizeChannel` knows (`"E-mail"`, `"WhatsApp"`…). */
  channel?: string;
  /**
   * The first-reply target: one duration for every ticket (`"4h"`, `240`), or targets by priority and/or channel
   * as text (`"urgent: 1h, high: 4h, normal: 8h, low: 16h"`, `"chat: 10m, default: 8h"`) or as an object.
   */
  sla: string | number | Record<string, string | number>;
  /** Count the target in opening hours (the default when `hours` or `schedule` is given) or calendar time. */
  businessHours?: boolean | string;
  /** The customer's language for the sentence: it, en, es, fr, de (with a region or not). @default 'en' */
  locale?: string;
  /** The customer's time zone, for the sentence. @default `timeZone` */
  customerTimeZone?: string;
  /** When the reply is written, for "today"/"tomorrow" (and a deadline already past). @default `createdAt` */
  asOf?: string | number;
}

/** The result of {@link replyPromise}: flat JSON. */
export interface ReplyPromiseResult {
  /** The promised reply time, ISO 8601 UTC. */
  by: string;
  /** The same instant in the team's time zone. */
  byLocal: string;
  /** The moment in the customer's words: `"domani alle 12:00"`, `"Monday, March 9 at 12:00 PM"`. */
  promise: string;
  /** The acknowledgement's short sentence with that moment (what a chat or SMS reply says). */
  sentence: string;
  /** The target that applied, in minutes. */
  targetMinutes: number;
  /** Business minutes from the arrival to the promise; null when no opening hours were given. */
  businessMinutes: number | null;
  /** Calendar minutes from the arrival to the promise. */
  calendarMinutes: number;
  /** Which target decided, in words a team lead reads. */
  rule: string;
  priority: string | null;
  channel: string | null;
  timeZone: string;
  locale: string;
}

/** The canonical word, or null when the normaliser does not know it. */
function known(normalize: (value: unknown) => { value: string }, word: string): string | null {
  try {
    return normalize(word).value;
  } catch {
    return null;
  }
}

const DEFAULT_KEYS = new Set(['default', 'all', 'any', '*', 'other', 'others', 'altro', 'altri', 'tutti']);

/** The targets as `[key, duration]` pairs: one unkeyed duration, `key: duration` text, or an object. */
function targetEntries(value: unknown): [string | null, unknown][] {
  if (typeof value === 'number') return [[null, value]];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return Object.entries(value);
  if (typeof value !== 'string' || value.trim() === '')
    throw fail(
      FN,
      'sla',
      'expected a target such as "4h", or targets like "urgent: 1h, high: 4h, normal: 8h"',
    );
  const text = value.trim();
  if (text.startsWith('{')) {
    try {
      return targetEntries(JSON.parse(text));
    } catch {
      throw fail(FN, 'sla', 'looks like JSON but does not parse');
    }
  }
  if (!text.includes(':')) return [[null, text]];
  return text
    .split(/[,;\n]+/)
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const colon = part.indexOf(':');
      if (colon < 0) throw fail(FN, 'sla', 'give every target as "key: duration" once one has a key');
      return [part.slice(0, colon).trim(), part.slice(colon + 1).trim()];
    });
}

/** Which entry applies: the priority's, then the channel's, then a default; unkeyed applies to all. */
function pickTarget(
  entries: [string | null, unknown][],
  priority: string | null,
  channel: string | null,
): { key: string | null; value: unknown; kind: 'priority' | 'channel' | 'default' } {
  const byPriority = new Map<string, unknown>();
  const byChannel = new Map<string, unknown>();
  let fallback: { key: string | null; value: unknown } | null = null;
  const seen = new Set<string>();
  for (const [key, value] of entries) {
    const canonical =
      key === null || DEFAULT_KEYS.has(key.toLowerCase())
        ? 'default'
        : (known(normalizePriority, key) ?? known(normalizeChannel, key));
    if (canonical !== null && seen.has(canonical))
      throw fail(FN, 'sla', `gives two targets for ${canonical}: keep one`);
    if (canonical !== null) seen.add(canonical);
    if (key === null || DEFAULT_KEYS.has(key.toLowerCase())) fallback = { key, value };
    else if (known(normalizePriority, key)) byPriority.set(known(normalizePriority, key)!, value);
    else if (known(normalizeChannel, key)) byChannel.set(known(normalizeChannel, key)!, value);
    else throw fail(FN, 'sla', 'has a key that is neither a priority, a channel nor "default"');
  }
  if (priority && byPriority.has(priority))
    return { key: priority, value: byPriority.get(priority), kind: 'priority' };
  if (channel && byChannel.has(channel))
    return { key: channel, value: byChannel.get(channel), kind: 'channel' };
  if (fallback) return { ...fallback, kind: 'default' };
  throw fail(
    FN,
    'sla',
    'has no target for this ticket\'s priority or channel: add one, or a "default: …" target',
  );
}

/** The sentence words of a built-in language. */
function wordsFor(locale: string) {
  const language = locale.split('-')[0]!.toLowerCase();
  const words = SHORT_WORDS.get(language);
  if (!words) throw fail(FN, 'locale', `expected one of ${[...SHORT_WORDS.keys()].join(', ')}`);
  return words;
}

/** An optional priority or channel word, canonical; an unknown word is an error naming the field. */
function wordOf(
  normalize: (value: unknown) => { value: string },
  value: unknown,
  field: string,
): string | null {
  if (value === undefined || value === null || value === '') return null;
  const word = typeof value === 'string' ? known(normalize, value) : null;
  if (word === null)
    throw fail(
      FN,
      field,
      `is not a ${field} word this knows (see normalize${field === 'priority' ? 'Priority' : 'Channel'})`,
    );
  return word;
}

/** The customer's zone for the sentence: the team's unless given, and then a real IANA name. */
function readerZoneOf(value: unknown, teamZone: string): string {
  if (value === undefined || value === null || value === '') return teamZone;
  if (typeof value !== 'string' || !IANAZone.isValidZone(value.trim()))
    throw fail(
      FN,
      'customerTimeZone',
      'is not an IANA time zone name, e.g. "Europe/Rome" or "America/New_York"',
    );
  return value.trim();
}

function localeOf(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'en';
  try {
    return Intl.getCanonicalLocales(String(value).trim())[0]!;
  } catch {
    throw fail(FN, 'locale', 'expected a language tag such as it or en-GB');
  }
}

/**
 * The reply time to promise a customer, from the team's first-reply target for the ticket's priority or channel,
 * counted in opening hours with the country's holidays — as ISO and as the sentence the acknowledgement uses, in
 * the customer's language and time zone. Loose string input, flat JSON output, for an automation step.
 *
 * @example
 * ```ts
 * import { replyPromise } from 'supportkit-ts/automations';
 * // Friday 17:00 in Rome, high priority = 4 business hours on Mon–Fri 9–18: 1 h on Friday, 3 h on Monday.
 * replyPromise({
 *   createdAt: '2026-03-06 17:00', priority: 'Alta', sla: 'urgent: 1h, high: 4h, normal: 8h',
 *   hours: 'lun-ven 9-18', timeZone: 'Europe/Rome', locale: 'it',
 * });
 * // { by: '2026-03-09T11:00:00.000Z', promise: 'lunedì 9 marzo alle 12:00',
 * //   sentence: 'Grazie, abbiamo ricevuto il tuo messaggio: ti risponderemo entro lunedì 9 marzo alle 12:00.', … }
 * ```
 */
export function replyPromise(options: ReplyPromiseOptions): ReplyPromiseResult {
  const opts = optionsOf(options, FN);
  const zone = timeZoneOption(opts, FN);
  const created = whenMillis(opts.createdAt, opts, FN, 'createdAt');
  const asOf =
    opts.asOf === undefined || opts.asOf === '' ? created : whenMillis(opts.asOf, opts, FN, 'asOf');
  const priority = wordOf(normalizePriority, opts.priority, 'priority');
  const channel = wordOf(normalizeChannel, opts.channel, 'channel');
  const locale = localeOf(opts.locale);
  const words = wordsFor(locale);
  const readerZone = readerZoneOf(opts.customerTimeZone, zone);
  const hasHours = Boolean(opts.hours || opts.schedule);
  const business = flag(opts.businessHours, hasHours, FN, 'businessHours');
  if (business && !hasHours) throw fail(FN, 'hours', 'give the opening hours (or businessHours: false)');
  const target = pickTarget(targetEntries(opts.sla), priority, channel);
  const minutes = targetMinutes(target.value, business, FN, 'sla');
  const compiled = hasHours
    ? compiledFor(scheduleFrom(opts, FN, yearsAround(created, zone, 1 + Math.ceil(minutes / 60 / 24 / 90))))
    : null;
  const deadlineFrom = (start: number) =>
    business && compiled ? addMillis(start, minutes, compiled) : start + Math.ceil(minutes * 60_000);
  let by = deadlineFrom(created);
  const late = by < asOf;
  if (late) by = deadlineFrom(asOf);
  const at = describeInstant(by, zone);
  const promise = momentPhrase(by, asOf, { locale, timeZone: readerZone, words, fill: fillPlaceholders });
  const which =
    target.kind === 'default' ? 'the default target' : `the target for ${target.kind} ${target.key}`;
  return {
    by: at.iso,
    byLocal: at.local,
    promise,
    sentence: fillPlaceholders(words.short, new Map([['promise', promise]])),
    targetMinutes: minutes,
    businessMinutes: compiled ? minutesBetween(created, by, compiled) : null,
    calendarMinutes: (by - created) / 60_000,
    rule: `${which}: ${minutes} ${business ? 'business' : 'calendar'} minutes from ${late ? 'now (the deadline from arrival had passed)' : 'arrival'}`,
    priority,
    channel,
    timeZone: zone,
    locale,
  };
}
