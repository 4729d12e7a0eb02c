import { describe, expect, it } from 'vitest';
import { Article, parse, Ticket, ValidationError } from '../../src/index.js';
import { generateHelpCentre } from '../../src/testing/index.js';

describe('generateHelpCentre', () => {
  it('is deterministic by seed, and another seed gives other tickets over the same articles', () => {
    const a = generateHelpCentre({ seed: 11 });
    expect(generateHelpCentre({ seed: 11 })).toEqual(a);
    const b = generateHelpCentre({ seed: 12 });
    expect(b.articles).toEqual(a.articles);
    expect(b.cases.map((c) => c.ticket.description)).not.toEqual(a.cases.map((c) => c.ticket.description));
  });

  it('writes valid articles in both languages and valid tickets whose answering article exists', () => {
    const { articles, cases } = generateHelpCentre({ seed: 5, cases: 120 });
    for (const a of articles) parse(Article, JSON.parse(JSON.stringify(a)));
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
    expect(articles.filter((a) => a.locale === 'it').length).toBeGreaterThanOrEqual(20);
    expect(articles.filter((a) => a.locale === 'en').length).toBeGreaterThanOrEqual(20);
    const byId = new Map(articles.map((a) => [a.id, a]));
    for (const c of cases) {
      parse(Ticket, JSON.parse(JSON.stringify(c.ticket)));
      const answer = byId.get(c.articleId);
      expect(answer?.locale).toBe(c.ticket.language);
      // A paraphrase, not the title copied.
      expect(c.ticket.description?.includes(answer?.title as string)).toBe(false);
    }
    expect(new Set(cases.map((c) => c.ticket.language))).toEqual(new Set(['it', 'en']));
  });

  it('keeps to the languages asked for and rejects bad options with a ValidationError', () => {
    const { articles, cases } = generateHelpCentre({ locales: ['it'], cases: 10 });
    expect(new Set(articles.map((a) => a.locale))).toEqual(new Set(['it']));
    expect(cases.every((c) => c.articleId.startsWith('kb-it-'))).toBe(true);
    expect(() => generateHelpCentre({ locales: ['fr' as never] })).toThrow(ValidationError);
    expect(() => generateHelpCentre({ cases: -1 })).toThrow(/cases/);
  });
});
