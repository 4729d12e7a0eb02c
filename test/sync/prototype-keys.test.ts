import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Checkpoint,
  CustomFields,
  createMemoryAdapter,
  type DatasetRecord,
  type Ticket,
  ValidationError,
} from '../../src/index.js';
import { checkpointFile, jsonlFileSink, readJsonlRecords, sync } from '../../src/sync/index.js';
import { generateDataset } from '../../src/testing/index.js';

// Helpdesk data names tags, statuses, custom fields and ids; any of them can be an Object.prototype member.
const KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const;
const key = fc.constantFrom(...KEYS);

const dir = mkdtempSync(join(tmpdir(), 'supportkit-proto-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (ext: string) => join(dir, `f${++n}.${ext}`);
const base = JSON.parse(JSON.stringify(generateDataset({ seed: 3, tickets: 3, days: 2 })));

/** Object.prototype as it is now: every own property and its value, to compare after the run. */
const snapshot = () =>
  Object.getOwnPropertyNames(Object.prototype).map(
    (name) => [name, Object.getOwnPropertyDescriptor(Object.prototype, name)?.value] as const,
  );

/** Parsed from JSON text, as vendor data arrives: `__proto__` is then an own key, not the prototype. */
const fromJson = (entries: ReadonlyArray<readonly [string, unknown]>) =>
  JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`);

const readAll = async (path: string) => {
  const out: DatasetRecord[] = [];
  for await (const batch of readJsonlRecords(path)) out.push(...batch);
  return out;
};

describe('keys named like Object.prototype members', () => {
  it('flow through every keyed path of the memory adapter and sync correctly, and pollute nothing (property)', async () => {
    const before = snapshot();
    await fc.assert(
      fc.asyncProperty(
        fc.record({ tag: key, field: key, field2: key, status: key, id: key, kind: key }),
        async ({ tag, field, field2, status, id, kind }) => {
          // A dataset whose first ticket is called `id`, has status `status`, tag `tag` and custom field `field`.
          const raw = structuredClone(base);
          const original = raw.tickets[0].id;
          for (const child of [...raw.messages, ...raw.events, ...raw.csat])
            if (child.ticketId === original) child.ticketId = id;
          Object.assign(raw.tickets[0], {
            id,
            status,
            tags: [tag, 'billing'],
            customFields: fromJson([
              [field, 'v'],
              ['plain', 1],
            ]),
          });
          const helpdesk = createMemoryAdapter(raw, { pageSize: 2 });

          // Whatever the model keeps of these custom fields, the adapter keeps exactly that, as own keys.
          const fields = (entries: Array<[string, unknown]>) => CustomFields.parse(fromJson(entries));
          const ticket = await helpdesk.tickets.get(id);
          expect(ticket.id).toBe(id);
          expect(ticket.status).toBe(status);
          expect(ticket.tags).toEqual([tag, 'billing']);
          expect(ticket.customFields).toEqual(
            fields([
              [field, 'v'],
              ['plain', 1],
            ]),
          );
          const ids = async (list: AsyncIterable<Ticket>) => {
            const out: string[] = [];
            for await (const t of list) out.push(t.id);
            return out;
          };
          expect(await ids(helpdesk.tickets.list({ tags: [tag] }))).toEqual([id]);
          expect(await ids(helpdesk.tickets.list({ status: [status] }))).toEqual([id]);
          let messages = 0;
          for await (const m of helpdesk.tickets.listMessages(id)) messages += m.ticketId === id ? 1 : 0;
          expect(messages).toBe(raw.messages.filter((m: { ticketId: string }) => m.ticketId === id).length);

          const updated = await helpdesk.tickets.update(id, {
            customFields: fromJson([[field2, 'w']]),
            tags: [tag, field2],
          });
          expect(updated.customFields).toEqual(
            fields([
              [field, 'v'],
              ['plain', 1],
              [field2, 'w'],
            ]),
          );
          expect(updated.tags).toEqual([tag, field2]);
          expect(updated.status).toBe(status);
          const events: string[] = [];
          for await (const e of helpdesk.tickets.listEvents(id)) events.push(e.type);
          expect(events).toContain('tags');

          // Synced to JSONL and read back: the same ticket, the same number of records.
          const out = file('jsonl');
          const sink = jsonlFileSink(out);
          const progress = await sync(helpdesk, { sink });
          await sink.close();
          const back = await readAll(out);
          expect(back).toHaveLength(progress.records);
          expect(back.find((r) => r.kind === 'tickets' && r.value.id === id)?.value).toEqual(updated);

          // A record kind from the file is looked up, not trusted: a ValidationError naming the line.
          const bad = file('jsonl');
          writeFileSync(
            bad,
            `${JSON.stringify({ kind, value: fromJson([['__proto__', { polluted: 1 }]]) })}\n`,
          );
          await expect(readAll(bad)).rejects.toThrow(ValidationError);
          await expect(readAll(bad)).rejects.toThrow(/line 1/);
          expect(() => jsonlFileSink(bad)).toThrow(ValidationError);

          // A checkpoint whose fields sit behind a `__proto__` key has none of its own.
          const text = JSON.stringify(fromJson([['__proto__', { adapter: 'memory', cursor: `1:${id}` }]]));
          const inherited: Checkpoint = Object.assign({}, JSON.parse(text));
          await expect(
            sync(helpdesk, { sink: { write: async () => {} }, checkpoint: inherited }),
          ).rejects.toThrow(ValidationError);
          await expect(helpdesk.changes(inherited)[Symbol.asyncIterator]().next()).rejects.toThrow(
            ValidationError,
          );
          const saved = file('json');
          writeFileSync(saved, text);
          expect(() => checkpointFile(saved).load()).toThrow(ValidationError);

          expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
        },
      ),
      {
        // Every key in every role first, then random mixes.
        examples: KEYS.map((k) => [{ tag: k, field: k, field2: k, status: k, id: k, kind: k }]),
        numRuns: 15,
      },
    );
    expect(snapshot()).toEqual(before);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
