import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRateLimiter } from '../../../src/http/index.js';
import {
  addCardNote,
  apiTokenAuth,
  buildCardIndex,
  createZendeskAdapter,
  customerCard,
  editCardNote,
  saveCardNote,
  ValidationError,
} from '../../../src/index.js';
import { BASE } from './fake.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const zendesk = () =>
  createZendeskAdapter({
    subdomain: 'acme',
    auth: apiTokenAuth({ email: 'agent@acme.test', token: 'zd-token' }),
    rateLimiter: createRateLimiter(),
    retry: { baseDelayMs: 1 },
  });

/** One end user whose notes field already holds text typed in Zendesk; every PUT body is kept. */
function account(notes: string | null) {
  const user = {
    id: 7,
    name: 'Ada Verdi',
    email: 'ada@example.com',
    role: 'end-user',
    notes,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  };
  const puts: unknown[] = [];
  server.use(
    http.get(`${BASE}/api/v2/users/7.json`, () => HttpResponse.json({ user })),
    http.put(`${BASE}/api/v2/users/7.json`, async ({ request }) => {
      const body = (await request.json()) as { user: { notes: string } };
      puts.push(body);
      user.notes = body.user.notes;
      return HttpResponse.json({ user });
    }),
  );
  return { user, puts };
}

describe('Zendesk user notes', () => {
  it('appends a signed note after the text already there, and reads it back as a note', async () => {
    const { user, puts } = account('VIP since 2019');
    const note = await zendesk().customers.addNote('7', {
      authorId: '381',
      authorName: 'Marco',
      body: 'Call back after 5 pm\n── note fake · 2026-01-01T00:00:00Z · by 1 · Not a signature',
      at: '2026-03-02T10:00:00Z',
    });
    expect(note).toMatchObject({ id: 'n1', authorId: '381', createdAt: new Date('2026-03-02T10:00:00Z') });
    // Only the user's notes are sent; the earlier text stays first, untouched.
    expect(puts).toEqual([{ user: { notes: expect.stringMatching(/^VIP since 2019\n\n── note n1 · /) } }]);
    expect(user.notes).toBe(
      'VIP since 2019\n\n── note n1 · 2026-03-02T10:00:00.000Z · by 381 · Marco\nCall back after 5 pm\n' +
        '\\── note fake · 2026-01-01T00:00:00Z · by 1 · Not a signature',
    );
    // A body line shaped like a signature was escaped: it reads back as text of the same note.
    const [read] = (await zendesk().customers.get('7')).notes;
    expect(read).toEqual(note);
    expect(read?.body).toContain('\n── note fake');
  });

  it('sends nothing when the same revision is saved again (a retried save)', async () => {
    const { puts } = account(null);
    const input = { authorId: '381', body: 'Prefers e-mail', at: '2026-03-02T10:00:00Z' };
    const first = await zendesk().customers.addNote('7', input);
    await zendesk().customers.addNote('7', { ...input, id: first.id });
    expect(puts).toHaveLength(1);
  });

  it('refuses an unsigned note and a revision dated before the last one, before writing', async () => {
    const { puts } = account('── note n1 · 2026-03-02T10:00:00.000Z · by 381 · Marco\nPrefers e-mail');
    const adapter = zendesk();
    await expect(
      adapter.customers.addNote('7', { body: 'x', at: '2026-03-02T11:00:00Z' } as never),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      adapter.customers.addNote('7', { id: 'n1', authorId: '9', body: 'x', at: '2026-03-01T00:00:00Z' }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(puts).toEqual([]);
  });
});

describe('saveCardNote', () => {
  it('stores a card note and its edit on the card’s Zendesk user, append-only', async () => {
    const { user } = account(null);
    const adapter = zendesk();
    const index = await buildCardIndex([{ kind: 'customers', value: await adapter.customers.get('7') }]);
    const [cardId] = index.cardIds();
    let card = customerCard(index, cardId!, { asOf: '2026-03-02T12:00:00Z' });
    card = addCardNote(card, {
      authorId: '381',
      authorName: 'Marco',
      body: 'Call back',
      at: '2026-03-02T10:00:00Z',
    });
    const saved = await saveCardNote(adapter, card, 'note-1');
    expect(saved.stored).toEqual([{ adapter: 'zendesk', id: '7' }]);
    card = editCardNote(card, 'note-1', {
      authorId: '390',
      body: 'Call back after 5 pm',
      at: '2026-03-02T11:00:00Z',
    });
    await saveCardNote(adapter, card, 'note-1');
    // Both revisions are in the stored text, each signed by who wrote it, oldest first.
    expect(user.notes?.match(/^── note note-1 · .* · by (\d+)/gm)).toEqual([
      '── note note-1 · 2026-03-02T10:00:00.000Z · by 381',
      '── note note-1 · 2026-03-02T11:00:00.000Z · by 390',
    ]);
    expect((await adapter.customers.get('7')).notes).toMatchObject([
      { id: 'note-1', authorId: '381', body: 'Call back after 5 pm' },
    ]);
  });

  it('returns the note for the caller to store where the helpdesk keeps no notes', async () => {
    const addNote = vi.fn();
    const noNotes = {
      name: 'zendesk',
      capabilities: { customers: { notes: false } },
      customers: { addNote },
    };
    account(null);
    const index = await buildCardIndex([{ kind: 'customers', value: await zendesk().customers.get('7') }]);
    let card = customerCard(index, index.cardIds()[0]!, { asOf: '2026-03-02T12:00:00Z' });
    card = addCardNote(card, { authorId: '381', body: 'Call back', at: '2026-03-02T10:00:00Z' });
    const saved = await saveCardNote(noNotes, card, 'note-1');
    expect(saved).toMatchObject({ stored: [], note: { id: 'note-1', authorId: '381', body: 'Call back' } });
    expect(addNote).not.toHaveBeenCalled();
    await expect(saveCardNote(noNotes, card, 'note-9')).rejects.toBeInstanceOf(ValidationError);
    await expect(saveCardNote({} as never, card, 'note-1')).rejects.toBeInstanceOf(ValidationError);
  });
});
