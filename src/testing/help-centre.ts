import { invalidArgument, invalidOption } from '../errors/validation.js';
import type { Article, Ticket } from '../models/index.js';
import { HELP_TOPICS, type HelpTopic, SECTION_NAMES } from './help-centre-content.js';
import { createRandom, mixSeed, type Random } from './random.js';

/** A language of the generated help centre. */
export type HelpCentreLocale = 'it' | 'en';

/**
 * Options of {@link generateHelpCentre}.
 * @example `generateHelpCentre({ seed: 7, cases: 100, locales: ['it'] })`
 */
export interface HelpCentreOptions {
  /** The same seed gives the same tickets on every machine. @default 1 */
  seed?: number;
  /** How many tickets to write. @default 240 */
  cases?: number;
  /** The languages of the articles and tickets. @default ['it', 'en'] */
  locales?: readonly HelpCentreLocale[];
  /** When the articles were written; the tickets follow, one an hour. @default '2026-01-05T09:00:00Z' */
  startDate?: string;
}

/** A ticket that paraphrases an article, and that article's id: a case for `evaluateSuggestions`. */
export interface HelpCentreCase {
  ticket: Ticket;
  articleId: string;
}

/** The generated help centre: its articles, and tickets whose answering article is known. */
export interface HelpCentre {
  articles: Article[];
  cases: HelpCentreCase[];
}

const FN = 'generateHelpCentre';
const HOUR = 3_600_000;

const WRAPPING: Readonly<
  Record<HelpCentreLocale, { subjects: string[]; greetings: string[]; details: string[]; closings: string[] }>
> = {
  it: {
    subjects: ['Richiesta informazioni', 'Aiuto', 'Problema con il mio ordine', 'Domanda', 'Urgente', ''],
    greetings: ['Buongiorno,', 'Salve,', 'Gentile assistenza,', 'Ciao,', ''],
    details: ['Ordine n. {n}.', "Il numero d'ordine è {n}.", 'Sono cliente da anni.', '', ''],
    closings: ['Grazie mille', 'Cordiali saluti, Giulia', 'Grazie in anticipo per la risposta', 'Saluti', ''],
  },
  en: {
    subjects: ['Question', 'Help please', 'Problem with my order', 'Enquiry', 'Urgent', ''],
    greetings: ['Hi,', 'Hello,', 'Dear support team,', 'Good morning,', ''],
    details: ['Order #{n}.', 'My order number is {n}.', 'I have been a customer for years.', '', ''],
    closings: ['Thanks a lot', 'Kind regards, Emma', 'Thank you in advance', 'Best', ''],
  },
};

function readOptions(options: unknown) {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options)))
    throw invalidArgument(`${FN}()`, 'options', 'expected an object');
  const o = (options ?? {}) as HelpCentreOptions;
  const seed = o.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw invalidOption(FN, 'seed', 'must be an integer');
  const cases = o.cases ?? 240;
  if (!Number.isSafeInteger(cases) || cases < 0)
    throw invalidOption(FN, 'cases', 'must be a non-negative integer');
  const locales = o.locales ?? ['it', 'en'];
  if (!Array.isArray(locales) || locales.length === 0 || !locales.every((l) => l === 'it' || l === 'en'))
    throw invalidOption(FN, 'locales', 'must be a non-empty list of "it" and "en"');
  const startDate = o.startDate ?? '2026-01-05T09:00:00Z';
  const start = typeof startDate === 'string' ? Date.parse(startDate) : Number.NaN;
  if (Number.isNaN(start)) throw invalidOption(FN, 'startDate', 'must be an ISO 8601 timestamp');
  return { seed, cases, locales: [...new Set(locales)] as HelpCentreLocale[], start };
}

/** The article of one topic in one language. */
function articleOf(topic: HelpTopic, locale: HelpCentreLocale, createdAt: Date): Article {
  const text = topic[locale];
  return {
    id: `kb-${locale}-${topic.key}`,
    title: text.title,
    body: text.body,
    locale,
    labels: [...topic.labels],
    sectionId: topic.section,
    sectionName: SECTION_NAMES[topic.section][locale],
    authorId: 'agent-1',
    draft: false,
    url: `https://help.example.com/${locale}/articles/${topic.key}`,
    createdAt,
    updatedAt: createdAt,
  };
}

/** One ticket: a customer's question wrapped as customers write it (greeting, order number, sign-off). */
function ticketOf(random: Random, i: number, topic: HelpTopic, locale: HelpCentreLocale, at: Date): Ticket {
  const wrap = WRAPPING[locale];
  const ask = random.pick(topic[locale].asks);
  const detail = random.pick(wrap.details).replace('{n}', String(random.int(10_000, 99_999)));
  const description = [random.pick(wrap.greetings), ask, detail, random.pick(wrap.closings)]
    .filter((part) => part !== '')
    .join('\n');
  return {
    id: `hc-${i + 1}`,
    subject: random.pick(wrap.subjects),
    description,
    status: 'new',
    priority: 'normal',
    channel: random.pick(['email', 'web', 'chat'] as const),
    requesterId: `hc-customer-${random.int(1, 500)}`,
    assigneeId: null,
    groupId: null,
    organizationId: null,
    tags: [],
    customFields: {},
    createdAt: at,
    updatedAt: at,
    solvedAt: null,
    dueAt: null,
    language: locale,
  };
}

/**
 * A small generated help centre — about 30 articles per language on orders, shipping and tracking, returns and
 * refunds, payments, account and warranty, in Italian and English — and tickets that paraphrase them, each with
 * the id of the article that answers it. The tickets word things differently from the articles (other
 * inflections, synonyms, greetings and order numbers around the question), so they test the language analysis
 * rather than copy the titles. Deterministic by seed; the articles are the same for every seed.
 *
 * @example
 * ```ts
 * import { createArticleIndex, evaluateSuggestions } from 'supportkit-ts';
 * import { generateHelpCentre } from 'supportkit-ts/testing';
 * const { articles, cases } = generateHelpCentre({ seed: 42 });
 * evaluateSuggestions(await createArticleIndex(articles), cases); // { hitAt1, hitAt3, mrr, noSuggestion, … }
 * ```
 */
export function generateHelpCentre(options?: HelpCentreOptions): HelpCentre {
  const { seed, cases, locales, start } = readOptions(options);
  const articles: Article[] = [];
  for (const locale of locales)
    for (const [i, topic] of HELP_TOPICS.entries())
      articles.push(articleOf(topic, locale, new Date(start - (i + 1) * 24 * HOUR)));
  const out: HelpCentreCase[] = [];
  for (let i = 0; i < cases; i++) {
    const random = createRandom(mixSeed(seed, i));
    const locale = random.pick(locales);
    const topic = random.pick(HELP_TOPICS);
    out.push({
      ticket: ticketOf(random, i, topic, locale, new Date(start + i * HOUR)),
      articleId: `kb-${locale}-${topic.key}`,
    });
  }
  return { articles, cases: out };
}
