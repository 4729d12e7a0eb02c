import { describe, expect, it } from 'vitest';
import { createArticleIndex, evaluateSuggestions, ValidationError } from '../../../src/index.js';
import { article } from './fixtures.js';

// Three English articles. Terms and document frequencies (N = 3):
//   track: E1 (title "Track", body "tracking")       df 1 → idf ln(1 + 2.5/1.5) = ln 2.667 = 0.981
//   order: E1 title                                   df 1 → 0.981
//   refund: E2 title + body; bank: E2 body            df 1 → 0.981 each
//   courier: E1 body, E3 body                         df 2 → ln(1 + 1.5/2.5) = ln 1.6 = 0.470
const index = async () =>
  createArticleIndex([
    article('E1', 'en', 'Track your order', 'Tracking number and courier.'),
    article('E2', 'en', 'Refund times', 'The refund reaches your bank.'),
    article('E3', 'en', 'Return a product', 'Print the label for the courier.'),
  ]);

describe('evaluateSuggestions', () => {
  it('computes hit@1, hit@3, MRR and the no-suggestion share (hand-worked)', async () => {
    const cases = [
      // track + order, both in E1's title: E1 scores 1 → rank 1.
      { ticket: 'track my order', articleId: 'E1' },
      // E1: track (title, 0.981) + courier (body, 0.6 × 0.470 = 0.282) over 1.451 = 0.87; E3: 0.282 / 1.451 = 0.19
      // → E3 is second.
      { ticket: { subject: 'courier tracking', language: 'en' }, articleId: 'E3' },
      // Only chatter: no term, no suggestion.
      { ticket: 'Hello, thanks!', articleId: 'E2' },
      // total = 3 × 0.981 + 0.470 = 3.413. E2: refund (title 0.981) + bank (body 0.589) = 0.46;
      // E1: track 0.981 + courier 0.282 = 0.37; E3: courier 0.282 = 0.08 → E3 is third.
      { ticket: 'tracking refund bank courier', articleId: 'E3' },
    ];
    const result = evaluateSuggestions(await index(), cases, { minScore: 0 });
    expect(result.results.map((r) => r.rank)).toEqual([1, 2, null, 3]);
    expect(result.cases).toBe(4);
    expect(result.hitAt1).toBe(1 / 4);
    expect(result.hitAt3).toBe(3 / 4);
    // (1 + 1/2 + 0 + 1/3) / 4 = 11/24
    expect(result.mrr).toBeCloseTo(11 / 24, 12);
    expect(result.noSuggestion).toBe(1 / 4);
    expect(result.results[0]?.topScore).toBeCloseTo(1, 12);
    expect(result.results[2]?.topScore).toBeNull();
  });

  it('the threshold trades suggestions for silence: at 0.2 the weak E3 matches are dropped', async () => {
    const cases = [
      { ticket: 'courier tracking', articleId: 'E3' },
      { ticket: 'tracking refund bank courier', articleId: 'E3' },
    ];
    const result = evaluateSuggestions(await index(), cases, { minScore: 0.2 });
    expect(result.results.map((r) => r.rank)).toEqual([null, null]);
    expect(result.hitAt3).toBe(0);
    expect(result.noSuggestion).toBe(0);
  });

  it('gives null figures, not NaN, for no cases', async () => {
    expect(evaluateSuggestions(await index(), [])).toEqual({
      cases: 0,
      hitAt1: null,
      hitAt3: null,
      mrr: null,
      noSuggestion: null,
      results: [],
    });
  });

  it('reports cases whose article is not in the index, by position', async () => {
    const built = await index();
    const run = () =>
      evaluateSuggestions(built, [
        { ticket: 'x', articleId: 'E1' },
        { ticket: 'y', articleId: 'nope' },
      ]);
    expect(run).toThrow(ValidationError);
    expect(run).toThrow(/\[1\]\.articleId: no indexed article/);
    expect(() => evaluateSuggestions(built, [{ ticket: 7 as never, articleId: 'E1' }])).toThrow(
      /\[0\]\.ticket: expected/,
    );
  });
});
