import type { SearchResult } from 'minisearch';
import { invalidArgument, invalidOption } from '../../errors/validation.js';
import type { Article } from '../../models/article.js';
import { LanguageTag } from '../../models/primitives.js';
import {
  type ArticleField,
  type ArticleIndex,
  type IndexedArticle,
  type IndexState,
  indexState,
} from './article-index.js';
import { baseLanguage } from './languages.js';

/**
 * Narrows the articles that may be suggested. Each list, when given, must match: an article passes `labels`
 * when it has at least one of them, `sections` when its section id or name is listed, `locales` when its
 * locale is listed (`it` covers `it-IT` and `it-CH`; `it-CH` only itself).
 * @example `{ labels: ['shipping'], sections: ['orders'], locales: ['it'] }`
 */
export interface SuggestionFilters {
  labels?: readonly string[];
  sections?: readonly string[];
  locales?: readonly string[];
}

/**
 * Options of {@link suggestArticles}.
 * @example `suggestArticles(index, ticket, { limit: 3, locale: 'it', minScore: 0.3, filters: { sections: ['orders'] } })`
 */
export interface SuggestOptions {
  /** At most this many suggestions, best first. @default 3 */
  limit?: number;
  /**
   * The language of the question. It chooses the analysis (stemmer, stop words) and only articles in that
   * language are suggested. Default: the ticket's `language`; for plain text, or a ticket without one, every
   * language of the index is tried and the best articles of any language are returned.
   */
  locale?: string;
  /**
   * The least score a suggestion needs, between 0 and 1: below it, no suggestion rather than a wrong one.
   * Tune it on your own tickets with `evaluateSuggestions`.
   * @default 0.2
   */
  minScore?: number;
  /** Which articles may be suggested. */
  filters?: SuggestionFilters;
}

/** One word of the question found in a suggested article, and what it added to the score. */
export interface MatchedTerm {
  /** The word as the customer wrote it, lower-case (`pacchi`). */
  word: string;
  /** The index term both sides were reduced to (`pacc`). */
  term: string;
  /** The article's term when it only starts with `term` (`deliveri` for `deliv`); such a match counts 0.7. */
  articleTerm?: string;
  /** The article fields that contain it. */
  fields: ArticleField[];
  /** Its share of the score: the matched terms' weights add up to the score. */
  weight: number;
}

/** An article that may answer the question. */
export interface ArticleSuggestion {
  article: Article;
  /** Between 0 and 1 (see {@link suggestArticles}); higher is a better match. */
  score: number;
  /** Which words of the question matched which fields, most weighty first. */
  matched: MatchedTerm[];
}

/** A ticket (its subject and description are searched, its `language` chooses the analysis) or plain text. */
export type SuggestionQuery = string | { subject?: string; description?: string; language?: string };

const FN = 'suggestArticles';
/** The default threshold; chosen on the generated help centre (see docs/knowledge-base.md). */
export const DEFAULT_MIN_SCORE = 0.2;
/** Shortest question term that also matches longer article terms starting with it. */
const MIN_PREFIX = 5;
/** What a prefix match counts, against a whole-term match. */
const PREFIX_FACTOR = 0.7;

interface Query {
  text: string;
  locale: string | undefined;
}

function readQuery(query: unknown): Query {
  if (typeof query === 'string') return { text: query, locale: undefined };
  if (typeof query !== 'object' || query === null || Array.isArray(query))
    throw invalidArgument(`${FN}()`, 'ticketOrText', 'expected text or a ticket with a subject');
  const { subject, description, language } = query as Record<string, unknown>;
  for (const [name, value] of [
    ['subject', subject],
    ['description', description],
    ['language', language],
  ]) {
    if (value !== undefined && value !== null && typeof value !== 'string')
      throw invalidArgument(`${FN}()`, `ticketOrText.${name}`, 'expected a string');
  }
  const text = [subject, description].filter((part) => typeof part === 'string').join('\n');
  return { text, locale: typeof language === 'string' ? language : undefined };
}

function readStrings(value: unknown, option: string): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw invalidOption(FN, option, 'must be an array of strings');
  return value;
}

/** Validated options; exported for `evaluateSuggestions`, which passes its own through. */
export function readSuggestOptions(options: unknown, fn = FN) {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options)))
    throw invalidArgument(`${fn}()`, 'options', 'expected an object');
  const o = (options ?? {}) as SuggestOptions;
  const limit = o.limit ?? 3;
  if (!Number.isInteger(limit) || limit < 1) throw invalidOption(fn, 'limit', 'must be a positive integer');
  const minScore = o.minScore ?? DEFAULT_MIN_SCORE;
  if (typeof minScore !== 'number' || !(minScore >= 0 && minScore <= 1))
    throw invalidOption(fn, 'minScore', 'must be a number from 0 to 1');
  if (o.locale !== undefined && !LanguageTag.safeParse(o.locale).success)
    throw invalidOption(fn, 'locale', 'must be a BCP 47 language tag such as "it" or "en-GB"');
  const f = o.filters ?? {};
  if (typeof f !== 'object' || f === null || Array.isArray(f))
    throw invalidOption(fn, 'filters', 'expected an object');
  const filters = {
    labels: readStrings(f.labels, 'filters.labels'),
    sections: readStrings(f.sections, 'filters.sections'),
    locales: readStrings(f.locales, 'filters.locales')?.map((l) => l.toLowerCase()),
  };
  return { limit, minScore, locale: o.locale, filters };
}

type ReadOptions = ReturnType<typeof readSuggestOptions>;

function passes(entry: IndexedArticle, filters: ReadOptions['filters']): boolean {
  const { article } = entry;
  if (filters.labels && !filters.labels.some((label) => article.labels.includes(label))) return false;
  if (filters.sections) {
    const { sectionId, sectionName } = article;
    if (!filters.sections.some((s) => s === sectionId || s === sectionName)) return false;
  }
  if (filters.locales) {
    const locale = article.locale.toLowerCase();
    const base = baseLanguage(locale);
    if (!filters.locales.some((l) => l === locale || l === base)) return false;
  }
  return true;
}

/**
 * The question's term that matched an article term: the same term, or the longest question term of at least
 * {@link MIN_PREFIX} letters that starts it (English Porter stems `delivered` to `deliv` but `delivery` to
 * `deliveri`; a prefix match joins them, at {@link PREFIX_FACTOR} of the weight).
 */
function queryTermOf(articleTerm: string, words: ReadonlyMap<string, string>): string | undefined {
  if (words.has(articleTerm)) return articleTerm;
  let found: string | undefined;
  for (const term of words.keys())
    if (term.length >= MIN_PREFIX && articleTerm.startsWith(term) && term.length > (found?.length ?? 0))
      found = term;
  return found;
}

/** BM25's inverse document frequency; a word no article has counts as one that a single article has. */
function idf(state: IndexState, language: string, term: string): number {
  const n = state.documentCount.get(language) ?? 0;
  const df = Math.max(1, state.documentFrequency.get(language)?.get(term) ?? 0);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

interface Scored extends ArticleSuggestion {
  rank: number;
}

/** The suggestions among the articles of one language. */
function searchLanguage(state: IndexState, language: string, text: string, options: ReadOptions): Scored[] {
  const words = new Map<string, string>();
  for (const { term, word } of state.analyzers.for(language).analyse(text))
    if (!words.has(term)) words.set(term, word);
  if (words.size === 0) return [];
  const weights = new Map<string, number>();
  let total = 0;
  for (const term of words.keys()) {
    const weight = idf(state, language, term);
    weights.set(term, weight);
    total += weight;
  }
  const accept = (result: SearchResult) => {
    const entry = state.articles.get(result.id as string);
    return entry !== undefined && entry.language === language && passes(entry, options.filters);
  };
  const out: Scored[] = [];
  const prefix = (term: string) => term.length >= MIN_PREFIX;
  for (const result of state.search.search([...words.keys()].join(' '), { filter: accept, prefix })) {
    const best = new Map<string, MatchedTerm>();
    for (const [articleTerm, fields] of Object.entries(result.match)) {
      const term = queryTermOf(articleTerm, words);
      if (term === undefined) continue;
      const fieldList = fields as ArticleField[];
      const field = Math.max(...fieldList.map((f) => state.fieldWeights[f]));
      const factor = term === articleTerm ? 1 : PREFIX_FACTOR;
      const weight = ((weights.get(term) ?? 0) * field * factor) / total;
      if ((best.get(term)?.weight ?? -1) >= weight) continue;
      const match: MatchedTerm = { word: words.get(term) ?? term, term, fields: fieldList, weight };
      if (term !== articleTerm) match.articleTerm = articleTerm;
      best.set(term, match);
    }
    const matched = [...best.values()];
    matched.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
    // Rounded to 12 decimals so that 0.1 + 0.2 meets a threshold of 0.3 as it should.
    const score = Math.min(1, Math.round(matched.reduce((sum, m) => sum + m.weight, 0) * 1e12) / 1e12);
    if (score < options.minScore) continue;
    const article = (state.articles.get(result.id as string) as IndexedArticle).article;
    out.push({ article, score, matched, rank: result.score });
  }
  return out;
}

/**
 * Suggests the knowledge-base articles that may answer a ticket or a question, best first.
 *
 * The question is analysed like the articles (elision, stop words, stemming, accents) in its language. The
 * **score** is the share of the question's information that the article covers: each distinct word of the
 * question weighs its inverse document frequency (rare words weigh more; a word no article has weighs like one
 * that a single article has), a word found in the title counts fully and one found only in the body 0.6 of it
 * (`fieldWeights`), and the score is the covered weight over the question's whole weight. It lies between 0 and
 * 1 and does not depend on the other results, so one `minScore` means the same thing for every question:
 * articles below it are not suggested, and an empty list is the answer when nothing is close enough. Ties are
 * broken by MiniSearch's BM25 rank, then by id.
 *
 * @example
 * ```ts
 * import { createArticleIndex, suggestArticles } from 'supportkit-ts';
 * const index = await createArticleIndex(articles);
 * for (const s of suggestArticles(index, ticket, { limit: 3, minScore: 0.3 })) {
 *   console.log(s.article.title, s.score.toFixed(2), s.matched.map((m) => `${m.word}→${m.fields.join('+')}`));
 * }
 * ```
 */
export function suggestArticles(
  index: ArticleIndex,
  ticketOrText: SuggestionQuery,
  options?: SuggestOptions,
): ArticleSuggestion[] {
  const state = indexState(index, FN);
  const query = readQuery(ticketOrText);
  const read = readSuggestOptions(options);
  const locale = read.locale ?? query.locale;
  const languages = locale === undefined ? [...state.documentCount.keys()] : [baseLanguage(locale)];
  const found = languages.flatMap((language) =>
    state.documentCount.has(language) ? searchLanguage(state, language, query.text, read) : [],
  );
  found.sort(
    (a, b) =>
      b.score - a.score ||
      b.rank - a.rank ||
      (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0),
  );
  return found.slice(0, read.limit).map(({ article, score, matched }) => ({ article, score, matched }));
}
