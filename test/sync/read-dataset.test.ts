import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { addCardNote, buildCardIndex, customerCard, editCardNote } from '../../src/care/index.js';
import { ValidationError } from '../../src/errors/index.js';
import type { DatasetRecord } from '../../src/models/dataset.js';
import { parseCustomer } from '../../src/models/index.js';
import { jsonlFileSink, readDataset, readFolderNotes, saveFolderNote } from '../../src/sync/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'supportkit-dataset-'));
});

const at = (iso: string) => new Date(iso);
const customer = (name: string, updatedAt: string, extra: object = {}) =>
  parseCustomer({
    id: '7',
    sources: [{ adapter: 'request-tracker', id: '7' }],
    name,
    identities: [{ kind: 'email', value: 'ada@example.com' }],
    createdAt: '2026-01-02T10:00:00Z',
    updatedAt,
    ...extra,
  });
const ticket = (updatedAt: string, status: 'open' | 'solved') => ({
  id: '1',
  source: { adapter: 'request-tracker', id: '1' },
  subject: 'Cannot log in',
  description: null,
  status,
  priority: null,
  type: null,
  channel: 'email',
  requesterId: '7',
  submitterId: null,
  assigneeId: null,
  groupId: null,
  organizationId: null,
  tags: [],
  customFields: {},
  createdAt: at('2026-03-02T09:00:00Z'),
  updatedAt: at(updatedAt),
  solvedAt: null,
  dueAt: null,
});

async function write(records: DatasetRecord[]) {
  const sink = jsonlFileSink(join(dir, 'records.jsonl'));
  try {
    await sink.write(records);
  } finally {
    await sink.close();
  }
}

describe('readDataset', () => {
  it('gives the latest version of each record: by updatedAt, else the later line; a re-sent older one loses', async () => {
    await write([
      { kind: 'customers', value: customer('Ada', '2026-03-01T00:00:00Z') },
      { kind: 'tickets', value: ticket('2026-03-02T09:00:00Z', 'open') as never },
      { kind: 'groups', value: { id: 'q1', name: 'General', scheduleId: null } },
      { kind: 'customers', value: customer('Ada Lovelace', '2026-03-05T00:00:00Z') },
      { kind: 'tickets', value: ticket('2026-03-03T09:00:00Z', 'solved') as never },
      { kind: 'groups', value: { id: 'q1', name: 'Support (IT)', scheduleId: null } },
    ]);
    // A batch re-sent after a restart from an older checkpoint: the older version comes again, after the newer.
    appendFileSync(
      join(dir, 'records.jsonl'),
      `${JSON.stringify({ kind: 'customers', value: customer('Ada', '2026-03-01T00:00:00Z') })}\n`,
    );
    const dataset = await readDataset(dir);
    expect(dataset.customers.map((c) => c.name)).toEqual(['Ada Lovelace']);
    expect(dataset.tickets.map((t) => t.status)).toEqual(['solved']);
    expect(dataset.groups.map((g) => g.name)).toEqual(['Support (IT)']);
    expect(dataset.customers[0]!.updatedAt).toEqual(at('2026-03-05T00:00:00Z'));
  });

  it('keeps deleted and merged customers, marked as the helpdesk said', async () => {
    await write([
      { kind: 'customers', value: customer('Ada', '2026-03-01T00:00:00Z') },
      {
        kind: 'customers',
        value: customer('Ada', '2026-03-09T00:00:00Z', { active: false, deleted: true, mergedIntoId: '9' }),
      },
    ]);
    const [only] = (await readDataset(dir)).customers;
    expect(only).toMatchObject({ id: '7', active: false, deleted: true, mergedIntoId: '9' });
  });

  it('reads only the kinds asked for', async () => {
    await write([
      { kind: 'customers', value: customer('Ada', '2026-03-01T00:00:00Z') },
      { kind: 'tickets', value: ticket('2026-03-02T09:00:00Z', 'open') as never },
    ]);
    const people = await readDataset(join(dir, 'records.jsonl'), { kinds: ['customers'] });
    expect(people.customers).toHaveLength(1);
    expect(people.tickets).toEqual([]);
  });

  it('refuses what is not a synced folder or a JSONL file, and unknown kinds, with a ValidationError', async () => {
    await expect(readDataset(join(dir, 'nothing'))).rejects.toThrow(ValidationError);
    await expect(readDataset(dir)).rejects.toThrow(/records\.jsonl/);
    await write([]);
    await expect(readDataset(dir, { kinds: ['people' as never] })).rejects.toThrow(/kinds/);
  });
});

describe('card notes kept in the folder', () => {
  async function cardOf() {
    const dataset = await readDataset(dir);
    const index = await buildCardIndex(dataset, { trusted: true });
    const id = index.find({ email: 'ada@example.com' })!;
    return customerCard(index, id, { asOf: '2026-03-10T00:00:00Z' });
  }

  it('a signed note survives the next sync, and its edit replaces its text on the card', async () => {
    await write([{ kind: 'customers', value: customer('Ada', '2026-03-01T00:00:00Z') }]);
    const card = addCardNote(await cardOf(), {
      authorId: 'marco',
      authorName: 'Marco',
      body: 'Prefers calls after 5 pm',
      at: '2026-03-06T10:00:00Z',
    });
    const note = card.notes.at(-1)!;
    saveFolderNote(dir, card, note.id);
    saveFolderNote(dir, card, note.id); // a retry: written once
    expect(readFolderNotes(dir)).toHaveLength(1);
    // The next sync writes a newer version of the customer, which carries no notes of its own.
    await write([{ kind: 'customers', value: customer('Ada Lovelace', '2026-03-07T00:00:00Z') }]);
    const after = await cardOf();
    expect(after.name).toBe('Ada Lovelace');
    expect(after.notes.map((n) => [n.id, n.authorId, n.body])).toEqual([
      [note.id, 'marco', 'Prefers calls after 5 pm'],
    ]);
    const edited = editCardNote(after, note.id, {
      authorId: 'giulia',
      body: 'Prefers calls after 6 pm',
      at: '2026-03-08T10:00:00Z',
    });
    saveFolderNote(dir, edited, note.id);
    expect(readFolderNotes(dir).map((n) => [n.authorId, n.body])).toEqual([
      ['marco', 'Prefers calls after 5 pm'],
      ['giulia', 'Prefers calls after 6 pm'],
    ]);
    const latest = (await cardOf()).notes;
    expect(latest.map((n) => [n.authorId, n.body, n.createdAt.toISOString()])).toEqual([
      ['giulia', 'Prefers calls after 6 pm', '2026-03-06T10:00:00.000Z'],
    ]);
  });

  it('a line that is not a note revision is named by line, never quoted; a torn last line is skipped', async () => {
    await write([]);
    writeFileSync(
      join(dir, 'notes.jsonl'),
      '{"kind":"cardNote","value":{"secret":"Ada\'s PIN 1234"}}\n{"torn',
    );
    let error: unknown;
    try {
      readFolderNotes(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(String((error as Error).message)).toMatch(/notes\.jsonl at line 1/);
    expect(String((error as Error).message)).not.toMatch(/1234/);
    writeFileSync(join(dir, 'notes.jsonl'), '{"torn');
    expect(readFolderNotes(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'notes.jsonl'), 'utf8')).toBe('{"torn');
  });
});

describe('buildCardIndex follows merged customers', () => {
  it('a record merged into another joins its card, however many were merged into it', async () => {
    const survivor = parseCustomer({
      id: '1',
      sources: [{ adapter: 'zendesk', id: '1' }],
      name: 'Ada',
      identities: [{ kind: 'email', value: 'ada@example.com' }],
      createdAt: '2026-01-01T00:00:00Z',
    });
    const merged = ['2', '3', '4', '5', '6'].map((id) =>
      parseCustomer({
        id,
        sources: [{ adapter: 'zendesk', id }],
        name: 'Ada (old)',
        active: false,
        deleted: true,
        mergedIntoId: '1',
        createdAt: '2025-01-01T00:00:00Z',
      }),
    );
    const index = await buildCardIndex(
      [survivor, ...merged].map((value) => ({ kind: 'customers', value })),
      { maxSharedIdentity: 3 },
    );
    const card = index.find({ email: 'ada@example.com' });
    expect(card).toBeDefined();
    for (const id of ['2', '3', '4', '5', '6'])
      expect(index.find({ customerId: id, adapter: 'zendesk' })).toBe(card);
    expect(index.size).toBe(1);
    expect(index.conflicts()).toEqual([]);
  });
});

describe('a synced folder read back into cards', () => {
  it('keeps every customer’s survey answers on their card (records without a source take the folder’s helpdesk)', async () => {
    const { createMemoryAdapter } = await import('../../src/adapters/memory/index.js');
    const { generateDataset } = await import('../../src/testing/index.js');
    const { checkpointFile, sync } = await import('../../src/sync/index.js');
    const { datasetRecords } = await import('../../src/models/index.js');
    const dataset = generateDataset({ seed: 3, tickets: 80, days: 20 });
    // Answers as some exports give them: no source.
    for (const list of [dataset.csat, dataset.nps, dataset.ces])
      for (const v of list) delete (v as { source?: unknown }).source;
    const saved = checkpointFile(join(dir, 'checkpoint.json'));
    const sink = jsonlFileSink(join(dir, 'records.jsonl'));
    try {
      await sync(createMemoryAdapter(dataset), { sink, checkpoint: saved.load(), onCheckpoint: saved.save });
    } finally {
      await sink.close();
    }
    const read = await readDataset(dir);
    const index = await buildCardIndex([...datasetRecords(read)], { trusted: true });
    const answered = dataset.csat.find((c) => c.rating !== null)!;
    const cardId = index.find({ customerId: answered.customerId, adapter: 'memory' })!;
    const card = customerCard(index, cardId, { asOf: dataset.asOf! });
    expect(card.figures).toHaveProperty('lastCsat');
    expect(card.figures.lastCsat).not.toBeNull();
  });
});
