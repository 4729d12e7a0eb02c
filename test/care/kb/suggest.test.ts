import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createArticleIndex, suggestArticles, ValidationError } from '../../../src/index.js';
import { generateHelpCentre } from '../../../src/testing/index.js';
import { article } from './fixtures.js';

// Two Italian articles. Query "pacchi e reso": terms pacc (A1 title) and res (A2 body); "e" is a stop word.
// N = 2 Italian articles, each term in one of them: idf = ln(1 + (2 − 1 + 0.5) / (1 + 0.5)) = ln 2 for both,
// so each term is half of the question. A1: pacc in the title (weight 1) → 0.5. A2: res only in the body
// (weight 0.6) → 0.6 × 0.5 = 0.3.
const tiny = async () =>
  createArticleIndex([
    article('A1', 'it', 'Tracciare il pacco', 'Segui la spedizione.', {
      labels: ['spedizioni'],
      sectionId: 's1',
    }),
    article('A2', 'it', 'Restituire un prodotto', 'Il reso è gratuito.', {
      labels: ['returns'],
      sectionId: 's2',
    }),
    article('E1', 'en', 'Track your parcel', 'Follow the shipment.', {
      labels: ['shipping'],
      sectionId: 's1',
    }),
  ]);

describe('suggestArticles score and threshold', () => {
  it('scores the share of the question covered, title counting fully and body 0.6 (hand-worked)', async () => {
    const got = suggestArticles(await tiny(), 'pacchi e reso', { locale: 'it', minScore: 0 });
    expect(got.map((s) => [s.article.id, s.score])).toEqual([
      ['A1', expect.closeTo(0.5, 12)],
      ['A2', expect.closeTo(0.3, 12)],
    ]);
    expect(got[0]?.matched).toEqual([
      { word: 'pacchi', term: 'pacc', fields: ['title'], weight: expect.closeTo(0.5, 12) },
    ]);
    expect(got[1]?.matched).toEqual([
      { word: 'reso', term: 'res', fields: ['body'], weight: expect.closeTo(0.3, 12) },
    ]);
  });

  it('leaves out what is below minScore, and gives no suggestion rather than a weak one', async () => {
    const index = await tiny();
    expect(
      suggestArticles(index, 'pacchi e reso', { locale: 'it', minScore: 0.3 }).map((s) => s.article.id),
    ).toEqual(['A1', 'A2']);
    expect(
      suggestArticles(index, 'pacchi e reso', { locale: 'it', minScore: 0.31 }).map((s) => s.article.id),
    ).toEqual(['A1']);
    expect(suggestArticles(index, 'pacchi e reso', { locale: 'it', minScore: 0.51 })).toEqual([]);
  });

  it('counts a word no article has like a rare one: it halves the score here', async () => {
    // "smarriti" is unknown: weighs ln 2 like pacc, so A1 covers half the question.
    const [first] = suggestArticles(await tiny(), 'pacchi smarriti', { locale: 'it', minScore: 0 });
    expect(first?.score).toBeCloseTo(0.5, 12);
  });

  it('gives nothing for a question of stop words only or an empty text', async () => {
    expect(suggestArticles(await tiny(), 'Buongiorno, grazie!', { minScore: 0 })).toEqual([]);
    expect(suggestArticles(await tiny(), '', { minScore: 0 })).toEqual([]);
  });
});

describe('suggestArticles language and filters', () => {
  it("answers in the ticket's language, and without one tries every language of the index", async () => {
    const index = await tiny();
    expect(
      suggestArticles(index, { subject: 'parcel', language: 'en-GB' }, { minScore: 0 }).map(
        (s) => s.article.id,
      ),
    ).toEqual(['E1']);
    expect(suggestArticles(index, 'parcel', { locale: 'it', minScore: 0 })).toEqual([]);
    expect(
      suggestArticles(index, 'parcel pacco', { minScore: 0 })
        .map((s) => s.article.id)
        .sort(),
    ).toEqual(['A1', 'E1']);
  });

  it('filters by label, section and locale', async () => {
    const index = await tiny();
    const ids = (filters: object) =>
      suggestArticles(index, 'pacco reso parcel', { minScore: 0, filters })
        .map((s) => s.article.id)
        .sort();
    expect(ids({ labels: ['returns'] })).toEqual(['A2']);
    expect(ids({ sections: ['s1'] })).toEqual(['A1', 'E1']);
    expect(ids({ locales: ['en'] })).toEqual(['E1']);
    expect(ids({ locales: ['it-CH'] })).toEqual([]);
    expect(ids({ labels: ['spedizioni', 'shipping'], locales: ['it'] })).toEqual(['A1']);
  });

  it('leaves drafts out unless asked', async () => {
    const articles = [article('D', 'en', 'Refunds', 'How refunds work.', { draft: true })];
    expect(suggestArticles(await createArticleIndex(articles), 'refund', { minScore: 0 })).toEqual([]);
    expect(
      suggestArticles(await createArticleIndex(articles, { includeDrafts: true }), 'refund', { minScore: 0 }),
    ).toHaveLength(1);
  });

  it('matches an English Porter stem by prefix at 0.7 of its weight (delivered → deliv, delivery → deliveri)', async () => {
    const index = await createArticleIndex([article('E', 'en', 'Delivery', '')]);
    const [first] = suggestArticles(index, 'delivered', { minScore: 0 });
    expect(first?.matched).toEqual([
      {
        word: 'delivered',
        term: 'deliv',
        articleTerm: 'deliveri',
        fields: ['title'],
        weight: expect.closeTo(0.7, 12),
      },
    ]);
  });
});

describe('createArticleIndex language packs', () => {
  it('uses a pack the caller passes for a language it does not know, and counts articles per language', async () => {
    // A toy Portuguese pack: plural -s removed, "o" and "meu" are stop words.
    const pt = { stemmer: (w: string) => w.replace(/s$/, ''), stopWords: ['o', 'meu'] };
    const articles = [
      article('P', 'pt-BR', 'Pacotes atrasados', ''),
      article('I', 'it', 'Pacchi in ritardo', ''),
    ];
    const index = await createArticleIndex(articles, { languages: { pt } });
    expect([...index.languages]).toEqual([
      ['pt', 1],
      ['it', 1],
    ]);
    const [first] = suggestArticles(index, 'o meu pacote', { locale: 'pt', minScore: 0 });
    expect(first?.article.id).toBe('P');
    expect(first?.matched.map((m) => m.term)).toEqual(['pacote']);
    expect(first?.score).toBe(1);
    // Without the pack, pt is only lower-cased: "meu" is no stop word and "pacote" meets "pacotes" only as a
    // prefix. Both weigh the same (one pt article, neither word in another): 0.7 × ½ = 0.35.
    const plain = await createArticleIndex(articles);
    const [weak] = suggestArticles(plain, 'o meu pacote', { locale: 'pt', minScore: 0 });
    expect(weak?.matched.map((m) => [m.term, m.articleTerm])).toEqual([['pacote', 'pacotes']]);
    expect(weak?.score).toBeCloseTo(0.35, 12);
  });
});

describe('createArticleIndex stemmer answers', () => {
  it.each([
    ['a number', () => 42],
    ['undefined', () => undefined],
    ['null', () => null],
    ['an object', () => ({ stem: 'x' })],
    ['a String object', (w: string) => new String(w)],
  ])('refuses a stemmer that returns %s, naming the option and not the word', async (_, stemmer) => {
    const articles = [article('P', 'pt-BR', 'Pacotes atrasados', '')];
    const error = await createArticleIndex(articles, {
      languages: { pt: { stemmer: stemmer as never } },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toEqual(['languages', 'pt', 'stemmer']);
    expect((error as ValidationError).message).toContain('must return a string');
    expect((error as ValidationError).message).not.toMatch(/pacot|atrasad/i);
  });

  it('refuses it when a question reaches it too (a stemmer that fails only on some words)', async () => {
    const stemmer = (w: string) => (w === 'urgente' ? (7 as unknown as string) : w);
    const index = await createArticleIndex([article('P', 'pt-BR', 'Pacotes atrasados', '')], {
      languages: { pt: { stemmer } },
    });
    expect(() => suggestArticles(index, 'pacotes urgente', { locale: 'pt' })).toThrow(ValidationError);
    expect(() => suggestArticles(index, 'pacotes urgente', { locale: 'pt' })).toThrow(/stemmer/);
  });
});

describe('suggestArticles input errors', () => {
  it('throws ValidationError naming the bad option or argument, never a TypeError', async () => {
    const index = await tiny();
    expect(() => suggestArticles(index, 'x', { minScore: 2 })).toThrow(ValidationError);
    expect(() => suggestArticles(index, 'x', { limit: 0 })).toThrow(/limit/);
    expect(() => suggestArticles(index, 'x', { locale: 'not a tag!' })).toThrow(/locale/);
    expect(() => suggestArticles(index, 'x', { filters: { labels: 'a' as never } })).toThrow(/filters/);
    expect(() => suggestArticles({} as never, 'x')).toThrow(/createArticleIndex/);
    expect(() => suggestArticles(index, 42 as never)).toThrow(ValidationError);
    await expect(createArticleIndex([{ id: 'x' }] as never)).rejects.toThrow(/\[0\]/);
    await expect(
      createArticleIndex([article('a', 'it', 'T', ''), article('a', 'it', 'U', '')]),
    ).rejects.toThrow(/same id/);
    await expect(createArticleIndex([], { fieldWeights: { title: 3 } })).rejects.toThrow(
      /fieldWeights.title/,
    );
  });
});

describe('suggestArticles properties', () => {
  const { articles } = generateHelpCentre({ seed: 3, cases: 0 });
  const built = createArticleIndex(articles);
  const vocabulary = articles.flatMap((a) => a.title.split(' '));

  it('scores lie in [minScore, 1], matched weights add up to the score, best first, at most limit', async () => {
    const index = await built;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.string()), { maxLength: 12 }),
        fc.integer({ min: 1, max: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (parts, limit, minScore) => {
          const got = suggestArticles(index, parts.join(' '), { limit, minScore });
          expect(got.length).toBeLessThanOrEqual(limit);
          for (const [i, s] of got.entries()) {
            expect(s.score).toBeGreaterThanOrEqual(minScore);
            expect(s.score).toBeLessThanOrEqual(1);
            expect(s.matched.reduce((sum, m) => sum + m.weight, 0)).toBeCloseTo(s.score, 9);
            if (i > 0) expect(s.score).toBeLessThanOrEqual(got[i - 1]?.score as number);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
