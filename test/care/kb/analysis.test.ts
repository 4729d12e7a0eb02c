import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../../src/care/kb/analysis.js';
import { loadBuiltInPack } from '../../../src/care/kb/languages.js';
import { createArticleIndex, suggestArticles } from '../../../src/index.js';
import { article } from './fixtures.js';

const italian = createAnalyzer('it', await loadBuiltInPack('it'));
const english = createAnalyzer('en', await loadBuiltInPack('en'));
const words = (text: string) => italian.analyse(text).map((t) => t.word);
const terms = (text: string) => italian.analyse(text).map((t) => t.term);

describe('Italian elision', () => {
  it("cuts the article and the elided adverb off (l'ordine, dov'è)", () => {
    expect(words("Dov'è l'ordine?")).toEqual(['ordine']);
  });

  it('treats typographic and modifier apostrophes like the ASCII one', () => {
    for (const apostrophe of ['\u2019', '\u2018', '\u02BC', '`']) {
      expect(words(`dell${apostrophe}ordine e all${apostrophe}indirizzo`)).toEqual(['ordine', 'indirizzo']);
    }
  });

  it("keeps a word whose part before the apostrophe is not an elided form (po')", () => {
    // "po'" is a truncation, not an elision: the apostrophe ends the word, and "po" stays.
    expect(words("aspetto un po' e quest'anno")).toEqual(['aspetto', 'po', 'anno']);
  });
});

describe('analysis properties', () => {
  const word = fc.constantFrom(
    "l'ordine",
    "dov'è",
    'pacchi',
    'Rimborsi',
    'città',
    "dell'indirizzo",
    'spedizione',
    '42',
  );
  const text = fc
    .array(fc.oneof(word, fc.string({ maxLength: 8 })), { maxLength: 10 })
    .map((w) => w.join(' '));

  it('a typographic apostrophe or upper case never changes the terms', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(terms(t.replaceAll("'", '\u2019'))).toEqual(terms(t));
        expect(terms(t.toUpperCase())).toEqual(terms(t));
      }),
    );
  });

  it('terms carry no accent, apostrophe or space', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const term of terms(t)) {
          expect(term.normalize('NFD')).not.toMatch(/\p{M}/u);
          expect(term).not.toMatch(/[\s'\u2019]/u);
        }
      }),
    );
  });
});

describe('Italian stemming', () => {
  // The four pairs issue #13 names; each must reduce to one term.
  it.each([
    ['pacchi', 'pacco'],
    ['restituzione', 'restituire'],
    ['rimborso', 'rimborsi'],
    ['tracciamento', 'tracciare'],
  ])('%s and %s meet', (a, b) => {
    expect(terms(a)).toHaveLength(1);
    expect(terms(a)).toEqual(terms(b));
  });

  it.each([
    ['pacchi', 'Dove trovo il mio pacco'],
    ['restituire', 'Restituzione di un prodotto'],
    ['rimborsi', 'Tempi del rimborso'],
    ['tracciare', 'Il tracciamento della spedizione'],
  ])('a question with "%s" finds the article "%s"', async (word, title) => {
    const index = await createArticleIndex([
      article('a', 'it', title, ''),
      article('b', 'it', 'Metodi di pagamento', 'Carte e bonifico.'),
    ]);
    const [first] = suggestArticles(index, `vorrei ${word}`, { locale: 'it', minScore: 0 });
    expect(first?.article.id).toBe('a');
    expect(first?.matched.map((m) => m.word)).toEqual([word]);
  });
});

describe('stop words and accents', () => {
  it('drops stop words and the support chatter of Italian tickets', () => {
    expect(words('Buongiorno, il mio pacco non è arrivato. Grazie mille')).toEqual(['pacco', 'arrivato']);
  });

  it('folds accents after stemming, so città and citta meet, and perche is a stop word like perché', () => {
    expect(terms('città')).toEqual(terms('citta'));
    expect(words('perché perche')).toEqual([]);
  });

  it('English: possessives dropped, contractions are stop words, Porter stems', () => {
    expect(english.analyse("The customer's parcels weren't shipped").map((t) => t.term)).toEqual([
      'custom',
      'parcel',
      'ship',
    ]);
  });

  it('an unknown language is lower-cased and folded but not stemmed', () => {
    const dutch = createAnalyzer('nl', undefined);
    expect(dutch.analyse('Pakketten BEZORGD').map((t) => t.term)).toEqual(['pakketten', 'bezorgd']);
  });
});
