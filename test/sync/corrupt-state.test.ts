import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestTrackerAdapter } from '../../src/adapters/request-tracker/index.js';
import { createTrelloAdapter } from '../../src/adapters/trello/index.js';
import { createRateLimiter } from '../../src/http/index.js';
import {
  apiTokenAuth,
  type Checkpoint,
  createMemoryAdapter,
  createZendeskAdapter,
  type DatasetRecord,
  type HelpdeskAdapter,
  tokenAuth,
  ValidationError,
} from '../../src/index.js';
import {
  callbackSink,
  checkpointFile,
  jsonlFileSink,
  readJsonlRecords,
  recordKey,
  sync,
} from '../../src/sync/index.js';
import { generateDataset } from '../../src/testing/index.js';

const dir = mkdtempSync(join(tmpdir(), 'supportkit-corrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (ext: string) => join(dir, `f${++n}.${ext}`);
const dataset = generateDataset({ seed: 4, tickets: 12, days: 2 });
const SECRET = 'Mario Rossi 4111 1111 1111 1111'; // stands for customer text: it must never reach a message

/** The error (or 'resolved') of the first batch of a feed from `checkpoint`. */
const firstBatch = (adapter: HelpdeskAdapter, checkpoint: unknown) =>
  adapter
    .changes(checkpoint as Checkpoint)
    [Symbol.asyncIterator]()
    .next()
    .then(
      () => 'resolved',
      (error: unknown) => error,
    );

describe('corrupt state is never a silent restart', () => {
  // Each with the path the ValidationError must name. `:t1` used to parse as "updated at 0 ms" and re-send
  // every record; the others threw raw TypeErrors.
  const garbage: Array<[string, unknown, ReadonlyArray<string>]> = [
    ['no cursor', { adapter: 'memory' }, ['cursor']],
    ['an empty cursor', { adapter: 'memory', cursor: '' }, ['cursor']],
    ['a cursor that is text', { adapter: 'memory', cursor: SECRET }, ['cursor']],
    ['a cursor without its time', { adapter: 'memory', cursor: ':t1' }, ['cursor']],
    ['a cursor that is a number', { adapter: 'memory', cursor: 42 }, ['cursor']],
    ['no adapter', { cursor: '1:t1' }, ['adapter']],
    ["another adapter's", { adapter: 'zendesk', cursor: '1:t1' }, ['adapter']],
    ['an empty object', {}, ['adapter']],
    ['a string', SECRET, []],
    ['an array', [], []],
  ];

  it.each(garbage)(
    'the memory adapter refuses a checkpoint with %s: ValidationError naming the field',
    async (_, checkpoint, path) => {
      const error = await firstBatch(createMemoryAdapter(dataset), checkpoint);
      expect(error).toBeInstanceOf(ValidationError);
      // The adapter's argument check names the checkpoint when its shape is wrong; the adapter's own decoding
      // names the field of a well-shaped checkpoint it did not write.
      const [issue, ...more] = (error as ValidationError).issues;
      expect(more).toEqual([]);
      const named = issue!.path.join('.');
      expect(named === 'checkpoint' || named === path.join('.')).toBe(true);
      expect((error as ValidationError).message).toMatch(/checkpoint/);
      expect((error as ValidationError).message).not.toContain('Mario');
    },
  );

  it.each(garbage)(
    'sync refuses a checkpoint with %s before the sink sees a record',
    async (_, checkpoint) => {
      const received: DatasetRecord[] = [];
      const error = await sync(createMemoryAdapter(dataset), {
        sink: callbackSink((records) => void received.push(...records)),
        checkpoint: checkpoint as Checkpoint,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).not.toContain('Mario');
      expect(received).toEqual([]);
    },
  );

  it('a checkpoint file: missing is the first run; saved is loaded back; corrupt names the file and field, never the content', () => {
    const path = file('json');
    const store = checkpointFile(path);
    expect(store.load()).toBeNull();
    store.save({ adapter: 'memory', cursor: '1772440000000:t1' });
    expect(store.load()).toEqual({ adapter: 'memory', cursor: '1772440000000:t1' });
    expect(readFileSync(path, 'utf8')).toBe('{"adapter":"memory","cursor":"1772440000000:t1"}');
    const corrupt: Array<[string, string]> = [
      ['', '(root)'],
      ['{"adapter":"memory","cursor":"17724', '(root)'], // cut short
      [SECRET, '(root)'],
      ['null', '(root)'],
      ['{"adapter":"memory"}', 'cursor'],
      [`{"adapter":"memory","cursor":7,"note":"${SECRET}"}`, 'cursor'],
      [`{"adapter":"","cursor":"${SECRET}"}`, 'adapter'],
    ];
    for (const [text, field] of corrupt) {
      writeFileSync(path, text);
      const error = (() => {
        try {
          store.load();
        } catch (e) {
          return e;
        }
      })() as ValidationError;
      expect(error, text).toBeInstanceOf(ValidationError);
      expect(error.message).toContain(`checkpoint file ${path}`);
      expect(error.message).toContain(`${field}:`);
      expect(error.message).not.toContain('Mario');
    }
  });

  it('an existing output with a corrupt line: ValidationError naming file and line, the file left as it was', async () => {
    const path = file('jsonl');
    const sink = jsonlFileSink(path);
    await sync(createMemoryAdapter(dataset), { sink });
    await sink.close();
    const good = readFileSync(path, 'utf8').split('\n');
    for (const bad of [SECRET, `{"kind":"tickets","note":"${SECRET}"}`, '[1,2]', `"${SECRET}"`, 'null']) {
      const text = [good[0], bad, ...good.slice(1)].join('\n');
      writeFileSync(path, text);
      const error = (() => {
        try {
          jsonlFileSink(path);
        } catch (e) {
          return e;
        }
      })() as ValidationError;
      expect(error, bad).toBeInstanceOf(ValidationError);
      expect(error.message).toContain(path);
      expect(error.message).toContain('line 2');
      expect(error.message).not.toContain('Mario');
      expect(JSON.stringify(error.toJSON())).not.toContain('Mario');
      expect(readFileSync(path, 'utf8')).toBe(text); // not truncated, not appended to
      expect(existsSync(`${path}.lock`)).toBe(false); // and not left locked
    }
    writeFileSync(path, good.join('\n'));
    const reopened = jsonlFileSink(path);
    await sync(createMemoryAdapter(dataset), { sink: reopened });
    await reopened.close();
    expect(reopened.written).toBe(0);
  });
});

describe('garbage checkpoints in the Zendesk, Trello and Request Tracker adapters (recorded as they are)', () => {
  // No handler: an adapter that took a garbage checkpoint for a position would make a request, which fails.
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  const adapters: Record<string, () => HelpdeskAdapter> = {
    zendesk: () =>
      createZendeskAdapter({
        subdomain: 'acme',
        auth: apiTokenAuth({ email: 'agent@acme.test', token: 'secret-token' }),
        rateLimiter: createRateLimiter(),
        retry: { maxRetries: 0 },
      }),
    trello: () =>
      createTrelloAdapter({
        key: 'k',
        token: 't',
        boardId: 'board1',
        rateLimiter: createRateLimiter(),
        retry: { maxRetries: 0 },
      }),
    'request-tracker': () =>
      createRequestTrackerAdapter({
        baseUrl: 'https://rt.example.test',
        auth: tokenAuth('t'),
        rateLimiter: createRateLimiter(),
        retry: { maxRetries: 0 },
      }),
  };
  const cases = (name: string): Array<[string, unknown]> => [
    ['no cursor', { adapter: name }],
    ['an empty cursor', { adapter: name, cursor: '' }],
    ['a cursor that is text', { adapter: name, cursor: SECRET }],
    ['a cursor that is a number', { adapter: name, cursor: 42 }],
    ["another adapter's", { adapter: 'memory', cursor: '1:t1' }],
    ['an empty object', {}],
    ['a string', SECRET],
  ];
  const outcome = (error: unknown) =>
    error === 'resolved'
      ? 'resolved'
      : `${(error as Error).constructor.name}${(error as Error).message.includes('Mario') ? ' QUOTING THE CHECKPOINT' : ''}`;

  it('what changes(garbage) does, directly and through sync', async () => {
    const seen: Record<string, Record<string, [string, string]>> = {};
    for (const [name, make] of Object.entries(adapters)) {
      seen[name] = {};
      for (const [what, checkpoint] of cases(name)) {
        const direct = outcome(await firstBatch(make(), checkpoint));
        const viaSync = outcome(
          await sync(make(), { sink: callbackSink(() => {}), checkpoint: checkpoint as Checkpoint }).then(
            () => 'resolved',
            (e: unknown) => e,
          ),
        );
        seen[name]![what] = [direct, viaSync];
      }
    }
    // [changes() called directly, through sync()]: every malformed checkpoint is a ValidationError before any
    // request, except Trello's empty cursor, which it writes itself for an empty board ("from the beginning").
    const refused: [string, string] = ['ValidationError', 'ValidationError'];
    const all = Object.fromEntries(cases('x').map(([what]) => [what, refused]));
    expect(seen).toEqual({
      zendesk: all,
      trello: { ...all, 'an empty cursor': ['NetworkError', 'NetworkError'] }, // requested the board from the start
      'request-tracker': all,
    });
  });
});

describe('sync and the JSONL sink name a missing adapter or path', () => {
  it('is a ValidationError, not a TypeError from inside', async () => {
    await expect(sync(undefined as never, { sink: callbackSink(() => {}) })).rejects.toThrow(
      /sync\(\) adapter/,
    );
    expect(() => jsonlFileSink(undefined as never)).toThrow(/jsonlFileSink\(\) path/);
  });
});

describe('the other supportkit-ts/sync entry points name a wrong argument', () => {
  it('readJsonlRecords, checkpointFile, callbackSink and recordKey: ValidationError, not TypeError', async () => {
    const first = (path: unknown) =>
      readJsonlRecords(path as never)
        [Symbol.asyncIterator]()
        .next();
    await expect(first(undefined)).rejects.toThrow(/readJsonlRecords\(\) path/);
    await expect(first(5)).rejects.toThrow(ValidationError);
    expect(() => checkpointFile({} as never)).toThrow(/checkpointFile\(\) path/);
    expect(() => callbackSink(undefined as never)).toThrow(/callbackSink\(\) onRecords/);
    expect(() => recordKey(undefined as never)).toThrow(/recordKey\(\) record/);
  });
});
