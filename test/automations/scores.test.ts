import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { npsCategory, scoreCes, scoreCsat, scoreNps } from '../../src/automations/index.js';
import { nps } from '../../src/metrics/index.js';

describe('npsCategory', () => {
  it.each([
    ['9', 9, 'promoter'],
    [10, 10, 'promoter'],
    ['9 - very likely', 9, 'promoter'],
    [' 8 ', 8, 'passive'],
    ['7: likely', 7, 'passive'],
    ['0 (not at all)', 0, 'detractor'],
    ['6', 6, 'detractor'],
  ])('%j → %i, %s', (input, score, category) => {
    expect(npsCategory(input)).toEqual({ score, category });
  });

  it.each([
    ['', 'is blank: expected a whole number 0–10'],
    ['11', 'expected a whole number 0–10'],
    ['9.5', 'expected a whole number 0–10'],
    ['very likely', 'expected a whole number 0–10'],
  ])('%j fails: %s', (input, message) => {
    expect(() => npsCategory(input)).toThrow(message);
    expect(() => npsCategory(input)).toThrow('Validation failed for npsCategory() score');
  });
});

describe('scoreNps', () => {
  it('reads a CSV column with blanks: 10, 9 promoters; 8 passive; 3 detractor; one blank', () => {
    // (2 − 1) / 4 = 25 points; margin 1.96 · 100 · √((0.5 + 0.25 − 0.25²)/4) = 81.26 → 81.3
    expect(scoreNps('10, 9, 8, , 3')).toEqual({
      nps: 25,
      promoters: 2,
      passives: 1,
      detractors: 1,
      responses: 4,
      blanks: 1,
      marginOfError: 81.3,
    });
  });

  it('reads arrays, one answer per line, labels and numbers alike', () => {
    expect(scoreNps(['9 - very likely', 10, null, ''])).toMatchObject({ nps: 100, responses: 2, blanks: 2 });
    expect(scoreNps('6\n7\r\n8')).toMatchObject({ nps: -33.3, detractors: 1, passives: 2 });
    expect(scoreNps(9)).toMatchObject({ nps: 100, responses: 1 });
  });

  it('gives nulls, not 0, when every answer is blank', () => {
    expect(scoreNps(' , ,')).toEqual({
      nps: null,
      promoters: 0,
      passives: 0,
      detractors: 0,
      responses: 0,
      blanks: 3,
      marginOfError: null,
    });
  });

  it('names the position of an answer it cannot read, never the answer', () => {
    expect(() => scoreNps('9, secret-answer, 3')).toThrow(
      /scoreNps\(\) answers[\s\S]*\[1\]: expected a whole number 0–10/,
    );
    expect(() => scoreNps('9, secret-answer, 3')).not.toThrow(/secret/);
    expect(() => scoreNps({ a: 1 })).toThrow('expected a list');
  });

  it('agrees with nps() in supportkit-ts/metrics on any list of scores', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 60 }), (scores) => {
        const loose = scoreNps(scores.map(String).join(','));
        const strict = nps(scores);
        expect(loose.nps).toBe(Math.round(strict.score! * 10) / 10 + 0);
        expect(loose.marginOfError).toBe(Math.round(strict.marginOfError! * 10) / 10 + 0);
        expect(loose.promoters).toBe(strict.promoters);
      }),
    );
  });
});

describe('scoreCsat', () => {
  it.each([
    ['Good', true],
    ['bad', false],
    ['GOOD', true],
    ['Soddisfatto', true],
    ['Très bien', true],
    ['schlecht', false],
    ['5', true],
    ['4', true],
    ['3', false],
    ['4/5', true],
    ['3 / 5', false],
    ['8/10', true],
    ['7/10', false],
    ['★★★★', true],
    ['⭐⭐', false],
    ['😀', true],
    ['👍', true],
    ['👎', false],
    ['😐', false],
  ])('%j satisfied: %s', (answer, good) => {
    expect(scoreCsat(answer)).toMatchObject({ satisfied: good ? 1 : 0, unsatisfied: good ? 0 : 1 });
  });

  it('is the share satisfied, to one decimal: 3 of 5 → 60, 2 of 3 → 66.7', () => {
    expect(scoreCsat(['Good', 'bad', '5', '4/5', '👎'])).toEqual({
      csat: 60,
      satisfied: 3,
      unsatisfied: 2,
      responses: 5,
      blanks: 0,
    });
    expect(scoreCsat('good\nbad\ngood\n')).toMatchObject({ csat: 66.7, blanks: 1 });
  });

  it.each(['meh', '6', '0/5', '11/10'])('%j fails with the position and what is expected', (answer) => {
    expect(() => scoreCsat(['good', answer])).toThrow(
      /scoreCsat\(\) answers[\s\S]*\[1\]: expected a rating: good\/bad, 1–5/,
    );
  });
});

describe('scoreCes', () => {
  it('is the mean and the share of 5–7: (7 + 6 + 2) / 3 = 5, 2 of 3 easy', () => {
    expect(scoreCes('7, 6, 2')).toEqual({ ces: 5, easyShare: 66.7, responses: 3, blanks: 0 });
    expect(scoreCes(['6/7', '5 - agree', ''])).toEqual({ ces: 5.5, easyShare: 100, responses: 2, blanks: 1 });
    expect(scoreCes('')).toEqual({ ces: null, easyShare: null, responses: 0, blanks: 1 });
  });

  it.each(['8', '0', '17', '5.5', 'easy'])('%j fails', (answer) => {
    expect(() => scoreCes(answer)).toThrow(/scoreCes\(\) answers[\s\S]*\[0\]: expected a whole number 1–7/);
  });
});
