import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/adapters/kit/html-text.js';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const words = fc.array(fc.stringMatching(/^[\p{L}\p{N}.,;:!?'"()+*/-]{1,8}$/u), {
  minLength: 1,
  maxLength: 8,
});

describe('htmlToText', () => {
  it('keeps lines: <br> and block elements break them, inline tags leave no space before punctuation', () => {
    expect(htmlToText('<p>Buongiorno,<br>la fattura è <i>in allegato</i>.</p><p>Grazie</p>')).toBe(
      'Buongiorno,\nla fattura è in allegato.\n\nGrazie',
    );
    expect(htmlToText('<div>uno</div><div>due</div><ul><li>a</li><li>b</li></ul>fine')).toBe(
      'uno\ndue\n\na\nb\n\nfine',
    );
    expect(htmlToText('riga\n  spezzata <b>nel</b>   sorgente')).toBe('riga spezzata nel sorgente');
    expect(
      htmlToText('<script>alert(1)</script><style>p{}</style><!-- x -->ok &lt;b&gt; &amp; &#8594; &bogus;'),
    ).toBe('ok <b> & → &bogus;');
    expect(htmlToText('<p>a</p><p>b</p>', { lines: false })).toBe('a b');
    expect(htmlToText('a < b > c')).toBe('a < b > c');
    expect(htmlToText('perch&eacute; l&rsquo;ordine costa 5&euro;&hellip; &Eacute;')).toBe(
      'perché l’ordine costa 5€… É',
    );
    expect(htmlToText('<p>log:</p><pre>line1\n  line2\nline3</pre><p>fine</p>')).toBe(
      'log:\n\nline1\nline2\nline3\n\nfine',
    );
  });

  it('gives back any escaped text, its spaces collapsed, whatever tags wrap it', () => {
    fc.assert(
      fc.property(words, fc.constantFrom('', 'b', 'i', 'span'), (list, inline) => {
        const text = list.join(' ');
        const html = inline ? `<${inline}>${escapeHtml(text)}</${inline}>` : escapeHtml(text);
        expect(htmlToText(`<p>${html}</p>`)).toBe(text);
        expect(htmlToText(`<div>${html}</div><div>${html}</div>`)).toBe(`${text}\n${text}`);
      }),
    );
  });

  it('reads hostile markup to the end: unclosed tags, comments and scripts, and runs of "<"', () => {
    const n = 200_000;
    for (const piece of ['<', '< ', '<a ', '<!--', '<script>', '</', '&#', '<p', '<br>'])
      expect(typeof htmlToText(`${piece.repeat(n / piece.length)}>tail`)).toBe('string');
    expect(htmlToText(`${'<'.repeat(1000)}x`)).toBe(`${'<'.repeat(1000)}x`);
    expect(htmlToText(`<script>${'x'.repeat(1000)}`)).toBe('');
  });
});
