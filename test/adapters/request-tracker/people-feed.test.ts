/**
 * The people and queues of the Request Tracker change feed, against responses recorded on a stock RT (fake-rt.ts):
 * newest change first, one page a batch, a run that stops at the first record it delivered before, the last
 * seconds read again, and checkpoints of every form resumed.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { positionOf } from '../../../src/adapters/request-tracker/feed-position.js';
import { createRequestTrackerAdapter } from '../../../src/adapters/request-tracker/index.js';
import { createRateLimiter } from '../../../src/http/index.js';
import {
  type Agent,
  type ChangeBatch,
  type Checkpoint,
  type Customer,
  type DatasetRecord,
  type Group,
  tokenAuth,
  ValidationError,
} from '../../../src/index.js';
import { fakeRt, recorded } from './fake-rt.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const rt = (pageSize = 2) =>
  createRequestTrackerAdapter({
    baseUrl: 'https://rt.example.test',
    auth: tokenAuth('t'),
    pageSize,
    rateLimiter: createRateLimiter(),
    retry: { maxRetries: 0 },
  });
const run = async (checkpoint: Checkpoint | null, pageSize = 2) => {
  const batches: ChangeBatch[] = [];
  for await (const batch of rt(pageSize).changes(checkpoint)) batches.push(batch);
  return batches;
};
const ids = (records: DatasetRecord[]) =>
  records.map((r) => `${r.kind}:${(r.value as Customer | Agent | Group).id}`);
const seconds = (iso: string) => Date.parse(iso) / 1000;
const users = recorded('users-by-change').items as { id: number; Name: string; LastUpdated: string }[];

describe('people and queues in the Request Tracker change feed (recorded responses)', () => {
  it('delivers every person and queue of a first run once, newest change first, one page a batch', async () => {
    const fake = fakeRt(server);
    const batches = await run(null);
    expect(batches.map((b) => [ids(b.records), b.caughtUp])).toEqual([
      // users page 1 and 2; page 3 holds RT's own two users only: no batch of its own
      [['customers:marta.bianchi@example.it', 'customers:giulia.rossi@example.it'], false],
      [['agents:luca', 'agents:root'], false],
      // queues: RT's internal approvals queue is no group
      [['groups:3'], false],
      [['groups:1'], true],
    ]);
    const marta = batches[0]!.records[0]!.value as Customer;
    expect(marta).toMatchObject({ active: false, deleted: true });
    // Each user read on its own (only that says privileged and disabled), each once.
    const reads = fake.seen.filter((r) => r.path.startsWith('/user/')).map((r) => r.path);
    expect(reads).toEqual(users.map((u) => `/user/${u.id}`));
    const pages = fake.seen.filter((r) => r.path === '/users').map((r) => r.query.get('page'));
    expect(pages).toEqual(['1', '2', '3']);
    expect(fake.seen.find((r) => r.path === '/users')!.query.getAll('orderby')).toEqual([
      'LastUpdated',
      'id',
    ]);
    // The next run starts after the newest change: marta, changed last (same second as giulia, higher number).
    expect(positionOf(batches.at(-1)!.checkpoint).users).toEqual({
      since: [seconds(users[0]!.LastUpdated), 29],
      scan: null,
    });
  });

  it('reads one page of each, and no user, when nothing changed since the last run', async () => {
    fakeRt(server);
    const last = (await run(null)).at(-1)!.checkpoint;
    const fake = fakeRt(server);
    const again = await run(last);
    expect(again).toEqual([{ records: [], checkpoint: last, caughtUp: true }]);
    expect(fake.seen.map((r) => `${r.method} ${r.path} ${r.query.get('page') ?? ''}`)).toEqual([
      'POST /transactions 1',
      'POST /users 1',
      'GET /queues/all 1',
    ]);
  });

  it('goes on with the next page after a checkpoint taken between pages, and ends as an uninterrupted run', async () => {
    fakeRt(server);
    const whole = await run(null);
    for (const [index, batch] of whole.entries()) {
      const fake = fakeRt(server);
      const rest = await run(batch.checkpoint);
      expect([...whole.slice(0, index + 1), ...rest].flatMap((b) => b.records)).toEqual(
        whole.flatMap((b) => b.records),
      );
      if (index === 0) expect(fake.seen.find((r) => r.path === '/users')!.query.get('page')).toBe('2');
    }
  });

  it("reads the last seconds again next run when the server's clock says they may still change", async () => {
    const fake = fakeRt(server);
    // The server answers in the second marta and giulia changed: a change later in it may still come.
    fake.clock = new Date(users[0]!.LastUpdated);
    const last = (await run(null)).at(-1)!.checkpoint;
    const since = positionOf(last).users.since!;
    expect(since).toEqual([seconds(users[0]!.LastUpdated) - 2, 0]);
    const again = (await run(last)).flatMap((b) => b.records);
    // luca changed a second before them: inside the two seconds read again; root long before.
    expect(ids(again).filter((id) => !id.startsWith('groups'))).toEqual([
      'customers:marta.bianchi@example.it',
      'customers:giulia.rossi@example.it',
      'agents:luca',
    ]);
  });

  it('resumes a checkpoint of the previous version (a bare transaction id) there, with people from the beginning', async () => {
    const fake = fakeRt(server);
    const records = (await run({ adapter: 'request-tracker', cursor: '812' })).flatMap((b) => b.records);
    expect(fake.transactionsAfter).toEqual([812]);
    expect(ids(records)).toEqual([
      'customers:marta.bianchi@example.it',
      'customers:giulia.rossi@example.it',
      'agents:luca',
      'agents:root',
      'groups:3',
      'groups:1',
    ]);
  });

  it('refuses a checkpoint it never wrote, naming the cursor and not quoting it', async () => {
    fakeRt(server);
    for (const cursor of [
      '{"tickets":1}',
      '{"tickets":-1,"users":{"since":null,"scan":null},"groups":{"since":null,"scan":null}}',
      '{"tickets":1,"users":{"since":[1,2,3],"scan":null},"groups":{"since":null,"scan":null}}',
      '{"tickets":1,"users":{"since":null,"scan":{"next":null,"pages":0}},"groups":{"since":null,"scan":null}}',
      'Mario Rossi',
    ]) {
      const error = await run({ adapter: 'request-tracker', cursor }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]!.path).toEqual(['cursor']);
      expect(String(error)).not.toContain('Mario');
    }
  });

  it('leaves people out, and keeps their position, for an API user RT shows only summaries (no AdminUsers)', async () => {
    const fake = fakeRt(server);
    fake.userBody = () => recorded('user-summary-customer');
    const batches = await run(null);
    expect(ids(batches.flatMap((b) => b.records))).toEqual(['groups:3', 'groups:1']);
    expect(positionOf(batches.at(-1)!.checkpoint).users).toEqual({ since: null, scan: null });
  });
});
