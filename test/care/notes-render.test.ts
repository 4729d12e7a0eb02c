import { describe, expect, it } from 'vitest';
import {
  addCardNote,
  buildCardIndex,
  type CustomerCard,
  customerCard,
  editCardNote,
  renderCard,
  ValidationError,
} from '../../src/index.js';
import { customer, message, ticket } from './fixtures.js';

const asOf = '2026-03-02T12:00:00Z';
const hostile = '<script>alert(1)</script>" onmouseover="alert(2)';

async function hostileCard(): Promise<CustomerCard> {
  const index = await buildCardIndex([
    customer('zendesk', 'z1', [{ kind: 'email', value: 'mallory@example.test' }], { name: hostile }),
    ticket('zendesk', '1', 'z1', { subject: hostile, tags: ['<b>tag</b>'] }),
    message('zendesk', 'm1', '1', { authorId: 'z1', body: `${hostile}\n[link](javascript:alert(3))` }),
  ]);
  return customerCard(index, index.cardIds()[0]!, { asOf });
}

describe('signed notes', () => {
  it('checks only the notes, not every ticket of a big card (#28)', async () => {
    const card = await hostileCard();
    let reads = 0;
    const many = Array.from({ length: 40_000 }, () => card.tickets[0]!);
    // Counts every element read: parsing the whole card would read each of the 40,000 tickets.
    const tickets = new Proxy(many, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const big = { ...card, tickets };
    const noted = addCardNote(big, { authorId: 'ag1', body: 'Prefers calls', at: asOf });
    const edited = editCardNote(noted, 'note-1', { authorId: 'ag2', body: 'Prefers e-mail', at: asOf });
    expect(reads).toBe(0);
    expect(edited.tickets).toBe(tickets);
    expect(edited.notes[0]?.revisions.map((r) => r.body)).toEqual(['Prefers calls', 'Prefers e-mail']);
    // The notes themselves are still checked: a note rewritten without its history is refused.
    const rewritten = { ...noted, notes: [{ ...noted.notes[0]!, body: 'changed' }] };
    expect(() => addCardNote(rewritten, { authorId: 'ag1', body: 'x', at: asOf })).toThrow(ValidationError);
  });

  it('adds a note signed by its author, without changing the card given', async () => {
    const card = await hostileCard();
    const next = addCardNote(card, {
      authorId: 'ag1',
      authorName: 'Operatore Uno',
      body: 'Richiamare',
      at: asOf,
    });
    expect(card.notes).toEqual([]);
    expect(next.notes).toHaveLength(1);
    expect(next.notes[0]).toMatchObject({
      id: 'note-1',
      authorId: 'ag1',
      authorName: 'Operatore Uno',
      body: 'Richiamare',
    });
  });

  it('refuses a note without an author (or with an empty one)', async () => {
    const card = await hostileCard();
    expect(() => addCardNote(card, { body: 'who wrote me?', at: asOf } as never)).toThrow(ValidationError);
    expect(() => addCardNote(card, { authorId: '', body: 'x', at: asOf })).toThrow(ValidationError);
    expect(() => addCardNote(card, { authorId: 'ag1', body: '   ', at: asOf })).toThrow(ValidationError);
    const noted = addCardNote(card, { authorId: 'ag1', body: 'x', at: asOf });
    expect(() => editCardNote(noted, 'note-1', { body: 'y', at: asOf } as never)).toThrow(ValidationError);
  });

  it('keeps every revision: who changed what and when', async () => {
    const card = addCardNote(await hostileCard(), { authorId: 'ag1', body: 'Prefers calls', at: asOf });
    const edited = editCardNote(card, 'note-1', {
      authorId: 'ag2',
      body: 'Prefers e-mail',
      at: '2026-03-02T13:00:00Z',
    });
    const note = edited.notes[0]!;
    expect(note.body).toBe('Prefers e-mail');
    expect(note.authorId).toBe('ag1');
    expect(note.revisions.map((r) => [r.authorId, r.body, r.at.toISOString()])).toEqual([
      ['ag1', 'Prefers calls', '2026-03-02T12:00:00.000Z'],
      ['ag2', 'Prefers e-mail', '2026-03-02T13:00:00.000Z'],
    ]);
    expect(card.notes[0]!.revisions).toHaveLength(1);
  });

  it('cannot rewrite history: backdated edits, unknown notes and tampered cards are refused', async () => {
    const card = addCardNote(await hostileCard(), { authorId: 'ag1', body: 'Prefers calls', at: asOf });
    expect(() =>
      editCardNote(card, 'note-1', { authorId: 'ag2', body: 'x', at: '2026-03-01T00:00:00Z' }),
    ).toThrow(ValidationError);
    expect(() => editCardNote(card, 'note-9', { authorId: 'ag2', body: 'x', at: asOf })).toThrow(
      ValidationError,
    );
    const tampered = { ...card, notes: [{ ...card.notes[0]!, body: 'silently changed' }] };
    expect(() => editCardNote(tampered, 'note-1', { authorId: 'ag2', body: 'x', at: asOf })).toThrow(
      ValidationError,
    );
    expect(() => addCardNote(card, { id: 'note-1', authorId: 'ag2', body: 'x', at: asOf })).toThrow(
      ValidationError,
    );
  });
});

describe('renderCard', () => {
  it('escapes every piece of customer text in HTML', async () => {
    const html = renderCard(addCardNote(await hostileCard(), { authorId: 'ag1', body: hostile, at: asOf }), {
      format: 'html',
      locale: 'en',
      timeZone: 'UTC',
    });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('" onmouseover');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;&#34; onmouseover=&#34;alert(2)');
  });

  it('escapes raw HTML and links in Markdown, and control characters in text', async () => {
    const card = await hostileCard();
    const md = renderCard(card, { format: 'markdown', locale: 'en', timeZone: 'UTC' });
    expect(md).not.toContain('<script');
    expect(md).not.toContain('](javascript');
    const text = renderCard(addCardNote(card, { authorId: 'ag1', body: 'red \u001b[31m alert', at: asOf }), {
      format: 'text',
      locale: 'en',
      timeZone: 'UTC',
    });
    expect(text).not.toContain('\u001b');
  });

  it('labels in Italian or English, times in the viewer zone and locale', async () => {
    const card = await hostileCard();
    const it_ = renderCard(card, { format: 'text', locale: 'it-IT', timeZone: 'Europe/Rome' });
    expect(it_).toContain('Scheda cliente');
    expect(it_).toContain('Rosso');
    // Statuses and identity kinds are words of the viewer's language too, not the model's values.
    expect(it_).toMatch(/Stato: (nuova|aperta|in attesa del cliente|sospesa|risolta|chiusa)/);
    expect(it_).not.toMatch(/Stato: (new|open|pending|hold|solved|closed),/);
    const rome = new Intl.DateTimeFormat('it-IT', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Rome',
    });
    expect(it_).toContain(rome.format(new Date('2026-03-02T08:00:00Z'))); // 09:00 in Rome
    const en = renderCard(card, { format: 'text', locale: 'en-US', timeZone: 'America/New_York' });
    expect(en).toContain('Customer card');
    expect(en).toContain('Red');
    expect(en).toContain('3:00 AM');
  });

  it('refuses unknown formats, locales and zones', async () => {
    const card = await hostileCard();
    expect(() => renderCard(card, { format: 'pdf' } as never)).toThrow(ValidationError);
    expect(() => renderCard(card, { format: 'text', timeZone: 'Mars/Olympus' })).toThrow(ValidationError);
    expect(() => renderCard(card, { format: 'text', locale: 'not a locale!' })).toThrow(ValidationError);
  });
});
