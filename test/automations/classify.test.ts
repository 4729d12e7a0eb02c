import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyTicket } from '../../src/automations/index.js';
import { fold } from '../../src/automations/text.js';
import { ValidationError } from '../../src/errors/index.js';

const text = 'Dove è il mio RIMBORSO? La fattura è sbagliata, and the delivery is late.';

describe('classifyTicket', () => {
  it('tags by whole-word keywords, ignoring case and accents, in rule order', () => {
    expect(
      classifyTicket(text, 'billing: fattura, rimborso; shipping: delivery, tracking; login: password'),
    ).toEqual({
      tags: ['billing', 'shipping'],
      tagList: 'billing,shipping',
      primary: 'billing',
      matched: [
        { tag: 'billing', keywords: ['fattura', 'rimborso'] },
        { tag: 'shipping', keywords: ['delivery'] },
      ],
    });
  });

  it('takes rules as an object, an array or lines of text alike', () => {
    const asObject = classifyTicket(text, {
      shipping: ['late delivery', 'delivery is late'],
      billing: 'fattura',
    });
    expect(asObject.tags).toEqual(['shipping', 'billing']);
    expect(asObject.matched[0]).toEqual({ tag: 'shipping', keywords: ['delivery is late'] });
    const asArray = classifyTicket(text, [{ tag: 'billing', keywords: ['Fattura'] }]);
    expect(asArray.tags).toEqual(['billing']);
    expect(classifyTicket(text, 'billing: fattura\nshipping: delivery').tags).toEqual([
      'billing',
      'shipping',
    ]);
  });

  it('matches whole words only: "bill" is not in "billing"', () => {
    expect(classifyTicket('A billing question', 'money: bill').tags).toEqual([]);
    expect(classifyTicket('e-mail bounced', 'mail: e mail').tags).toEqual(['mail']);
  });

  it('gives the fallback tag when nothing matches, and handles keys like __proto__', () => {
    expect(classifyTicket('hello', 'billing: invoice', { fallback: 'other' })).toEqual({
      tags: ['other'],
      tagList: 'other',
      primary: 'other',
      matched: [],
    });
    expect(classifyTicket('the __proto__ word', JSON.parse('{"__proto__": ["word"]}')).tags).toEqual([
      '__proto__',
    ]);
  });

  it.each([
    [42, 'billing: invoice', 'classifyTicket() text', 'expected the ticket text as a string'],
    ['x', 'billing invoice', 'classifyTicket() rules line 1', 'expected "tag: keyword, keyword"'],
    ['x', 'billing: ,', 'classifyTicket() rules line 1', 'has no keywords'],
    ['x', { billing: [] }, 'classifyTicket() rules entry 1', 'has no keywords'],
    ['x', '', 'classifyTicket() rules', 'has no rules'],
    ['x', 7, 'classifyTicket() rules', 'expected rules'],
    ['x', [{ keywords: ['a'] }], 'classifyTicket() rules[0]', 'expected { tag, keywords }'],
  ])('%j with rules %j fails on %s', (input, rules, subject, message) => {
    expect(() => classifyTicket(input, rules)).toThrow(subject);
    expect(() => classifyTicket(input, rules)).toThrow(message);
  });

  it.each([
    ['.', 'billing: invoice, .', 'classifyTicket() rules line 1 keywords', '[1]: has no letter or digit'],
    ['-', { billing: ['invoice', 'refund', '-'] }, 'classifyTicket() rules entry 1 keywords', '[2]'],
    ['...', [{ tag: 'x', keywords: ['...'] }], 'classifyTicket() rules[0] keywords', '[0]'],
    [
      'a lone combining mark',
      [{ tag: 'x', keywords: ['\u0301'] }],
      'classifyTicket() rules[0] keywords',
      '[0]',
    ],
    ['marks and dashes', 'x: a, , \u0301\u0308 -', 'classifyTicket() rules line 1 keywords', '[2]'],
  ])('refuses a keyword of %s, naming its position and not its text', (_, rules, subject, where) => {
    // Before the fix this never returned: '' was looked for in the text, and indexOf('', past the end) answers
    // the end again, so the scan did not advance.
    const error = (() => {
      try {
        classifyTicket('Hello. Where is - my invoice...?', rules);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(subject);
    expect((error as Error).message).toContain(where);
    expect((error as Error).message).not.toContain('...');
  });

  it('matches nothing in empty or blank text', () => {
    expect(classifyTicket('', 'billing: invoice; shipping: delivery')).toMatchObject({
      tags: [],
      matched: [],
    });
    expect(classifyTicket(' \u0301 - . ', 'billing: invoice', { fallback: 'other' }).tags).toEqual(['other']);
    // Before the fix "..." folded to '' and '' was "found" in the empty text.
    expect(() => classifyTicket('', 'dots: ...')).toThrow(ValidationError);
  });

  it('reads letters outside the Basic Multilingual Plane as letters at a word edge', () => {
    // '𝐀' is one letter in two UTF-16 units: "bill" right after it is not a whole word.
    expect(classifyTicket('𝐀bill', 'money: bill').tags).toEqual([]);
    expect(classifyTicket('𝐀 bill', 'money: bill').tags).toEqual(['money']);
  });

  it('always returns, and reports a keyword only where it occurs (property)', () => {
    // Small alphabets of letters, punctuation and combining marks make collisions and edge cases likely.
    const piece = fc.constantFrom('a', 'b', 'É', '.', '-', '...', ' ', '\u0301', '_', '1', '𝐀', '\n');
    const word = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.array(word, { maxLength: 8 }),
        (keywords, parts) => {
          const text = parts.join(' ');
          let result: ReturnType<typeof classifyTicket>;
          try {
            result = classifyTicket(text, [{ tag: 't', keywords }]);
          } catch (error) {
            expect(error).toBeInstanceOf(ValidationError);
            // Refused only when some keyword has no letter or digit (or none is left after blanks).
            expect(keywords.some((k) => !/[\p{L}\p{N}]/u.test(fold(k)))).toBe(true);
            return;
          }
          for (const k of result.matched.flatMap((m) => m.keywords)) {
            expect(fold(k)).not.toBe('');
            expect(fold(text)).toContain(fold(k));
          }
          if (fold(text) === '') expect(result.matched).toEqual([]);
          // A keyword standing alone between spaces is always found.
          const alone = keywords.find((k) => k.trim() !== '')!;
          expect(classifyTicket(`${text} ${alone} `, [{ tag: 't', keywords }]).tags).toEqual(['t']);
        },
      ),
      { numRuns: 500 },
    );
  });
});
