import { fail, failAt, fold, listItems, scalarText } from './text.js';

/** Where an NPS answer falls: 9–10 promoter, 7–8 passive, 0–6 detractor. */
export type NpsCategory = 'promoter' | 'passive' | 'detractor';

/** The result of {@link npsCategory}. */
export interface NpsCategoryResult {
  score: number;
  category: NpsCategory;
}

/** A leading whole number, with an optional label after it: `"9"`, `"9 - very likely"`, `"10 (extremely)"`. */
const LEADING_NUMBER = /^(\d{1,2})(?:\s*(?:[-–—:.)(]|\s)\s*[^\d\s.,].*)?$/s;

/** What an NPS answer must look like, in the error an unreadable one gets. */
const NPS_EXPECTED = 'expected a whole number 0–10, e.g. "9" or "9 - very likely"';

/**
 * Reads one NPS answer as 0..10, or null when it is not one: the reader of {@link npsCategory}, which the
 * `supportkit nps` command shares so that a CSV cell reads as a Zap's field does.
 * @example `npsScore('3 - per niente'); // 3`
 */
export function npsScore(text: string): number | null {
  const match = LEADING_NUMBER.exec(text);
  if (!match) return null;
  const score = Number(match[1]);
  return score <= 10 ? score : null;
}

function categoryOf(score: number): NpsCategory {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/**
 * The NPS category of one answer: `"9"`, `9`, `"9 - very likely"` → promoter (9–10), passive (7–8) or
 * detractor (0–6).
 *
 * @example
 * ```ts
 * import { npsCategory } from 'supportkit-ts/automations';
 * npsCategory('9 - very likely'); // { score: 9, category: 'promoter' }
 * ```
 */
export function npsCategory(score: unknown): NpsCategoryResult {
  const text = scalarText(score, 'npsCategory', 'score');
  if (text === '') throw fail('npsCategory', 'score', 'is blank: expected a whole number 0–10');
  const value = npsScore(text);
  if (value === null) throw fail('npsCategory', 'score', NPS_EXPECTED);
  return { score: value, category: categoryOf(value) };
}

/** The result of {@link scoreNps}. */
export interface NpsScoreResult {
  /** %promoters − %detractors, −100..100, rounded to one decimal; null when there are no answers. */
  nps: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  /** Answers counted. */
  responses: number;
  /** Blank answers skipped. */
  blanks: number;
  /** 95% margin of error in NPS points (trinomial standard error, as `nps()` in supportkit-ts/metrics); null when empty. */
  marginOfError: number | null;
}

/**
 * The answers of a list (array, or one per line or comma), each read by `read`: blanks skipped and counted, an
 * answer `read` cannot understand an error naming its position and what was `expected`.
 */
function readAnswers<T>(
  answers: unknown,
  fn: string,
  read: (text: string) => T | null,
  expected: string,
): { values: T[]; blanks: number } {
  const values: T[] = [];
  let blanks = 0;
  listItems(answers, fn, 'answers').forEach((item, index) => {
    const text = scalarText(item, fn, 'answers');
    if (text === '') {
      blanks++;
      return;
    }
    const value = read(text);
    if (value === null) throw failAt(fn, 'answers', index, expected);
    values.push(value);
  });
  return { values, blanks };
}

/**
 * A CES answer 1–7 (`"6"`, `"6/7"`, `"6 - easy"`), or null: the reader of {@link scoreCes} and `supportkit ces`.
 * @example `cesScore('6 - abbastanza facile'); // 6`
 */
export function cesScore(text: string): number | null {
  const match = /^([1-7])(?:\s*\/\s*7)?(?:\s*(?:[-–—:.)(]|\s)\s*[^\d\s.,].*)?$/s.exec(text);
  return match ? Number(match[1]) : null;
}

/** Two-sided 95% critical value of the normal distribution. */
const Z95 = 1.959963984540054;

/**
 * The Net Promoter Score of one answer or a list of them: an array, or a string with one answer per line or
 * comma (a CSV column). Blank answers are skipped and counted; anything else that is not 0–10 is an error
 * naming its position.
 *
 * @example
 * ```ts
 * import { scoreNps } from 'supportkit-ts/automations';
 * scoreNps('10, 9, 8, , 3'); // { nps: 25, promoters: 2, passives: 1, detractors: 1, responses: 4, blanks: 1, … }
 * ```
 */
export function scoreNps(answers: unknown): NpsScoreResult {
  const { values, blanks } = readAnswers(answers, 'scoreNps', npsScore, NPS_EXPECTED);
  const counts = { promoters: 0, passives: 0, detractors: 0, blanks };
  for (const score of values) counts[`${categoryOf(score)}s` as 'promoters' | 'passives' | 'detractors']++;
  const responses = counts.promoters + counts.passives + counts.detractors;
  if (responses === 0) return { nps: null, ...counts, responses, marginOfError: null };
  const p = counts.promoters / responses;
  const d = counts.detractors / responses;
  const se = 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / responses);
  return { nps: round1(100 * (p - d)), ...counts, responses, marginOfError: round1(Z95 * se) };
}

/** Rounds to one decimal, keeping -0 out of the output. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10 + 0;
}

/** Words for a satisfied and an unsatisfied rating, folded (see `fold`), in English, Italian, Spanish, French and German. */
const CSAT_WORDS = new Map<string, boolean>([
  ...[
    'good',
    'great',
    'excellent',
    'satisfied',
    'very satisfied',
    'happy',
    'yes',
    'positive',
    'amazing',
    'awesome',
    'buono',
    'ottimo',
    'soddisfatto',
    'molto soddisfatto',
    'si',
    'bueno',
    'excelente',
    'satisfecho',
    'muy satisfecho',
    'bon',
    'bien',
    'tres bien',
    'excellent',
    'satisfait',
    'tres satisfait',
    'oui',
    'gut',
    'sehr gut',
    'zufrieden',
    'sehr zufrieden',
    'ja',
  ].map((word) => [word, true] as const),
  ...[
    'bad',
    'poor',
    'terrible',
    'awful',
    'unsatisfied',
    'dissatisfied',
    'very unsatisfied',
    'very dissatisfied',
    'no',
    'negative',
    'cattivo',
    'pessimo',
    'insoddisfatto',
    'scarso',
    'malo',
    'pesimo',
    'insatisfecho',
    'mauvais',
    'insatisfait',
    'tres mauvais',
    'non',
    'schlecht',
    'sehr schlecht',
    'unzufrieden',
    'nein',
  ].map((word) => [word, false] as const),
]);

/** Emoji ratings: faces and thumbs (satisfied or not), hearts as satisfied. */
const CSAT_EMOJI = new Map<string, boolean>([
  ['😀', true],
  ['😃', true],
  ['😄', true],
  ['😊', true],
  ['🙂', true],
  ['😍', true],
  ['👍', true],
  ['❤️', true],
  ['❤', true],
  ['😞', false],
  ['🙁', false],
  ['☹️', false],
  ['☹', false],
  ['😠', false],
  ['😡', false],
  ['👎', false],
  ['😢', false],
  ['😐', false],
  ['😕', false],
]);

/** Reads `"4"`, `"4/5"`, `"8 / 10"`, `"★★★★"` or `"⭐⭐⭐⭐"` as a fraction of the scale, with the scale. */
function ratingOf(text: string, scale: number): { value: number; of: number } | null {
  const stars = /^(?:[★⭐]\uFE0F?){1,5}$/u.test(text) ? [...text.replace(/\uFE0F/g, '')].length : 0;
  if (stars > 0) return { value: stars, of: 5 };
  const match = /^(\d{1,2})(?:\s*\/\s*(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const of = match[2] === undefined ? scale : Number(match[2]);
  const value = Number(match[1]);
  return of >= 2 && value >= 1 && value <= of ? { value, of } : null;
}

/**
 * Whether a CSAT answer given as a word or an emoji (`"Soddisfatto"`, `"bad"`, `"👍"`) is satisfied; undefined for
 * anything else (numbers and stars included). Shared with the CSV import.
 * @example `csatWordSatisfied('Molto soddisfatto') // true`
 */
export function csatWordSatisfied(text: string): boolean | undefined {
  return CSAT_EMOJI.get(text) ?? CSAT_WORDS.get(fold(text));
}

/**
 * One CSAT answer as `supportkit csat` counts it: a rating 1..5 (`"4"`, `"4/5"`, `"★★★★"`) as that number, so the
 * command's `--threshold` applies; a word or face (`"Soddisfatto"`, `"bad"`, `"👍"`) or a rating on another scale
 * (`"8/10"`, top fifth satisfied) as `good` or `bad`; null when it cannot be read.
 * @example `csatRating('Molto soddisfatto'); // 'good'`
 */
export function csatRating(text: string): 'good' | 'bad' | number | null {
  const word = csatWordSatisfied(text);
  if (word !== undefined) return word ? 'good' : 'bad';
  const rating = ratingOf(text, 5);
  if (rating && rating.of === 5) return rating.value;
  const good = satisfied(text);
  return good === null ? null : good ? 'good' : 'bad';
}

/** Whether one CSAT answer is satisfied, or null when it cannot be read. */
function satisfied(text: string): boolean | null {
  const word = csatWordSatisfied(text);
  if (word !== undefined) return word;
  const rating = ratingOf(text, 5);
  if (!rating) return null;
  // Top-2 box on a 1..5 scale (4 and 5), and the same top fifth on other scales (8–10 of 10).
  return rating.value >= Math.ceil((rating.of * 4) / 5);
}

/** The result of {@link scoreCsat}. */
export interface CsatScoreResult {
  /** Satisfied ÷ answers × 100, rounded to one decimal; null when there are no answers. */
  csat: number | null;
  satisfied: number;
  unsatisfied: number;
  responses: number;
  blanks: number;
}

/**
 * Customer satisfaction of one answer or a list: `"Good"`/`"bad"` (and the same words in Italian, Spanish, French
 * and German), `"5"` or `"4/5"` (top-2 box: 4 and 5 of 5 are satisfied; 8–10 of 10), stars `"★★★★"` and
 * face or thumb emoji. Blank answers are skipped and counted.
 *
 * @example
 * ```ts
 * import { scoreCsat } from 'supportkit-ts/automations';
 * scoreCsat(['Good', 'bad', '5', '4/5', '👎']); // { csat: 60, satisfied: 3, unsatisfied: 2, responses: 5, blanks: 0 }
 * ```
 */
export function scoreCsat(answers: unknown): CsatScoreResult {
  const { values, blanks } = readAnswers(
    answers,
    'scoreCsat',
    satisfied,
    'expected a rating: good/bad, 1–5, "4/5", stars or a face emoji',
  );
  const good = values.filter(Boolean).length;
  const counts = { satisfied: good, unsatisfied: values.length - good, blanks };
  const responses = counts.satisfied + counts.unsatisfied;
  return {
    csat: responses === 0 ? null : round1((100 * counts.satisfied) / responses),
    ...counts,
    responses,
  };
}

/** The result of {@link scoreCes}. */
export interface CesScoreResult {
  /** The mean answer on the 1..7 scale, rounded to two decimals; null when there are no answers. */
  ces: number | null;
  /** Share of answers 5–7 ("easy"), in percent to one decimal; null when there are no answers. */
  easyShare: number | null;
  responses: number;
  blanks: number;
}

/**
 * Customer Effort Score (CES 2.0: "the company made it easy to handle my issue", 1 = strongly disagree …
 * 7 = strongly agree) of one answer or a list: `"6"`, `"6/7"`, `"6 - agree"`. Blank answers are skipped and
 * counted.
 *
 * @example
 * ```ts
 * import { scoreCes } from 'supportkit-ts/automations';
 * scoreCes('7, 6, 2'); // { ces: 5, easyShare: 66.7, responses: 3, blanks: 0 }
 * ```
 */
export function scoreCes(answers: unknown): CesScoreResult {
  const { values, blanks } = readAnswers(
    answers,
    'scoreCes',
    cesScore,
    'expected a whole number 1–7, e.g. "6" or "6/7"',
  );
  const responses = values.length;
  const sum = values.reduce((a, b) => a + b, 0);
  const easy = values.filter((score) => score >= 5).length;
  if (responses === 0) return { ces: null, easyShare: null, responses, blanks };
  return {
    ces: Math.round((sum / responses) * 100) / 100,
    easyShare: round1((100 * easy) / responses),
    responses,
    blanks,
  };
}
