import { invalidArgument, ValidationError, type ValidationIssue } from '../../errors/validation.js';
import type { ArticleIndex } from './article-index.js';
import { indexState } from './article-index.js';
import { readSuggestOptions, type SuggestionQuery, type SuggestOptions, suggestArticles } from './suggest.js';

/**
 * A past ticket and the article that solved it.
 * @example `{ ticket: { subject: 'Pacco non arrivato', language: 'it' }, articleId: 'kb-it-tracking' }`
 */
export interface SuggestionCase {
  /** The ticket (or its text) as the customer wrote it. */
  ticket: SuggestionQuery;
  /** The id of the article that answered it. */
  articleId: string | number;
}

/** How one case fared. */
export interface SuggestionCaseResult {
  articleId: string;
  /** Where the right article came in the suggestions (1 = first), or null when it was not suggested. */
  rank: number | null;
  /** The score of the first suggestion, or null when nothing was suggested. */
  topScore: number | null;
}

/**
 * The quality of the suggestions on a set of cases. Shares are between 0 and 1, and null when there are no
 * cases (never NaN).
 * @example `{ cases: 200, hitAt1: 0.81, hitAt3: 0.93, mrr: 0.87, noSuggestion: 0.03, results: [...] }`
 */
export interface SuggestionEvaluation {
  cases: number;
  /** Share of cases whose first suggestion is the right article. */
  hitAt1: number | null;
  /** Share of cases with the right article among the first three suggestions. */
  hitAt3: number | null;
  /** Mean reciprocal rank: the mean of 1/rank of the right article, counting 0 when it is not suggested. */
  mrr: number | null;
  /** Share of cases that got no suggestion at all (the threshold said no). */
  noSuggestion: number | null;
  /** Each case, in input order. */
  results: SuggestionCaseResult[];
}

const FN = 'evaluateSuggestions';

function readCases(cases: unknown, index: ArticleIndex): { ticket: SuggestionQuery; articleId: string }[] {
  if (!Array.isArray(cases))
    throw invalidArgument(`${FN}()`, 'cases', 'expected an array of { ticket, articleId }');
  const state = indexState(index, FN);
  const issues: ValidationIssue[] = [];
  const out: { ticket: SuggestionQuery; articleId: string }[] = [];
  for (const [i, c] of cases.entries()) {
    const id = typeof c === 'object' && c !== null ? (c as SuggestionCase).articleId : undefined;
    const ticket = typeof c === 'object' && c !== null ? (c as SuggestionCase).ticket : undefined;
    if (
      typeof ticket !== 'string' &&
      (typeof ticket !== 'object' || ticket === null || Array.isArray(ticket))
    ) {
      issues.push({ path: [i, 'ticket'], code: 'invalid_type', message: 'expected a ticket or its text' });
    } else if (typeof id !== 'string' && typeof id !== 'number') {
      issues.push({ path: [i, 'articleId'], code: 'invalid_type', message: 'expected an article id' });
    } else if (!state.articles.has(String(id))) {
      issues.push({
        path: [i, 'articleId'],
        code: 'unknown_article',
        message: 'no indexed article has this id',
      });
    } else {
      out.push({ ticket: (c as SuggestionCase).ticket, articleId: String(id) });
    }
  }
  if (issues.length > 0) throw new ValidationError(`${FN}() cases`, issues);
  return out;
}

/**
 * Measures the suggestions on past tickets whose answering article is known: hit@1, hit@3, mean reciprocal rank
 * and the share of tickets left without a suggestion, with the same options as `suggestArticles` (`limit`
 * defaults to 10 here, so the mean reciprocal rank sees beyond the first three). Run it for a few `minScore`
 * values to choose the team's threshold: a higher one leaves more tickets without a suggestion and fewer with a
 * wrong one.
 *
 * @example
 * ```ts
 * import { createArticleIndex, evaluateSuggestions } from 'supportkit-ts';
 * const index = await createArticleIndex(articles);
 * for (const minScore of [0.1, 0.2, 0.3, 0.4]) {
 *   const { hitAt1, hitAt3, noSuggestion } = evaluateSuggestions(index, cases, { minScore });
 *   console.log(minScore, hitAt1, hitAt3, noSuggestion);
 * }
 * ```
 */
export function evaluateSuggestions(
  index: ArticleIndex,
  cases: readonly SuggestionCase[],
  options?: SuggestOptions,
): SuggestionEvaluation {
  const checked = readCases(cases, index);
  const suggestOptions = { ...options, limit: options?.limit ?? 10 };
  readSuggestOptions(suggestOptions, FN);
  const results: SuggestionCaseResult[] = [];
  let hit1 = 0;
  let hit3 = 0;
  let reciprocal = 0;
  let empty = 0;
  for (const c of checked) {
    const suggestions = suggestArticles(index, c.ticket, suggestOptions);
    const at = suggestions.findIndex((s) => s.article.id === c.articleId);
    const rank = at === -1 ? null : at + 1;
    if (rank === 1) hit1++;
    if (rank !== null && rank <= 3) hit3++;
    if (rank !== null) reciprocal += 1 / rank;
    if (suggestions.length === 0) empty++;
    results.push({ articleId: c.articleId, rank, topScore: suggestions[0]?.score ?? null });
  }
  const n = checked.length;
  const share = (x: number) => (n === 0 ? null : x / n);
  return {
    cases: n,
    hitAt1: share(hit1),
    hitAt3: share(hit3),
    mrr: share(reciprocal),
    noSuggestion: share(empty),
    results,
  };
}
