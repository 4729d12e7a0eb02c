import { invalidOption, truncateKey } from '../../errors/validation.js';
import { baseLanguage, type LanguagePack, loadBuiltInPack } from './languages.js';

/** One analysed word: the index term it became and the word as written. */
export interface AnalysedTerm {
  /** The stem with accents folded (`pacchi` → `pacc`). */
  term: string;
  /** The word as it appeared, lower-case (`pacchi`). */
  word: string;
}

/** Turns text of one language into index terms. */
export interface Analyzer {
  /** The base language (`it`); analysed without stemmer and stop words when no pack is known for it. */
  readonly language: string;
  analyse(text: string): AnalysedTerm[];
  /** The terms only, space-separated: the indexing path, without an object per word. */
  terms(text: string): string;
}

/** Apostrophes customers and editors type: ASCII, typographic (’ ‘), modifier letter (ʼ), prime, grave, acute. */
const APOSTROPHES = /[\u2018\u2019\u02BC\u2032\u0060\u00B4]/g;
/** Words: letters and digits, with apostrophes inside (`l'ordine`, `don't`) kept for the elision step. */
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
const MARKS = /\p{M}+/gu;

/**
 * Removes diacritics (`è` → `e`, `ü` → `u`). Applied after stemming, so the stemmer still sees the accents its
 * rules rely on, and to stop-word lookups, so `perche` typed without an accent is still a stop word.
 */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/** Calls `push` with each word of `text`, lower-case, with elided forms cut off and English possessives dropped. */
function eachWord(
  text: string,
  elisions: ReadonlySet<string>,
  language: string,
  push: (word: string) => void,
): void {
  const normalised = text.normalize('NFC').toLowerCase().replace(APOSTROPHES, "'");
  for (const match of normalised.matchAll(WORD)) {
    const word = match[0];
    if (!word.includes("'")) {
      push(word);
      continue;
    }
    const parts = word.split("'");
    if (language === 'en') {
      // "customer's" → "customer"; "don't" stays one word (the stop-word list holds it).
      push(parts.length === 2 && parts[1] === 's' ? (parts[0] as string) : word);
      continue;
    }
    // Romance elision: "dell'ordine" → "ordine", "dov'è" → "è"; other apostrophes just separate words.
    for (const [i, part] of parts.entries()) if (i === parts.length - 1 || !elisions.has(part)) push(part);
  }
}

/** Builds the analyser of one language from its pack (without one: lower-casing and folding only). */
export function createAnalyzer(language: string, pack: LanguagePack | undefined): Analyzer {
  const stopWords = new Set<string>();
  for (const word of pack?.stopWords ?? []) {
    const lower = word.toLowerCase();
    stopWords.add(lower);
    stopWords.add(foldAccents(lower));
  }
  const elisions = new Set((pack?.elisions ?? []).map((e) => e.toLowerCase()));
  const stemmer = pack?.stemmer;
  // A caller's stemmer is code we did not write: one that returns a number, undefined or an object would crash
  // the accent folding with a TypeError, or index a wrong term. Its answer is checked, and the error names the
  // option (never the word: it is customer or article text).
  const stem = (word: string): string => {
    if (stemmer === undefined) return word;
    const out: unknown = stemmer(word);
    if (typeof out !== 'string')
      throw invalidOption(
        'createArticleIndex',
        `languages.${truncateKey(language)}.stemmer`,
        'must return a string (the stem of the word it is given)',
      );
    return out;
  };
  // word → its term, or null for a word that is dropped; the same words recur across articles and questions.
  const cache = new Map<string, string | null>();
  const termOf = (word: string): string | null => {
    if (stopWords.has(word)) return null;
    const folded = foldAccents(word);
    if (stopWords.has(folded)) return null;
    const term = /^\p{N}+$/u.test(word) ? word : foldAccents(stem(word));
    // One letter says nothing once elision and stop words are gone (a stray "e", a list marker "a)").
    return term.length < 2 && !/^\p{N}$/u.test(term) ? null : term;
  };
  const cached = (word: string): string | null => {
    let term = cache.get(word);
    if (term === undefined) {
      term = termOf(word);
      if (cache.size < 100_000) cache.set(word, term);
    }
    return term;
  };
  return {
    language,
    analyse(text) {
      const out: AnalysedTerm[] = [];
      eachWord(text, elisions, language, (word) => {
        const term = cached(word);
        if (term !== null) out.push({ term, word });
      });
      return out;
    },
    terms(text) {
      let out = '';
      eachWord(text, elisions, language, (word) => {
        const term = cached(word);
        if (term !== null) out = out === '' ? term : `${out} ${term}`;
      });
      return out;
    },
  };
}

/**
 * The analysers of an index, one per base language. {@link AnalyzerSet.load} loads the built-in packs it needs
 * first; a language never loaded is analysed without stemmer and stop words.
 */
export class AnalyzerSet {
  readonly #custom: Readonly<Record<string, LanguagePack>>;
  readonly #packs = new Map<string, LanguagePack | undefined>();
  readonly #built = new Map<string, Analyzer>();

  constructor(custom: Readonly<Record<string, LanguagePack>>) {
    this.#custom = custom;
  }

  /** Loads the packs of these locales' base languages (the caller's own, else the built-in ones). */
  async load(locales: Iterable<string>): Promise<void> {
    for (const language of new Set([...locales].map(baseLanguage))) {
      if (this.#packs.has(language)) continue;
      const custom = Object.hasOwn(this.#custom, language) ? this.#custom[language] : undefined;
      this.#packs.set(language, custom ?? (await loadBuiltInPack(language)));
    }
  }

  /** The analyser for a locale (`it-IT` uses `it`). */
  for(locale: string): Analyzer {
    const language = baseLanguage(locale);
    let analyzer = this.#built.get(language);
    if (analyzer === undefined) {
      analyzer = createAnalyzer(language, this.#packs.get(language));
      this.#built.set(language, analyzer);
    }
    return analyzer;
  }
}
