/**
 * The live suite for one real Request Tracker 5 on loopback (scripts/rt-server.sh): the contract suite and RT's
 * specifics. Each server has its own test file (request-tracker-stock, request-tracker-variant), so the two run
 * side by side. Where a server is not running its tests are skipped with a loud message — except in CI, where
 * both must run and a missing server fails.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import {
  checkpointAt,
  type FeedPosition,
  positionOf,
} from '../../src/adapters/request-tracker/feed-position.js';
import { createRequestTrackerAdapter } from '../../src/adapters/request-tracker/index.js';
import {
  type Agent,
  AuthenticationError,
  basicAuth,
  type Checkpoint,
  type Customer,
  createEventBus,
  type DatasetRecord,
  firstReplyTime,
  type Group,
  type HelpdeskAdapter,
  type Message,
  type Ticket,
  tokenAuth,
} from '../../src/index.js';
import {
  callbackSink,
  checkpointFile,
  jsonlFileSink,
  OutputLockedError,
  readJsonlRecords,
  recordKey,
  sync,
} from '../../src/sync/index.js';
import { runContractSuite, seed } from '../contract/contract-suite.js';
import { expectStoryMetrics, storyDataset } from '../contract/scenario.js';
import { agentLogin, type RtServer, rest, rtAuthToken, rtAvailable, seedRt } from './rt.js';

const rootAuth = () => basicAuth({ username: 'root', password: 'password' });
const adapterFor = (server: RtServer, queue?: string) =>
  createRequestTrackerAdapter({
    baseUrl: server.url,
    auth: rootAuth(),
    ...(queue ? { queues: [queue] } : {}),
    pageSize: 20,
  });
const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

/** One run of the change feed from a checkpoint: its records, and the checkpoint it ended at. */
async function feed(adapter: HelpdeskAdapter, from: Checkpoint | null) {
  const records: DatasetRecord[] = [];
  let checkpoint = from;
  for await (const batch of adapter.changes(from)) {
    records.push(...batch.records);
    checkpoint = batch.checkpoint;
  }
  return { records, checkpoint: checkpoint! };
}
const valuesOf = <T extends { id: string }>(records: DatasetRecord[], kind: string, id?: string) =>
  records
    .filter((r) => r.kind === kind)
    .map((r) => r.value as unknown as T)
    .filter((v) => !id || v.id === id);
const peopleKeys = (records: DatasetRecord[]) =>
  records
    .filter((r) => r.kind === 'customers' || r.kind === 'agents')
    .map(recordKey)
    .sort();
let made = 0;
const unique = (what: string) => `${what}-${process.pid}-${Date.now()}-${++made}`;
/** RT times users to the second: a change in the next one is a new version of the user. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1050 - (Date.now() % 1000)));

/** The kill-and-resume test's child: a sync that SIGKILLs itself between two pages of users. */
const CHILD = fileURLToPath(new URL('./rt-sync-child.ts', import.meta.url));
// tsx's loader by path, as test/cli/sync.test.ts runs the CLI.
const TSX = pathToFileURL(
  fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url)),
).href;
const runChild = (args: string[]) =>
  new Promise<NodeJS.Signals | number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, CHILD, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      signal ? resolve(signal) : code === 0 ? resolve(0) : reject(new Error(stderr)),
    );
  });

/** A JSONL sink on a file a killed process left locked: taken over once its lock is stale (2 s here). */
async function takeOver(path: string) {
  for (let tries = 0; ; tries++) {
    try {
      return jsonlFileSink(path, { lockStaleMs: 2000 });
    } catch (error) {
      if (!(error instanceof OutputLockedError) || tries > 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** What differs between the servers: how to start one, and what it has beyond RT's own defaults. */
export interface LiveRt {
  server: RtServer;
  start: string;
  /** A ticket custom field for tags. */
  tags: boolean;
  /** Privileged users may own tickets (stock RT grants OwnTicket to no one: only the superuser owns). */
  ownerRights: boolean;
}

/** Runs the live suite against one server. */
export async function liveRtSuite({ server, start, tags, ownerRights }: LiveRt) {
  const available = await rtAvailable(server);
  if (!available) {
    const message = `Request Tracker (${server.label}) is not answering at ${server.url}: run ${start} (needs request-tracker5, rt5-db-sqlite, rt5-standalone)`;
    if (process.env.CI) throw new Error(`${message}. CI must run the live RT tests.`);
    console.warn(`\n*** SKIPPED: ${message} ***\n`);
    describe.skip(`contract: request-tracker, ${server.label} (not running)`, () => {
      it(`needs ${start}`, () => undefined);
    });
    return;
  }

  // A real server, seeded afresh for every test: each takes seconds, not milliseconds.
  vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });
  describe(`Request Tracker, ${server.label}`, () => {
    runContractSuite('request-tracker', async () => {
      const { queue, ids } = await seedRt(server, seed);
      return {
        adapter: adapterFor(server, queue),
        id: (seedId: string) => {
          const id = ids.get(seedId);
          if (id === undefined) throw new Error(`the RT seed has no record for seed id ${seedId}`);
          return id;
        },
        tags,
      };
    });

    it('authenticates with an RT auth token (Authorization: token …), and never shows it in an error', async () => {
      const token = rtAuthToken(server);
      const groups = [];
      for await (const g of createRequestTrackerAdapter({
        baseUrl: server.url,
        auth: tokenAuth(token),
      }).groups.list())
        groups.push(g.name);
      expect(groups).toContain('General');
      const bad = `${token.slice(0, -4)}0000`;
      const error = await createRequestTrackerAdapter({ baseUrl: server.url, auth: tokenAuth(bad) })
        .tickets.get('1')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(JSON.stringify([String(error), (error as Error).stack])).not.toContain(bad);
    });

    it('tells agents from customers by their own Privileged flag, in messages, the change feed and agents.list()', async () => {
      const { queue, ids } = await seedRt(server, seed);
      const rt = adapterFor(server, queue);
      const roles = (messages: Message[]) => messages.map((m) => [m.authorId, m.authorRole, m.body]);
      const expected = [
        [ids.get('201'), 'end-user', 'Help'],
        [ids.get('301'), 'agent', 'On it'],
      ];
      expect(roles(await collect(rt.tickets.listMessages(ids.get('100')!)))).toEqual(expected);
      const records: DatasetRecord[] = [];
      for await (const batch of adapterFor(server, queue).changes(null)) records.push(...batch.records);
      const fed = records.filter((r) => r.kind === 'messages').map((r) => r.value as Message);
      expect(roles(fed.filter((m) => m.ticketId === ids.get('100')))).toEqual(expected);
      // The first reply is the agent's, 5 minutes after the customer's message.
      const ticket = records.find((r) => r.kind === 'tickets' && r.value.id === ids.get('100'))!.value;
      expect(firstReplyTime(ticket as Ticket, fed)?.calendarMinutes).toBe(5);
      const agents = (await collect(rt.agents.list())).map((a) => a.id);
      expect(agents).toEqual(expect.arrayContaining(['root', ids.get('301')]));
      expect(agents).not.toContain(ids.get('201'));
      expect(agents).not.toContain('RT_System');
      expect((await rt.agents.get(ids.get('301')!)).name).toBe('Marco');
      await expect(rt.agents.get(ids.get('201')!)).rejects.toMatchObject({ name: 'NotFoundError' });
    });

    it('sets the owner, names it in the change as the ticket does, and refuses what RT will not apply', async () => {
      const { queue, ids } = await seedRt(server, seed);
      const rt = adapterFor(server, queue);
      const ticketId = ids.get('101')!;
      // The superuser may own any ticket, on any RT.
      expect((await rt.tickets.update(ticketId, { assigneeId: 'root' })).assigneeId).toBe('root');
      let events = (await collect(rt.tickets.listEvents(ticketId))).map((e) => [e.type, e.from, e.to]);
      expect(events).toContainEqual(['assignee', null, 'root']);
      // A privileged user may own tickets only where a right says so (the variant grants OwnTicket).
      const marco = rt.tickets.update(ticketId, { assigneeId: ids.get('301')! });
      if (ownerRights) {
        expect((await marco).assigneeId).toBe('marco');
        events = (await collect(rt.tickets.listEvents(ticketId))).map((e) => [e.type, e.from, e.to]);
        expect(events).toContainEqual(['assignee', 'root', 'marco']);
      } else await expect(marco).rejects.toMatchObject({ code: 'change_refused', fields: ['assigneeId'] });
      // A customer may not own tickets: RT answers 200 and does nothing; the adapter says so.
      await expect(rt.tickets.update(ticketId, { assigneeId: ids.get('201')! })).rejects.toMatchObject({
        code: 'change_refused',
      });
    });

    it('works for an agent without AdminUsers, who sees only a summary of each user', async () => {
      const { queue, ids } = await seedRt(server, seed);
      const rt = createRequestTrackerAdapter({
        baseUrl: server.url,
        auth: basicAuth(await agentLogin(server)),
        queues: [queue],
      });
      const ada = await rt.customers.get(ids.get('201')!);
      expect(ada).toMatchObject({ id: ids.get('201'), name: 'Ada' });
      // A summary has no creation time: the card is dated by Ada's oldest ticket this agent may see (the variant
      // lets it see tickets), else by the read — never RT's "not set", 1970.
      const oldest = Math.min(
        ...seed.tickets.filter((t) => t.requesterId === '201').map((t) => +t.createdAt),
      );
      if (ownerRights) expect(ada.createdAt).toEqual(new Date(oldest));
      else expect(Math.abs(ada.createdAt.getTime() - Date.now())).toBeLessThan(120_000);
      expect((await rt.agents.get(ids.get('301')!)).name).toBe('Marco');
      await expect(rt.agents.get(ids.get('201')!)).rejects.toMatchObject({ name: 'NotFoundError' });
      // Where privileged users may see tickets (the variant's rights; stock RT grants them nothing), roles hold.
      if (ownerRights)
        expect(
          (await collect(rt.tickets.listMessages(ids.get('100')!))).map((m) => [m.authorId, m.authorRole]),
        ).toEqual([
          [ids.get('201'), 'end-user'],
          [ids.get('301'), 'agent'],
        ]);
    });

    it('keeps tags as RT does, a set: a repeated tag is no refusal', async () => {
      const { queue, ids } = await seedRt(server, seed);
      const rt = adapterFor(server, queue);
      const input = { subject: 'Twice', requesterId: ids.get('201')!, tags: ['vip', 'vip'] };
      if (!tags) {
        await expect(rt.tickets.create(input)).rejects.toMatchObject({ name: 'UnsupportedError' });
        return;
      }
      const created = await rt.tickets.create(input, { idempotencyKey: 'twice' });
      expect(created.tags).toEqual(['vip']);
      expect((await rt.tickets.update(created.id, { tags: ['a', 'a', 'b'] })).tags.sort()).toEqual([
        'a',
        'b',
      ]);
    });

    it('writes a message without an author as the API user, an agent', async () => {
      const { queue, ids } = await seedRt(server, seed);
      const added = await adapterFor(server, queue).tickets.addMessage(ids.get('102')!, {
        public: true,
        body: 'Ciao,\nci pensiamo noi.',
      });
      expect(added).toMatchObject({ authorId: 'root', authorRole: 'agent', body: 'Ciao,\nci pensiamo noi.' });
    });

    describe('people in the change feed', () => {
      /**
       * Where the people of this server stand once a feed has read them all: a test's feed starts there (its own
       * queue's tickets from the beginning) and reads only the people changed since, one page when few did. Each
       * user costs a read of its own (only that says privileged and disabled), so a run from the beginning reads
       * every user this server ever had.
       */
      let read: Pick<FeedPosition, 'users' | 'groups'> | undefined;
      const startFor = async (queue: string): Promise<Checkpoint> => {
        read ??= positionOf((await feed(adapterFor(server, queue), null)).checkpoint);
        return checkpointAt({ tickets: null, ...read });
      };

      it('brings a customer with every identity, again when changed, and as deleted when disabled', async () => {
        const { queue } = await seedRt(server, seed);
        const rt = adapterFor(server, queue);
        const start = await startFor(queue);
        const email = `${unique('bea')}@example.com`;
        await rest(server, 'POST', '/user', {
          Name: email,
          EmailAddress: email,
          RealName: 'Bea',
          MobilePhone: '+39 347 123 4567',
          WorkPhone: '06 1234 5678',
          Privileged: 0,
        });
        const first = await feed(rt, start);
        const [created] = valuesOf<Customer>(first.records, 'customers', email);
        expect(created!.identities).toEqual([
          { kind: 'email', value: email, primary: true },
          { kind: 'phone', value: '+393471234567', primary: false },
          { kind: 'handle', channel: 'phone', value: '06 1234 5678', primary: false },
          { kind: 'external', adapter: 'request-tracker', value: email, primary: false },
        ]);
        expect(created).toMatchObject({ name: 'Bea', active: true, deleted: false });
        expect(created!.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
        await nextSecond();
        await rt.customers.update(email, { name: 'Beatrice' });
        const second = await feed(rt, first.checkpoint);
        const [changed] = valuesOf<Customer>(second.records, 'customers', email);
        expect(changed).toMatchObject({ name: 'Beatrice', createdAt: created!.createdAt });
        expect(changed!.updatedAt!.getTime()).toBeGreaterThan(created!.updatedAt!.getTime());
        await nextSecond();
        await rest(server, 'PUT', `/user/${encodeURIComponent(email)}`, { Disabled: 1 });
        const [disabled] = valuesOf<Customer>(
          (await feed(rt, second.checkpoint)).records,
          'customers',
          email,
        );
        expect(disabled).toMatchObject({ name: 'Beatrice', active: false, deleted: true });
      });

      it('brings a user made privileged as an agent, and queues as groups (every queue, as groups.list(), in a feed scoped to one)', async () => {
        const { queue } = await seedRt(server, seed);
        const rt = adapterFor(server, queue);
        const start = await startFor(queue);
        const name = unique('luca');
        await rest(server, 'POST', '/user', { Name: name, RealName: 'Luca', Privileged: 0 });
        await rest(server, 'PUT', `/queue/${encodeURIComponent(queue)}`, {
          Description: 'Fatture e rimborsi',
        });
        const other = unique('queue');
        await rest(server, 'POST', '/queue', { Name: other });
        const after = await feed(rt, start);
        expect(valuesOf<Customer>(after.records, 'customers', name)).toHaveLength(1);
        const groups = valuesOf<Group>(after.records, 'groups');
        expect(groups.map((g) => [g.name, g.description ?? null])).toEqual(
          expect.arrayContaining([
            [queue, 'Fatture e rimborsi'],
            [other, null],
          ]),
        );
        expect(groups.find((g) => g.name === queue)!.updatedAt!.getTime()).toBeGreaterThan(
          Date.now() - 60_000,
        );
        await nextSecond();
        await rest(server, 'PUT', `/user/${encodeURIComponent(name)}`, { Privileged: 1 });
        const later = await feed(rt, after.checkpoint);
        expect(valuesOf<Agent>(later.records, 'agents', name)).toEqual([
          expect.objectContaining({ id: name, name: 'Luca', active: true }),
        ]);
        expect(valuesOf<Customer>(later.records, 'customers', name)).toEqual([]);
      });

      it('reads back a note added through customers.addNote, after what RT already had in Comments, in the card and the feed', async () => {
        const { queue, ids } = await seedRt(server, seed);
        const rt = adapterFor(server, queue);
        const ada = ids.get('201')!;
        await rest(server, 'PUT', `/user/${encodeURIComponent(ada)}`, { Comments: 'Typed in RT: VIP.' });
        const start = await startFor(queue);
        const note = await rt.customers.addNote(ada, {
          authorId: ids.get('301')!,
          authorName: 'Marco',
          body: 'Call back after 5 pm',
          at: new Date(),
        });
        expect((await rt.customers.get(ada)).notes).toEqual([note]);
        const raw = await rest<{ Comments: string }>(server, 'GET', `/user/${encodeURIComponent(ada)}`);
        expect(raw.Comments).toMatch(
          /^Typed in RT: VIP\.\n\n── note n1 · [^\n]+ · by marco · Marco\nCall back after 5 pm$/,
        );
        const fed = valuesOf<Customer>((await feed(rt, start)).records, 'customers', ada);
        expect(fed.at(-1)!.notes).toEqual([note]);
        // RT shows and lets change Comments only with AdminUsers: an agent without it is refused, nothing written.
        const agent = createRequestTrackerAdapter({
          baseUrl: server.url,
          auth: basicAuth(await agentLogin(server)),
        });
        await expect(
          agent.customers.addNote(ada, { authorId: 'marco', body: 'Not written', at: new Date() }),
        ).rejects.toMatchObject({ name: 'ChangeRefusedError', fields: ['notes'] });
        expect(
          (await rest<{ Comments: string }>(server, 'GET', `/user/${encodeURIComponent(ada)}`)).Comments,
        ).toBe(raw.Comments);
      });

      it('killed (SIGKILL) between two pages of users and resumed with sync() and jsonlFileSink, writes each person version exactly once', async () => {
        const { queue } = await seedRt(server, seed);
        const start = await startFor(queue);
        // More people than two pages of 5 hold.
        const made: string[] = [];
        for (let i = 0; i < 11; i++) {
          made.push(unique('kill'));
          await rest(server, 'POST', '/user', { Name: made.at(-1), Privileged: 0 });
        }
        const dir = mkdtempSync(join(tmpdir(), 'supportkit-rt-kill-'));
        try {
          const out = join(dir, 'changes.jsonl');
          const saved = checkpointFile(join(dir, 'checkpoint.json'));
          saved.save(start);
          expect(await runChild([server.url, queue, out, saved.path, '5'])).toBe('SIGKILL');
          const killedAt = saved.load()!;
          expect(positionOf(killedAt).users.scan).not.toBeNull();
          const sink = await takeOver(out);
          const rt = createRequestTrackerAdapter({
            baseUrl: server.url,
            auth: rootAuth(),
            queues: [queue],
            pageSize: 5,
          });
          try {
            await sync(rt, { sink, checkpoint: killedAt, onCheckpoint: saved.save });
          } finally {
            await sink.close();
          }
          const written = (await collect(readJsonlRecords(out))).flat();
          const keys = written.map(recordKey);
          expect(new Set(keys).size).toBe(keys.length);
          expect(valuesOf<Customer>(written, 'customers').filter((c) => made.includes(c.id))).toHaveLength(
            11,
          );
          // The same person versions as a run from the same start that was never killed.
          const whole: DatasetRecord[] = [];
          await sync(rt, { sink: callbackSink((records) => void whole.push(...records)), checkpoint: start });
          expect(peopleKeys(written)).toEqual(peopleKeys(whole));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });

      it('resumes a checkpoint of the previous version (a bare transaction id): tickets from there, every person from the beginning', async () => {
        const { queue } = await seedRt(server, seed);
        const rt = adapterFor(server, queue);
        const tickets = positionOf((await feed(rt, await startFor(queue))).checkpoint).tickets!;
        const resumed = await feed(rt, { adapter: 'request-tracker', cursor: String(tickets) });
        expect(resumed.records.filter((r) => r.kind === 'tickets')).toEqual([]);
        expect(positionOf(resumed.checkpoint).tickets).toBe(tickets);
        // Every user RT has (disabled ones too), but RT's own two.
        const users = await rest<{ total: number }>(
          server,
          'POST',
          '/users?find_disabled_rows=1&per_page=1',
          [],
        );
        const people = resumed.records.filter((r) => r.kind === 'customers' || r.kind === 'agents');
        expect(new Set(people.map((r) => r.value.id)).size).toBe(users.total - 2);
      });
    });

    it('reads the parts of a page of transactions with one search of their own, however many RT holds', async () => {
      const { queue } = await seedRt(server, seed);
      const bus = createEventBus();
      let searches = 0;
      bus.on('http.request', (event) => {
        if (new URL(event.url).pathname.endsWith('/attachments')) searches++;
      });
      const rt = createRequestTrackerAdapter({
        baseUrl: server.url,
        auth: rootAuth(),
        queues: [queue],
        pageSize: 100,
        bus,
      });
      const records = (await feed(rt, null)).records;
      // The seed's messages, from one page of transactions and one page of their parts (RT holds far more parts).
      expect(records.filter((r) => r.kind === 'messages').length).toBeGreaterThanOrEqual(2);
      expect(searches).toBe(1);
    });

    it('gives first reply and resolution times worked out by hand, from tickets synced from it', async () => {
      const { queue, ids } = await seedRt(server, storyDataset({ requesterId: 'c', withCustomer: true }));
      const records: DatasetRecord[] = [];
      await sync(adapterFor(server, queue), { sink: callbackSink((batch) => void records.push(...batch)) });
      expect(expectStoryMetrics(records).id).toBe(ids.get('t'));
    });
  });
}
