import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

let dir: string;

/** A synced folder as a sync writes it: the checkpoint names the helpdesk, records one per line. */
function folder(name: string, adapter: string, records: object[]) {
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, 'checkpoint.json'), JSON.stringify({ adapter, cursor: 'x' }));
  writeFileSync(join(dir, name, 'records.jsonl'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

const ticket = (adapter: string, id: string, requesterId: string, status: string, createdAt: string) => ({
  kind: 'tickets',
  value: {
    id,
    source: { adapter, id },
    subject: `Request ${id}`,
    status,
    channel: 'email',
    requesterId,
    tags: [],
    customFields: {},
    createdAt,
    updatedAt: createdAt,
    solvedAt: status === 'solved' ? createdAt : null,
  },
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'supportkit-card-'));
  // Zendesk knows Ada by e-mail and phone; Request Tracker by the same e-mail, written in capitals.
  folder('zendesk', 'zendesk', [
    {
      kind: 'customers',
      value: {
        id: '381',
        sources: [{ adapter: 'zendesk', id: '381' }],
        name: 'Ada Lovelace',
        identities: [
          { kind: 'email', value: 'ada@example.com', primary: true },
          { kind: 'phone', value: '+393471234567', primary: false },
        ],
        organizationId: null,
        tags: [],
        customFields: {},
        notes: [],
        active: true,
        createdAt: '2025-11-02T10:00:00.000Z',
        updatedAt: '2026-03-01T10:00:00.000Z',
      },
    },
    { kind: 'agents', value: { id: '900', name: 'Marco Rossi', role: 'agent', groupIds: [], languages: [] } },
    ticket('zendesk', '1042', '381', 'solved', '2026-02-10T09:00:00.000Z'),
    {
      kind: 'messages',
      value: {
        id: 'm1',
        ticketId: '1042',
        authorId: '900',
        authorRole: 'agent',
        public: true,
        body: 'Done',
        createdAt: '2026-02-10T09:30:00.000Z',
        attachments: [],
      },
    },
  ]);
  // No sources on the customer (an older sync): the folder's checkpoint names the helpdesk.
  folder('rt', 'request-tracker', [
    {
      kind: 'customers',
      value: {
        id: 'ada@example.com',
        sources: [],
        name: 'Ada',
        identities: [{ kind: 'email', value: 'ADA@example.com', primary: true }],
        organizationId: null,
        tags: [],
        customFields: {},
        notes: [],
        active: true,
        createdAt: '2026-01-05T10:00:00.000Z',
      },
    },
    ticket('request-tracker', '17', 'ada@example.com', 'new', '2026-03-05T08:00:00.000Z'),
  ]);
});

describe('supportkit card', () => {
  it('finds one card across two synced folders by e-mail and by phone, with both helpdesks’ tickets', async () => {
    const byEmail = await runCli(
      ['card', 'zendesk', 'rt', '--email', 'Ada@Example.com', '--json', '--as-of', '2026-03-06T00:00:00Z'],
      { cwd: dir },
    );
    expect(byEmail.stderr).toBe('');
    expect(byEmail.code).toBe(0);
    const card = JSON.parse(byEmail.stdout);
    expect(card.records).toEqual([
      { adapter: 'request-tracker', id: 'ada@example.com' },
      { adapter: 'zendesk', id: '381' },
    ]);
    expect(card.tickets.map((t: { id: string }) => t.id)).toEqual(['17', '1042']);
    expect(card.state).toBe('red'); // RT's ticket 17 is new and nobody acted on it
    const byPhone = await runCli(
      [
        'card',
        'zendesk',
        'rt',
        '--phone',
        '347 123 4567',
        '--region',
        'IT',
        '--json',
        '--as-of',
        '2026-03-06T00:00:00Z',
      ],
      { cwd: dir },
    );
    expect(JSON.parse(byPhone.stdout).id).toBe(card.id);
    const byTicket = await runCli(
      ['card', 'zendesk', 'rt', '--ticket', '17', '--adapter', 'request-tracker', '--json'],
      {
        cwd: dir,
      },
    );
    expect(JSON.parse(byTicket.stdout).id).toBe(card.id);
  });

  it('prints the card in Italian as text, Markdown and HTML', async () => {
    const text = await runCli(['card', 'zendesk', '--email', 'ada@example.com', '--locale', 'it'], {
      cwd: dir,
    });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Scheda cliente/);
    expect(text.stdout).toMatch(/Ada Lovelace/);
    const md = await runCli(['card', 'zendesk', '--email', 'ada@example.com', '--format', 'md'], {
      cwd: dir,
    });
    expect(md.stdout).toMatch(/^#+ /m);
    await runCli(
      ['card', 'zendesk', '--email', 'ada@example.com', '--format', 'html', '--out', 'card.html'],
      {
        cwd: dir,
      },
    );
    expect(readFileSync(join(dir, 'card.html'), 'utf8')).toMatch(/<article class="supportkit-card"/);
  });

  it('--note keeps a signed note in the folder of the customer; the next run shows it', async () => {
    const add = await runCli(
      ['card', 'rt', '--email', 'ada@example.com', '--note', 'Prefers calls after 5 pm', '--author', 'Marco'],
      { cwd: dir },
    );
    expect(add.code).toBe(0);
    expect(add.stderr).toMatch(/note note-1 saved in rt/);
    expect(existsSync(join(dir, 'rt', 'notes.jsonl'))).toBe(true);
    const again = await runCli(['card', 'rt', '--email', 'ada@example.com', '--json'], { cwd: dir });
    const notes = JSON.parse(again.stdout).notes;
    expect(notes.map((n: { authorId: string; body: string }) => [n.authorId, n.body])).toEqual([
      ['Marco', 'Prefers calls after 5 pm'],
    ]);
  });

  it('says what is wrong without repeating the identity: unknown, missing flags, not a folder', async () => {
    const unknown = await runCli(['card', 'zendesk', '--email', 'nobody@example.org'], { cwd: dir });
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/no customer card holds this e-mail address/);
    expect(unknown.stderr).not.toMatch(/nobody@example\.org/);
    const none = await runCli(['card', 'zendesk'], { cwd: dir });
    expect(none.stderr).toMatch(/exactly one of --email, --phone or --ticket/);
    const two = await runCli(['card', 'zendesk', '--email', 'a@b.co', '--phone', '1'], { cwd: dir });
    expect(two.stderr).toMatch(/exactly one of/);
    const notFolder = await runCli(['card', 'nowhere', '--email', 'a@b.co'], { cwd: dir });
    expect(notFolder.stderr).toMatch(/nowhere is not a synced folder/);
    const unsigned = await runCli(['card', 'rt', '--email', 'ada@example.com', '--note', 'x'], { cwd: dir });
    expect(unsigned.stderr).toMatch(/--note needs --author/);
  });
});

describe('supportkit card, when nothing is found, says what to try', () => {
  it('names --adapter for a ticket among several folders, --region for a national number; refuses an unknown region', async () => {
    const ticket = await runCli(['card', 'zendesk', 'rt', '--ticket', '999'], { cwd: dir });
    expect(ticket.stderr).toMatch(/--adapter zendesk \| request-tracker/);
    const phone = await runCli(['card', 'zendesk', '--phone', '347 000 0000'], { cwd: dir });
    expect(phone.stderr).toMatch(/needs --region/);
    const region = await runCli(['card', 'zendesk', '--phone', '347 123 4567', '--region', 'XX'], {
      cwd: dir,
    });
    expect(region.code).toBe(2);
    expect(region.stderr).toMatch(/--region must be a country code/);
  });
});
