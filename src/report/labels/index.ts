/**
 * The report's words per language. A locale is one of {@link REPORT_LANGUAGES} or a BCP 47 tag of one of them
 * (`it-CH`, `en-GB`): the language picks the words, the whole tag the number and date formats (Intl).
 */
import { invalidOption } from '../../errors/validation.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import type { Counted, ReportLabels } from './types.js';

export type { BreakdownBy, Counted, ReportLabels } from './types.js';

/**
 * The languages a report is written in.
 * @example `REPORT_LANGUAGES.includes('it') // true`
 */
export const REPORT_LANGUAGES = ['en', 'it', 'es', 'fr', 'de'] as const;
/**
 * A language a report is written in.
 * @example `const language: ReportLanguage = 'it';`
 */
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

const TABLES = new Map<ReportLanguage, ReportLabels>([
  ['en', en],
  ['it', it],
  ['es', es],
  ['fr', fr],
  ['de', de],
]);

/**
 * A report locale read: its language (the words) and its canonical tag (Intl's numbers and dates).
 * @example `reportLocale('it-CH', 'renderReport') // { language: 'it', tag: 'it-CH' }`
 */
export function reportLocale(locale: unknown, fn: string): { language: ReportLanguage; tag: string } {
  let tag: string | undefined;
  try {
    tag = typeof locale === 'string' ? Intl.getCanonicalLocales(locale)[0] : undefined;
  } catch {
    tag = undefined;
  }
  const language = tag?.split('-')[0] as ReportLanguage | undefined;
  if (tag === undefined || language === undefined || !TABLES.has(language))
    throw invalidOption(
      fn,
      'locale',
      `must be ${REPORT_LANGUAGES.join(', ')} or a tag of one of them (it-IT)`,
    );
  return { language, tag };
}

/**
 * The report's words in a language.
 * @example `reportLabels('it').sections.speed // 'Tempi'`
 */
export function reportLabels(language: ReportLanguage): ReportLabels {
  return TABLES.get(language) ?? en;
}

/**
 * A template with its `{name}` placeholders replaced; a placeholder without a value stays as it is.
 * @example `fill('{n} tickets', { n: '3' }) // '3 tickets'`
 */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name]! : whole,
  );
}

const pluralRules = new Map<string, Intl.PluralRules>();
/**
 * A counted noun phrase in the form the language's plural rules pick for `n`, with `shown` (the formatted count).
 * @example `counted({ one: '{n} ticket', other: '{n} tickets' }, 2, '2', 'en') // '2 tickets'`
 */
export function counted(forms: Counted, n: number, shown: string, tag: string): string {
  let rules = pluralRules.get(tag);
  if (!rules) {
    rules = new Intl.PluralRules(tag);
    pluralRules.set(tag, rules);
  }
  return fill(rules.select(n) === 'one' ? forms.one : forms.other, { n: shown });
}
