import MiniSearch from 'minisearch';
import {
  invalidArgument,
  invalidOption,
  ValidationError,
  type ValidationIssue,
} from '../../errors/validation.js';
import { Article, type ArticleInput } from '../../models/article.js';
import { toValidationIssues } from '../../models/parse.js';
import { AnalyzerSet } from './analysis.js';
import type { LanguagePack } from './languages.js';

/** The fields of an article that are searched. */
export type ArticleField = 'title' | 'labels' | 'body';

/**
 * Options of {@link createArticleIndex}.
 * @example `await createArticleIndex(articles, { fieldWeights: { title: 1, labels: 0.8, body: 0.5 }, includeDrafts: false })`
 */
export interface ArticleIndexOptions {
  /**
   * How much a query word found in each field counts, between 0 and 1: a word in the title counts fully, the
   * same word only in the body counts 0.6 of it. This is the title boost, and it is part of the score, so a
   * threshold keeps its meaning (see `suggestArticles`).
   * @default { title: 1, labels: 0.8, body: 0.6 }
   */
  fieldWeights?: Partial<Record<ArticleField, number>>;
  /** Index drafts too (for an agent-facing search; customers should not be sent drafts). @default false */
  includeDrafts?: boolean;
  /**
   * Extra or replacement languages, by base language tag (`pt`, `nl`). Italian, English, Spanish, French and
   * German are built in (Snowball stemmers and stop words from `@orama/stemmers` and `@orama/stopwords`); any
   * other locale is lower-cased and accent-folded but not stemmed.
   */
  languages?: Readonly<Record<string, LanguagePack>>;
}

/** One indexed article, with what scoring needs. */
export interface IndexedArticle {
  readonly article: Article;
  readonly language: string;
}

/** What an index holds; kept off the public object so callers cannot put it in an inconsistent state. */
export interface IndexState {
  readonly search: MiniSearch<IndexedDocument>;
  readonly articles: Map<string, IndexedArticle>;
  readonly analyzers: AnalyzerSet;
  /** Per base language: how many articles contain each term (the idf of the score). */
  readonly documentFrequency: Map<string, Map<string, number>>;
  /** Per base language: how many articles are indexed. */
  readonly documentCount: Map<string, number>;
  readonly fieldWeights: Readonly<Record<ArticleField, number>>;
}

/** The document MiniSearch indexes: the fields already analysed, as space-separated terms. */
export interface IndexedDocument {
  id: string;
  title: string;
  labels: string;
  body: string;
}

/**
 * A knowledge-base index built by {@link createArticleIndex}; pass it to `suggestArticles` and
 * `evaluateSuggestions`.
 * @example `const index = await createArticleIndex(articles); index.size // 48`
 */
export interface ArticleIndex {
  /** How many articles are indexed (drafts excluded unless asked for). */
  readonly size: number;
  /** The base languages of the indexed articles with how many articles each has, e.g. `it → 24`. */
  readonly languages: ReadonlyMap<string, number>;
}

const FN = 'createArticleIndex';
const states = new WeakMap<ArticleIndex, IndexState>();
const FIELDS: readonly ArticleField[] = ['title', 'labels', 'body'];
const DEFAULT_WEIGHTS: Readonly<Record<ArticleField, number>> = { title: 1, labels: 0.8, body: 0.6 };

/** The state behind an index, or a clear error when `index` is not one. */
export function indexState(index: unknown, fn: string): IndexState {
  const state = typeof index === 'object' && index !== null ? states.get(index as ArticleIndex) : undefined;
  if (state === undefined)
    throw invalidArgument(`${fn}()`, 'index', 'expected an index from createArticleIndex()');
  return state;
}

function readOptions(options: unknown) {
  if (options === undefined) return { fieldWeights: DEFAULT_WEIGHTS, includeDrafts: false, languages: {} };
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw invalidArgument(`${FN}()`, 'options', 'expected an object');
  const o = options as ArticleIndexOptions;
  const fieldWeights = { ...DEFAULT_WEIGHTS };
  if (o.fieldWeights !== undefined) {
    if (typeof o.fieldWeights !== 'object' || o.fieldWeights === null)
      throw invalidOption(FN, 'fieldWeights', 'expected an object of weights between 0 and 1');
    for (const field of FIELDS) {
      const weight = o.fieldWeights[field];
      if (weight === undefined) continue;
      if (typeof weight !== 'number' || !(weight > 0 && weight <= 1))
        throw invalidOption(FN, `fieldWeights.${field}`, 'must be a number greater than 0 and at most 1');
      fieldWeights[field] = weight;
    }
  }
  if (o.includeDrafts !== undefined && typeof o.includeDrafts !== 'boolean')
    throw invalidOption(FN, 'includeDrafts', 'must be a boolean');
  const languages = o.languages ?? {};
  if (typeof languages !== 'object' || languages === null)
    throw invalidOption(FN, 'languages', 'expected an object');
  for (const [tag, pack] of Object.entries(languages)) {
    if (typeof pack !== 'object' || pack === null)
      throw invalidOption(FN, `languages.${tag}`, 'expected an object');
    if (pack.stemmer !== undefined && typeof pack.stemmer !== 'function')
      throw invalidOption(FN, `languages.${tag}.stemmer`, 'must be a function');
    for (const list of ['stopWords', 'elisions'] as const) {
      const words = pack[list];
      if (words !== undefined && (!Array.isArray(words) || !words.every((w) => typeof w === 'string')))
        throw invalidOption(FN, `languages.${tag}.${list}`, 'must be an array of strings');
    }
  }
  const lowered: Record<string, LanguagePack> = Object.create(null);
  for (const [tag, pack] of Object.entries(languages)) lowered[tag.toLowerCase()] = pack;
  return { fieldWeights, includeDrafts: o.includeDrafts ?? false, languages: lowered };
}

/** Every article validated against the model; all problems reported at once, with their index. */
function parseArticles(articles: unknown): Article[] {
  if (!Array.isArray(articles)) throw invalidArgument(`${FN}()`, 'articles', 'expected an array of articles');
  const parsed: Article[] = [];
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const [i, input] of articles.entries()) {
    const result = Article.safeParse(input);
    if (!result.success) {
      issues.push(...toValidationIssues(result.error.issues, [i]));
      continue;
    }
    if (seen.has(result.data.id)) {
      issues.push({ path: [i, 'id'], code: 'duplicate', message: 'another article has the same id' });
      continue;
    }
    seen.add(result.data.id);
    parsed.push(result.data);
  }
  if (issues.length > 0) throw new ValidationError(`${FN}() articles`, issues);
  return parsed;
}

/**
 * Indexes knowledge-base articles for `suggestArticles`. Asynchronous because each language's stemmer and stop
 * words are loaded the first time an index needs them (so importing `supportkit-ts/care` loads none). Each article
 * is analysed in its own language (`locale`): words are lower-cased, elided forms cut (`l'ordine` → `ordine`, typographic apostrophes too), stop
 * words dropped, words reduced to their Snowball stem (`pacchi` and `pacco` → `pacc`) and accents folded. Title,
 * labels and body are searched, the title counting most. Drafts are left out unless `includeDrafts`.
 *
 * Articles are validated against the `Article` model; invalid ones or duplicate ids throw a `ValidationError`
 * listing each problem by position, without the articles' text.
 *
 * @example
 * ```ts
 * import { createArticleIndex, suggestArticles } from 'supportkit-ts';
 * const index = await createArticleIndex(articles);
 * suggestArticles(index, "Dov'è il mio pacco?", { locale: 'it' });
 * ```
 */
export async function createArticleIndex(
  articles: readonly ArticleInput[] | readonly Article[],
  options?: ArticleIndexOptions,
): Promise<ArticleIndex> {
  const { fieldWeights, includeDrafts, languages } = readOptions(options);
  const parsed = parseArticles(articles).filter((a) => includeDrafts || !a.draft);
  const analyzers = new AnalyzerSet(languages);
  await analyzers.load(parsed.map((a) => a.locale));
  const boost = {
    title: fieldWeights.title / fieldWeights.body,
    labels: fieldWeights.labels / fieldWeights.body,
  };
  const search = new MiniSearch<IndexedDocument>({
    fields: [...FIELDS],
    tokenize: (text) => (text === '' ? [] : text.split(' ')),
    processTerm: (term) => term,
    searchOptions: { boost, combineWith: 'OR', tokenize: (t) => t.split(' '), processTerm: (t) => t },
  });
  const state: IndexState = {
    search,
    articles: new Map(),
    analyzers,
    documentFrequency: new Map(),
    documentCount: new Map(),
    fieldWeights,
  };
  const documents: IndexedDocument[] = [];
  for (const article of parsed) {
    const analyzer = analyzers.for(article.locale);
    const document = {
      id: article.id,
      title: analyzer.terms(article.title),
      labels: analyzer.terms(article.labels.join(' ').replace(/[-_]/g, ' ')),
      body: analyzer.terms(article.body),
    };
    documents.push(document);
    state.articles.set(article.id, { article, language: analyzer.language });
    count(state, analyzer.language, document);
  }
  search.addAll(documents);
  const index: ArticleIndex = { size: state.articles.size, languages: state.documentCount };
  states.set(index, state);
  return index;
}

/** Adds one article's distinct terms to the document frequencies of its language. */
function count(state: IndexState, language: string, document: IndexedDocument): void {
  state.documentCount.set(language, (state.documentCount.get(language) ?? 0) + 1);
  let frequencies = state.documentFrequency.get(language);
  if (frequencies === undefined) {
    frequencies = new Map();
    state.documentFrequency.set(language, frequencies);
  }
  const terms = new Set(`${document.title} ${document.labels} ${document.body}`.split(' '));
  for (const term of terms) if (term !== '') frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
}
