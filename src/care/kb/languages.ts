/**
 * What the analysis needs to know about one language: its Snowball stemmer, its stop words, and the elided
 * forms (`l'`, `dell'`, `qu'`) that are cut off a word before the apostrophe.
 *
 * @example
 * ```ts
 * import { createArticleIndex, type LanguagePack } from 'supportkit-ts';
 * const portuguese: LanguagePack = { stemmer: (word) => word.replace(/s$/, ''), stopWords: ['o', 'a', 'de'] };
 * await createArticleIndex(articles, { languages: { pt: portuguese } });
 * ```
 */
export interface LanguagePack {
  /** Reduces a lower-case word to its stem (`pacchi` → `pacc`). Absent: words are kept whole. */
  stemmer?: (word: string) => string;
  /** Words too common to say what a text is about. Compared lower-case, with and without accents. */
  stopWords?: readonly string[];
  /** Elided forms, lower-case, without the apostrophe (`l`, `dell`, `dov`): dropped before an apostrophe. */
  elisions?: readonly string[];
}

/**
 * Italian elided forms: articles and articulated prepositions (`l'ordine`, `dell'ordine`), demonstratives
 * (`quest'anno`), and the adverbs and pronouns that customers elide in questions (`dov'è`, `c'è`, `com'è`).
 */
// biome-ignore format: a word list reads better packed
const ITALIAN_ELISIONS = [
  'l', 'un', 'dell', 'all', 'dall', 'nell', 'sull', 'coll', 'pell', 'quest', 'quell', 'c', 'd', 'm', 't', 's',
  'v', 'n', 'dov', 'com', 'cos', 'anch', 'tutt', 'nessun', 'qualcun', 'ciascun', 'senz', 'mezz', 'tant', 'quand',
  'bell', 'buon', 'sant', 'gliel', 'ce', 'ne', 'se', 'me', 'te', 've',
];

/** French elided forms (`l'adresse`, `qu'il`, `jusqu'à`). */
const FRENCH_ELISIONS = ['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu'];

/**
 * Words that open and close support requests in every language and say nothing about the problem: left in,
 * they would make a polite ticket look less like the article that answers it.
 */
// biome-ignore format: word lists read better packed
const CHATTER: Readonly<Record<string, readonly string[]>> = {
  it: [
    'buongiorno', 'buonasera', 'salve', 'ciao', 'gentile', 'gentili', 'grazie', 'mille', 'cordiali', 'saluti',
    'distinti', 'saluto', 'per', 'favore', 'cortesia', 'cortesemente', 'vorrei', 'sapere', 'potete', 'potreste',
    'aiutarmi', 'aiuto', 'scusate', 'disturbo', 'attesa', 'riscontro', 'ancora', 'già', 'sempre', 'mai', 'oggi',
    'ieri', 'ok', 'problema', 'domanda', 'chiedo', 'scrivo', 'richiesta', 'informazioni', 'informazione',
    'urgente', 'anticipo', 'risposta', 'posso', 'puoi', 'può', 'possiamo', 'possono', 'potrei', 'potrebbe',
    'devo', 'deve', 'dobbiamo', 'dovete', 'devono', 'dovrei', 'voglio', 'vuole', 'vogliamo', 'volete', 'vorremmo',
  ],
  en: [
    'hello', 'hi', 'hey', 'dear', 'thanks', 'thank', 'regards', 'kind', 'best', 'please', 'help', 'could', 'would',
    'can', 'want', 'know', 'wondering', 'sorry', 'still', 'already', 'today', 'yesterday', 'ok', 'problem',
    'question', 'writing', 'team', 'support', 'hope', 'urgent', 'enquiry', 'inquiry', 'information', 'advance',
    'need', 'must', 'might', 'may', 'shall',
  ],
};

type Loader = () => Promise<{ stemmer: (word: string) => string; stopwords: string[] }>;
const both = async (
  stemmer: Promise<{ stemmer: (word: string) => string }>,
  stop: Promise<{ stopwords: string[] }>,
) => {
  const [s, w] = await Promise.all([stemmer, stop]);
  return { stemmer: s.stemmer, stopwords: w.stopwords };
};

/**
 * The built-in languages, loaded on first use: importing `supportkit-ts/care` does not load any stemmer, and an
 * index of Italian articles loads only Italian. The specifiers are literal so bundlers can split them.
 */
const LOADERS: Readonly<Record<string, Loader>> = {
  it: () => both(import('@orama/stemmers/italian'), import('@orama/stopwords/italian')),
  en: () => both(import('@orama/stemmers/english'), import('@orama/stopwords/english')),
  es: () => both(import('@orama/stemmers/spanish'), import('@orama/stopwords/spanish')),
  fr: () => both(import('@orama/stemmers/french'), import('@orama/stopwords/french')),
  de: () => both(import('@orama/stemmers/german'), import('@orama/stopwords/german')),
};
const ELISIONS: Readonly<Record<string, readonly string[]>> = { it: ITALIAN_ELISIONS, fr: FRENCH_ELISIONS };

/** The languages supportkit analyses out of the box (Snowball stemmers and stop words). */
export const BUILT_IN_LANGUAGES: readonly string[] = Object.keys(LOADERS);

const loaded = new Map<string, Promise<LanguagePack>>();

/** The built-in pack of a base language (`it`, `en`, …) with its support chatter, or undefined for another. */
export function loadBuiltInPack(language: string): Promise<LanguagePack> | undefined {
  if (!Object.hasOwn(LOADERS, language)) return undefined;
  let pack = loaded.get(language);
  if (pack === undefined) {
    pack = (LOADERS[language] as Loader)().then(({ stemmer, stopwords }) => ({
      stemmer,
      stopWords: [
        ...stopwords,
        ...(Object.hasOwn(CHATTER, language) ? (CHATTER[language] as readonly string[]) : []),
      ],
      elisions: Object.hasOwn(ELISIONS, language) ? (ELISIONS[language] as readonly string[]) : [],
    }));
    loaded.set(language, pack);
  }
  return pack;
}

/** The base language of a BCP 47 tag, lower-case: `it-IT` → `it`. */
export function baseLanguage(locale: string): string {
  return (locale.split(/[-_]/)[0] ?? locale).toLowerCase();
}
