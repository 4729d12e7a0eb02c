import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { stemmer as italianStemmer } from '@orama/stemmers/italian';
import { stemmer as spanishStemmer } from '@orama/stemmers/spanish';
import { stopwords as englishStopWords } from '@orama/stopwords/english';
import { stopwords as frenchStopWords } from '@orama/stopwords/french';
import { stopwords as germanStopWords } from '@orama/stopwords/german';
import { stopwords as italianStopWords } from '@orama/stopwords/italian';
import { stopwords as spanishStopWords } from '@orama/stopwords/spanish';

/**
 * What the analysis needs to know about one language: its Snowball stemmer, its stop words, and the elided
 * forms (`l'`, `dell'`, `qu'`) that are cut off a word before the apostrophe.
 *
 * @example
 * ```ts
 * import { createArticleIndex, type LanguagePack } from 'supportkit';
 * const portuguese: LanguagePack = { stemmer: (word) => word.replace(/s$/, ''), stopWords: ['o', 'a', 'de'] };
 * createArticleIndex(articles, { languages: { pt: portuguese } });
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
    'ieri', 'ok', 'problema', 'domanda', 'chiedo', 'scrivo',
  ],
  en: [
    'hello', 'hi', 'hey', 'dear', 'thanks', 'thank', 'regards', 'kind', 'best', 'please', 'help', 'could', 'would',
    'can', 'want', 'know', 'wondering', 'sorry', 'still', 'already', 'today', 'yesterday', 'ok', 'problem',
    'question', 'writing', 'team', 'support', 'hope',
  ],
};

const BUILT_IN: Readonly<Record<string, LanguagePack>> = {
  it: { stemmer: italianStemmer, stopWords: italianStopWords, elisions: ITALIAN_ELISIONS },
  en: { stemmer: englishStemmer, stopWords: englishStopWords, elisions: [] },
  es: { stemmer: spanishStemmer, stopWords: spanishStopWords, elisions: [] },
  fr: { stemmer: frenchStemmer, stopWords: frenchStopWords, elisions: FRENCH_ELISIONS },
  de: { stemmer: germanStemmer, stopWords: germanStopWords, elisions: [] },
};

/** The languages supportkit analyses out of the box. */
export const BUILT_IN_LANGUAGES: readonly string[] = Object.keys(BUILT_IN);

/** The built-in pack of a base language (`it`, `en`, …), with its support chatter, or undefined. */
export function builtInPack(language: string): LanguagePack | undefined {
  if (!Object.hasOwn(BUILT_IN, language)) return undefined;
  const pack = BUILT_IN[language] as LanguagePack;
  const chatter = Object.hasOwn(CHATTER, language) ? (CHATTER[language] as readonly string[]) : [];
  return { ...pack, stopWords: [...(pack.stopWords ?? []), ...chatter] };
}

/** The base language of a BCP 47 tag, lower-case: `it-IT` → `it`. */
export function baseLanguage(locale: string): string {
  return (locale.split(/[-_]/)[0] ?? locale).toLowerCase();
}
