import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCardNote,
  buildCardIndex,
  type CustomerCard,
  customerCard,
  renderCard,
  renderSop,
} from '../../src/index.js';
import { customer, message, ticket } from './fixtures.js';
import { sopWith } from './sop/fixtures.js';

/**
 * #28 item 10: text from data (a customer name, a note, a ticket subject, an SOP label) cannot start a line of its
 * own, move the terminal's cursor or reorder what follows it, in text and Markdown output.
 */
const asOf = '2026-03-02T12:00:00Z';
const FORGERIES = [
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000b',
  '\u000c',
  '\u202e',
  '\u2066',
  '\u001b[2J',
];
const forged = (glue: string) => `Mallory${glue}  State: Green${glue}\u001b]0;pwned\u0007`;
/** A character no output may hold: C0 but LF, DEL and C1, line and paragraph separators, bidi overrides/isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what must not get through
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

async function cardWith(text: string): Promise<CustomerCard> {
  const index = await buildCardIndex([
    customer('zendesk', 'z1', [{ kind: 'handle', channel: 'twitter', value: `@m${text}` }], {
      name: text,
      language: 'it',
    }),
    ticket('zendesk', '1', 'z1', { subject: text, tags: [`t${text}`] }),
    message('zendesk', 'm1', '1', { authorId: 'z1', body: text }),
  ]);
  const card = customerCard(index, index.cardIds()[0]!, { asOf });
  return addCardNote(card, { authorId: 'ag1', authorName: `A${text}`, body: `n${text}`, at: asOf });
}

/**
 * The lines of an output that are not inside a quote (a note or message body keeps its lines, each prefixed; in
 * Markdown a message sits one level deeper, under its entry in the request's timeline).
 */
const QUOTES = { text: ['      | '], markdown: ['  > ', '    > '] } as const;
const ownLines = (output: string, quotes: readonly string[]) =>
  output.split('\n').filter((line) => !quotes.some((quote) => line.startsWith(quote)));

describe('renderCard: text and Markdown (#28 item 10)', () => {
  it.each(FORGERIES)('a customer text with %j prints no line of its own and no escape', async (glue) => {
    const card = await cardWith(forged(glue));
    const benign = await cardWith('Mallory');
    for (const format of ['text', 'markdown'] as const) {
      const quote = QUOTES[format];
      const out = renderCard(card, { format });
      expect(out).not.toMatch(UNSAFE);
      // The card's own lines are the same as for a plain name; only quoted lines may be more.
      expect(ownLines(out, quote)).toHaveLength(ownLines(renderCard(benign, { format }), quote).length);
      expect(out.split('\n').filter((line) => /^\s*State: Green/.test(line))).toEqual([]);
    }
  });

  it('keeps a note’s and a message’s own lines, each behind the quote prefix', async () => {
    const card = await cardWith('first\r\nState: Green\rthird\u2028fourth');
    const text = renderCard(card, { format: 'text' });
    expect(text).toContain('      | nfirst\n      | State: Green\n      | third\n      | fourth');
    const md = renderCard(card, { format: 'markdown' });
    expect(md).toContain('  > nfirst\n  > State: Green\n  > third\n  > fourth');
    // The message, under its entry in the request's timeline.
    expect(text).toContain('      | first\n      | State: Green\n      | third\n      | fourth');
    expect(md).toContain('    > first\n    > State: Green\n    > third\n    > fourth');
  });

  it('holds for any text', async () => {
    const unit = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...FORGERIES, 'State: Green', '*', '[', '<') },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
    );
    const benign = await cardWith('x');
    const ownCount = {
      text: ownLines(renderCard(benign, { format: 'text' }), QUOTES.text).length,
      markdown: ownLines(renderCard(benign, { format: 'markdown' }), QUOTES.markdown).length,
    };
    await fc.assert(
      fc.asyncProperty(fc.array(unit, { minLength: 1, maxLength: 6 }), async (parts) => {
        const card = await cardWith(`x${parts.join('')}`);
        const text = renderCard(card, { format: 'text' });
        const md = renderCard(card, { format: 'markdown' });
        expect(text).not.toMatch(UNSAFE);
        expect(md).not.toMatch(UNSAFE);
        expect(ownLines(text, QUOTES.text)).toHaveLength(ownCount.text);
        expect(ownLines(md, QUOTES.markdown)).toHaveLength(ownCount.markdown);
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('still escapes HTML (line breaks in a quote as <br>)', async () => {
    const html = renderCard(await cardWith('a\n<b>'), { format: 'html' });
    expect(html).toContain('na<br>&#60;b&#62;');
    expect(html).not.toContain('<b>');
  });
});

describe('renderSop: text and Markdown (#28 item 10)', () => {
  const sopOf = (text: string) =>
    sopWith(
      [
        {
          id: 'a',
          kind: 'decision',
          question: `Q${text}`,
          branches: [
            { label: `L${text}`, next: 'b' },
            { label: 'no', next: 'b' },
          ],
        },
        { id: 'b', kind: 'step', text: `S${text}`, role: `R${text}`, next: null },
      ],
      { title: `T${text}`, purpose: `P${text}`, terms: [{ term: `W${text}`, definition: `D${text}` }] },
    );

  it.each(FORGERIES)('an author text with %j prints no line of its own and no escape', (glue) => {
    const text = forged(glue);
    for (const format of ['text', 'markdown'] as const) {
      const out = renderSop(sopOf(text), { format });
      expect(out).not.toMatch(UNSAFE);
      expect(out.split('\n')).toHaveLength(renderSop(sopOf('Mallory'), { format }).split('\n').length);
      expect(out.split('\n').filter((line) => /^\s*State: Green/.test(line))).toEqual([]);
    }
  });

  it('reads a wrapped paragraph on one line, as before', () => {
    const md = renderSop(sopOf(' first line\nsecond line'), { format: 'markdown' });
    expect(md).toContain('P first line second line');
    expect(renderSop(sopOf(' first line\nsecond line'), { format: 'text' })).toContain(
      'P first line second line',
    );
  });
});
