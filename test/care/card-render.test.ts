import { describe, expect, it } from 'vitest';
import { cardLabels } from '../../src/care/card/labels.js';
import { buildCardIndex, type CustomerCard, customerCard, renderCard } from '../../src/index.js';
import { customer, message, T0, ticket } from './fixtures.js';

const asOf = '2026-03-03T12:00:00Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

/** Two requests of Ada Verdi, each with its own timeline: messages, status changes and survey answers. */
async function adaCard(): Promise<CustomerCard> {
  const index = await buildCardIndex([
    customer('zendesk', 'z1', [{ kind: 'email', value: 'ada@example.com' }], {
      name: 'Ada Verdi',
      language: 'de',
    }),
    ticket('zendesk', '1', 'z1', { subject: 'Ordine 4471', channel: 'phone', status: 'pending' }),
    message('zendesk', 'm1', '1', { authorId: 'z1', body: 'Il pacco non arriva', channel: 'phone' }),
    message('zendesk', 'm2', '1', {
      authorId: 'a1',
      authorRole: 'agent',
      public: false,
      body: 'Sentito il corriere',
      createdAt: at(30),
    }),
    {
      kind: 'events' as const,
      value: {
        id: 'e1',
        ticketId: '1',
        type: 'status',
        from: 'open',
        to: 'pending',
        at: at(31),
        actorId: 'a1',
      },
    },
    ticket('zendesk', '2', 'z1', {
      subject: 'Fattura 88',
      channel: 'email',
      status: 'solved',
      createdAt: at(600),
      updatedAt: at(700),
      solvedAt: at(700),
    }),
    message('zendesk', 'm3', '2', { authorId: 'z1', body: 'Manca la fattura', createdAt: at(600) }),
    {
      kind: 'csat' as const,
      value: {
        id: 's1',
        source: { adapter: 'zendesk', id: 's1' },
        ticketId: '2',
        customerId: 'z1',
        rating: 'good',
        createdAt: at(720),
      },
    },
    {
      kind: 'nps' as const,
      value: {
        id: 'n1',
        source: { adapter: 'zendesk', id: 'n1' },
        ticketId: '2',
        customerId: 'z1',
        score: 9,
        createdAt: at(721),
      },
    },
    {
      kind: 'ces' as const,
      value: {
        id: 'c1',
        source: { adapter: 'zendesk', id: 'c1' },
        ticketId: '2',
        customerId: 'z1',
        score: 6,
        createdAt: at(722),
      },
    },
  ]);
  return customerCard(index, index.cardIds()[0]!, { asOf });
}

const render = async (format: 'text' | 'markdown' | 'html', locale = 'it-IT') =>
  renderCard(await adaCard(), { format, locale, timeZone: 'Europe/Rome' });

describe('renderCard: a request’s timeline sits under it (issue 29)', () => {
  it('in text: indented under its request, before the next one (newest request first)', async () => {
    const lines = (await render('text')).split('\n');
    const newer = lines.findIndex((line) => line.includes('#2 Fattura 88'));
    const older = lines.findIndex((line) => line.includes('#1 Ordine 4471'));
    expect(newer).toBeGreaterThan(0);
    expect(older).toBeGreaterThan(newer);
    const underNewer = lines.slice(newer + 1, older);
    const underOlder = lines.slice(older + 1).filter((line) => line !== '');
    expect(underNewer.some((line) => line.includes('Manca la fattura'))).toBe(true);
    expect(underNewer.some((line) => line.includes('CSAT: positivo'))).toBe(true);
    expect(underOlder.some((line) => line.includes('Il pacco non arriva'))).toBe(true);
    expect(underOlder.some((line) => line.includes('Sentito il corriere'))).toBe(true);
    expect(underOlder.some((line) => line.includes('Manca la fattura'))).toBe(false);
    // Every line of a timeline is indented deeper than its request's bullet.
    expect(lines[older]).toMatch(/^ {2}\* /);
    for (const line of [...underNewer, ...underOlder]) expect(line).toMatch(/^ {4}\S|^ {6}\| /);
  });

  it('in Markdown: a list nested in its request’s item, messages quoted under their entry', async () => {
    const md = await render('markdown');
    const first = md.slice(md.indexOf('#1 Ordine 4471'));
    expect(first).toMatch(
      /\n {2}- \*\*[^*]+\*\*: Ada Verdi \\\(cliente, via telefono\\\)\n {4}> Il pacco non arriva/,
    );
    expect(first).toMatch(/\n {2}- \*\*[^*]+\*\*: Stato: aperta → in attesa del cliente/);
    expect(first).not.toMatch(/\n- \*\*/); // no entry at the top level
  });

  it('in HTML: an ordered list inside its request’s <li>', async () => {
    const html = await render('html');
    const item = (id: string) =>
      new RegExp(
        `<li>zendesk #${id} [^<]*\\n<ol class="sk-timeline">\\n((?:<li>(?:(?!</li>).)*</li>\\n)+)</ol></li>`,
        's',
      );
    const first = item('1').exec(html)?.[1] ?? '';
    expect(first).toContain('<blockquote>Il pacco non arriva</blockquote>');
    expect(first).toContain('Sentito il corriere');
    expect(first).not.toContain('Manca la fattura');
    const second = item('2').exec(html)?.[1] ?? '';
    expect(second).toContain('Manca la fattura');
    expect(second).toContain('CSAT: positivo');
  });
});

describe('renderCard: the HTML card has its own styles, inline and CSP-safe (issue 29)', () => {
  it('one <style> whose every rule is scoped to the card; no script, URL, import or font fetched', async () => {
    const html = await render('html');
    const styles = [...html.matchAll(/<style>([^<]*)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    const rules = styles[0]!.split('}').filter(Boolean);
    expect(rules.length).toBeGreaterThan(5);
    for (const rule of rules) expect(rule).toMatch(/^\.supportkit-card[\s.[{]/);
    expect(styles[0]).not.toMatch(/url\(|@import|@font-face|expression\(|javascript:/i);
    expect(html).not.toMatch(/<script|<link|<img|\son\w+=|style="/i);
    expect(html.startsWith('<article class="supportkit-card" data-state="yellow">\n<style>')).toBe(true);
  });
});

describe('renderCard: an Italian card is Italian throughout (issue 29)', () => {
  it('CSAT answers, channels, statuses, language and roles in Italian; no English label left', async () => {
    const text = await render('text');
    expect(text).toContain('Ultimo CSAT: positivo');
    expect(text).toContain('Canali: e-mail (1), telefono (1)');
    expect(text).toContain('Lingua: tedesco');
    expect(text).toContain('Stato: in attesa del cliente, telefono');
    expect(text).toContain('(operatore, privato)');
    expect(text).toContain('NPS: 9/10');
    expect(text).toContain('CES: 6/7');
    // Every word of the English labels that the Italian ones do not share must be absent from the Italian card
    // (the data here is Italian, so an English word can only come from a label).
    const words = (value: unknown): string[] =>
      typeof value === 'string'
        ? (value.match(/\p{L}+/gu) ?? [])
        : Object.values(value as object).flatMap((inner) => words(inner));
    const italian = new Set(words(cardLabels('it')));
    const english = new Set(words(cardLabels('en')));
    const englishOnly = [...english].filter((word) => !italian.has(word) && word.length > 2);
    expect(englishOnly).toContain('phone');
    expect(englishOnly).toContain('good');
    for (const format of ['text', 'markdown', 'html'] as const) {
      // What a reader sees: in HTML, the text without the tags and the style sheet.
      const output = (await render(format)).replace(/<style>[^<]*<\/style>/, '').replace(/<[^>]*>/g, ' ');
      const shown = new Set(output.match(/\p{L}+/gu));
      expect(englishOnly.filter((word) => shown.has(word))).toEqual([]);
    }
  });

  it('the same card in English says good, phone and German', async () => {
    const text = await render('text', 'en');
    expect(text).toContain('Last CSAT: good');
    expect(text).toContain('Channels: e-mail (1), phone (1)');
    expect(text).toContain('Language: German');
  });
});
