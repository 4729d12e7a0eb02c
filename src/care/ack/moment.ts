/**
 * A promised moment written for the customer — "oggi alle 12:30", "tomorrow at 9:00 AM", "lunedì 28 dicembre alle
 * 12:30" — shared by the acknowledgement and the automation helper `replyPromise`. Intl and Luxon only (no models),
 * so the light `supportkit-ts/automations` import can use it.
 */
import { DateTime } from 'luxon';
import { formatDay, formatTime } from './format.js';

/** The three moment sentences of a template; `{time}` and `{date}` are filled in. */
export interface MomentWords {
  momentToday: string;
  momentTomorrow: string;
  momentLater: string;
}

/** How {@link momentPhrase} writes: the Intl locale, the reader's zone, the words and how a template is filled. */
export interface MomentStyle {
  locale: string;
  timeZone: string;
  words: MomentWords;
  /** Fills `{time}` and `{date}` into a template (the acknowledgement's own filler checks custom placeholders). */
  fill: (template: string, values: ReadonlyMap<string, string>) => string;
}

/**
 * A moment as a template words it: today, tomorrow, or a weekday and date (with the year when not `now`'s), in
 * the reader's time zone; one o'clock made singular in Italian ("all'1:30") and Spanish ("a la 1:30").
 * @example `momentPhrase(at, now, { locale: 'it', timeZone: 'Europe/Rome', words, fill }); // 'domani alle 9:00'`
 */
export function momentPhrase(at: number, now: number, style: MomentStyle): string {
  const day = (ms: number) => DateTime.fromMillis(ms, { zone: style.timeZone }).startOf('day');
  const diff = Math.round(day(at).diff(day(now), 'days').days);
  const withYear = day(at).year !== day(now).year;
  const template =
    diff === 0 ? style.words.momentToday : diff === 1 ? style.words.momentTomorrow : style.words.momentLater;
  const out = style.fill(
    template,
    new Map([
      ['time', formatTime(at, style.locale, style.timeZone)],
      ['date', formatDay(at, style.locale, style.timeZone, withYear)],
    ]),
  );
  const language = style.locale.split('-')[0]!.toLowerCase();
  if (language === 'it') return out.replace(/\balle 1([:.])/g, "all'1$1");
  if (language === 'es') return out.replace(/\ba las 1([:.])/g, 'a la 1$1');
  return out;
}

/**
 * Fills `{name}` placeholders from a map, leaving unknown ones as they are (for built-in templates).
 * @example `fillPlaceholders('at {time}', new Map([['time', '9:00']])); // 'at 9:00'`
 */
export function fillPlaceholders(template: string, values: ReadonlyMap<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values.get(name) ?? whole);
}
