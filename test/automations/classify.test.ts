import { describe, expect, it } from 'vitest';
import { classifyTicket } from '../../src/automations/index.js';

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
});
