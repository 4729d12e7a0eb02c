/**
 * Card notes in a Request Tracker user's `Comments`, against a user recorded on a stock RT (fake-rt.ts): appended
 * after what is there, written only if the user did not change since it was read (`If-Match`, RT's 412
 * otherwise), and refused — before or after writing — where RT does not let the API user have them.
 */
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRequestTrackerAdapter } from '../../../src/adapters/request-tracker/index.js';
import { createRateLimiter } from '../../../src/http/index.js';
import { ChangeRefusedError, tokenAuth } from '../../../src/index.js';
import { BASE, recorded } from './fake-rt.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const rt = () =>
  createRequestTrackerAdapter({
    baseUrl: BASE,
    auth: tokenAuth('t'),
    rateLimiter: createRateLimiter(),
    retry: { maxRetries: 0 },
  });
const note = {
  authorId: 'luca',
  authorName: 'Luca Verdi',
  body: 'Preferisce WhatsApp',
  at: '2026-12-08T10:00:00Z',
};
const USER = `${BASE}/REST/2.0/user/:id`;

/**
 * The recorded user, whose ETag is the number of its last transaction as RT's is. `edits` are what other agents
 * write between this adapter's read and its write: each one makes the next conditional write stale.
 */
function user(options: { edits?: string[]; applies?: boolean; body?: () => unknown } = {}) {
  const stored = recorded('user-comments');
  let etag = 40;
  const edits = [...(options.edits ?? [])];
  const puts: { ifMatch: string | null; comments: string }[] = [];
  server.use(
    http.get(USER, () => HttpResponse.json(options.body?.() ?? stored, { headers: { etag: `"${etag}"` } })),
    http.put(USER, async ({ request }) => {
      const body = (await request.json()) as { Comments: string };
      const ifMatch = request.headers.get('if-match');
      puts.push({ ifMatch, comments: body.Comments });
      const edit = edits.shift();
      if (edit !== undefined) {
        stored.Comments += edit;
        etag++;
      }
      if (ifMatch !== `"${etag}"`)
        return HttpResponse.json(recorded('user-precondition-failed'), { status: 412 });
      if (options.applies === false) return HttpResponse.json([`User ${stored.Name}: Permission Denied`]);
      stored.Comments = body.Comments;
      etag++;
      return HttpResponse.json([`User ${stored.Name}: Comments changed`]);
    }),
  );
  return { stored, puts };
}

describe('Request Tracker card notes in user Comments', () => {
  it('appends a signed note after the text already there, byte for byte, and reads it back as a note', async () => {
    const { stored, puts } = user();
    const before = stored.Comments as string;
    const added = await rt().customers.addNote('giulia.rossi@example.it', note);
    expect(added).toEqual({
      id: 'n2',
      authorId: 'luca',
      body: 'Preferisce WhatsApp',
      createdAt: new Date(note.at),
    });
    expect(puts).toEqual([
      {
        ifMatch: '"40"',
        comments: `${before}\n\n── note n2 · 2026-12-08T10:00:00.000Z · by luca · Luca Verdi\nPreferisce WhatsApp`,
      },
    ]);
    const card = await rt().customers.get('giulia.rossi@example.it');
    expect(card.notes.map((n) => [n.id, n.body])).toEqual([
      ['n1', 'Richiamare dopo le 17'],
      ['n2', 'Preferisce WhatsApp'],
    ]);
  });

  it('appends to the newer text when someone changed the user between the read and the write (RT answers 412)', async () => {
    const { stored, puts } = user({ edits: ['\nAggiunto da Marta.'] });
    await rt().customers.addNote('giulia.rossi@example.it', note);
    expect(puts.map((p) => p.ifMatch)).toEqual(['"40"', '"41"']);
    // The other agent's line stays, before the note.
    expect(stored.Comments).toMatch(/Aggiunto da Marta\.\n\n── note n2 · [^\n]+\nPreferisce WhatsApp$/);
    expect(stored.Comments.startsWith('Cliente storico, preferisce il telefono.')).toBe(true);
  });

  it('writes nothing when the same revision is there already (a retried call)', async () => {
    const { puts } = user();
    await rt().customers.addNote('giulia.rossi@example.it', note);
    const again = await rt().customers.addNote('giulia.rossi@example.it', { ...note, id: 'n2' });
    expect(again.id).toBe('n2');
    expect(puts).toHaveLength(1);
  });

  it('is refused where RT will not let the API user have them: before writing on a summary, after a write RT did not apply', async () => {
    const summary = user({ body: () => recorded('user-summary-customer') });
    const refused = await rt()
      .customers.addNote('giulia@example.it', note)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ChangeRefusedError);
    expect(refused).toMatchObject({ code: 'change_refused', fields: ['notes'] });
    expect(String(refused)).toContain('AdminUsers');
    expect(summary.puts).toEqual([]);
    server.resetHandlers();
    const denied = user({ applies: false });
    const error = await rt()
      .customers.addNote('giulia.rossi@example.it', note)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ChangeRefusedError', fields: ['notes'] });
    expect(denied.puts).toHaveLength(1);
    // Never the note's text in the error.
    expect(JSON.stringify([String(error), (error as Error).stack])).not.toContain('WhatsApp');
  });

  it('gives up, refused, when the user keeps changing under every attempt', async () => {
    const { puts } = user({ edits: ['\na', '\nb', '\nc', '\nd', '\ne'] });
    const error = await rt()
      .customers.addNote('giulia.rossi@example.it', note)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChangeRefusedError);
    expect(puts).toHaveLength(5);
  });
});
