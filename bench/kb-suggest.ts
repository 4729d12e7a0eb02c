/**
 * Knowledge-base suggestions against MiniSearch used directly with its defaults (fields title and body, its
 * default tokenizer, no stemming, no stop words), in the same run:
 *   1. over N articles (default 5,000, built from the generated help centre with product variants and mixed
 *      sentences): index build time, index memory, and queries per second;
 *   2. on the generated evaluation set (the 60-article help centre and its paraphrasing tickets): hit@1, hit@3
 *      and MRR. The baseline gets the ticket's language as a filter too, so only the analysis differs.
 *
 *   npx tsx bench/kb-suggest.ts [articles=5000] [queries=2000]
 *   KB_BENCH_ARTICLES=20000 npx tsx bench/kb-suggest.ts
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import MiniSearch from 'minisearch';
import { type Article, createArticleIndex, evaluateSuggestions, suggestArticles } from '../src/index.js';
import { createRandom, generateHelpCentre, type HelpCentreCase } from '../src/testing/index.js';
import { machine, writeResult } from './lib/measure.js';

const size = Number(process.argv[2] ?? process.env.KB_BENCH_ARTICLES ?? 5000);
const queryCount = Number(process.argv[3] ?? process.env.KB_BENCH_QUERIES ?? 2000);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const PRODUCTS = {
  it: [
    'lavatrice',
    'frigorifero',
    'divano',
    'giacca',
    'scarpe',
    'tablet',
    'lampada',
    'zaino',
    'aspirapolvere',
  ],
  en: ['washing machine', 'fridge', 'sofa', 'jacket', 'trainers', 'tablet', 'lamp', 'backpack', 'vacuum'],
};

/** `size` articles: each a help-centre article for a product, with two sentences borrowed from others. */
function manyArticles(base: Article[]): Article[] {
  const random = createRandom(5000);
  const sentences = base.map((a) => a.body.split(/(?<=\.)\s+/));
  return Array.from({ length: size }, (_, i) => {
    const a = base[i % base.length] as Article;
    const locale = a.locale as 'it' | 'en';
    const same = base.filter((b) => b.locale === locale);
    const extra = [0, 1].map(() => random.pick(sentences[base.indexOf(random.pick(same))] as string[]));
    const product = random.pick(PRODUCTS[locale]);
    return { ...a, id: `${a.id}-${i}`, title: `${a.title}: ${product}`, body: [a.body, ...extra].join(' ') };
  });
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

/** Heap taken by what `build` returns (kept alive while measured). */
async function heapOf<T>(build: () => Promise<T> | T): Promise<{ value: T; mib: number }> {
  // Several collections: one full GC may leave weakly held entries of earlier builds for the next.
  for (let i = 0; i < 3; i++) gc();
  const before = process.memoryUsage().heapUsed;
  const value = await build();
  for (let i = 0; i < 3; i++) gc();
  return { value, mib: (process.memoryUsage().heapUsed - before) / 2 ** 20 };
}

const textOf = (c: HelpCentreCase) => `${c.ticket.subject}\n${c.ticket.description ?? ''}`;

function baseline(articles: Article[]) {
  const search = new MiniSearch<Article>({ fields: ['title', 'body'], storeFields: ['locale'] });
  search.addAll(articles);
  return search;
}

function baselineTop3(search: MiniSearch<Article>, c: HelpCentreCase): string[] {
  const language = c.ticket.language;
  return search
    .search(textOf(c), { filter: (r) => r.locale === language })
    .slice(0, 3)
    .map((r) => String(r.id));
}

// 1. Size and speed.
const { articles: helpArticles } = generateHelpCentre({ seed: 1, cases: 0 });
const articles = manyArticles(helpArticles);
const queries = generateHelpCentre({ seed: 99, cases: queryCount }).cases;
await createArticleIndex(helpArticles); // warm the analysers' code paths once for both, like a long-running app
baseline(helpArticles);

// This machine is shared, and its load drifts: each contender is timed in alternation, in rounds, and the
// figures are sums over the rounds, so a busy minute falls on both. Time and memory come from separate builds:
// the collections that measure memory must not count as build time.
const oursHeap = await heapOf(() => createArticleIndex(articles));
const theirsHeap = await heapOf(() => baseline(articles));
const ROUNDS = 3;
let oursBuildMs = 0;
let theirsBuildMs = 0;
for (let round = 0; round < ROUNDS; round++) {
  oursBuildMs += (await timed(() => createArticleIndex(articles))).ms;
  theirsBuildMs += (await timed(() => baseline(articles))).ms;
}
const ours = oursHeap.value;
const theirs = theirsHeap.value;
let oursQueryMs = 0;
let theirsQueryMs = 0;
const slice = Math.ceil(queries.length / 10);
for (let start = 0; start < queries.length; start += slice) {
  const batch = queries.slice(start, start + slice);
  oursQueryMs += (
    await timed(() => {
      for (const c of batch) suggestArticles(ours, c.ticket, { limit: 3 });
    })
  ).ms;
  theirsQueryMs += (
    await timed(() => {
      for (const c of batch) baselineTop3(theirs, c);
    })
  ).ms;
}

// 2. Quality on the evaluation set.
const evaluation = generateHelpCentre({ seed: 2026, cases: 1000 });
const small = await createArticleIndex(evaluation.articles);
const oursQuality = evaluateSuggestions(small, evaluation.cases, { minScore: 0 });
const oursDefault = evaluateSuggestions(small, evaluation.cases);
const smallBaseline = baseline(evaluation.articles);
let hit1 = 0;
let hit3 = 0;
let reciprocal = 0;
for (const c of evaluation.cases) {
  const top = smallBaseline
    .search(textOf(c), { filter: (r) => r.locale === c.ticket.language })
    .map((r) => String(r.id))
    .slice(0, 10);
  const at = top.indexOf(c.articleId);
  if (at === 0) hit1++;
  if (at >= 0 && at < 3) hit3++;
  if (at >= 0) reciprocal += 1 / (at + 1);
}
const n = evaluation.cases.length;
const theirsQuality = { hitAt1: hit1 / n, hitAt3: hit3 / n, mrr: reciprocal / n };

const qps = (ms: number) => (queries.length / ms) * 1000;
const round = (x: number, digits = 3) => Number(x.toFixed(digits));
const result = {
  machine: machine(),
  articles: size,
  queries: queries.length,
  build: {
    rounds: ROUNDS,
    oursMs: round(oursBuildMs / ROUNDS, 1),
    minisearchMs: round(theirsBuildMs / ROUNDS, 1),
    ratio: round(oursBuildMs / theirsBuildMs, 2),
  },
  heapMiB: {
    ours: round(oursHeap.mib, 1),
    minisearch: round(theirsHeap.mib, 1),
    ratio: round(oursHeap.mib / theirsHeap.mib, 2),
  },
  queriesPerSecond: {
    ours: Math.round(qps(oursQueryMs)),
    minisearch: Math.round(qps(theirsQueryMs)),
    ratio: round(qps(oursQueryMs) / qps(theirsQueryMs), 2),
  },
  evaluation: {
    articles: evaluation.articles.length,
    cases: n,
    ours: {
      hitAt1: round(oursQuality.hitAt1 ?? 0),
      hitAt3: round(oursQuality.hitAt3 ?? 0),
      mrr: round(oursQuality.mrr ?? 0),
    },
    oursDefaultThreshold: {
      hitAt1: round(oursDefault.hitAt1 ?? 0),
      hitAt3: round(oursDefault.hitAt3 ?? 0),
      noSuggestion: round(oursDefault.noSuggestion ?? 0),
    },
    minisearch: {
      hitAt1: round(theirsQuality.hitAt1),
      hitAt3: round(theirsQuality.hitAt3),
      mrr: round(theirsQuality.mrr),
    },
    hitAt3Ratio: round((oursQuality.hitAt3 ?? 0) / theirsQuality.hitAt3, 2),
  },
};
writeResult('kb-suggest', result);
console.log(JSON.stringify(result, null, 2));
