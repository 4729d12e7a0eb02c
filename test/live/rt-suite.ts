/**
 * The live suite for one real Request Tracker 5 on loopback (scripts/rt-server.sh): the contract suite and RT's
 * specifics. Each server has its own test file (request-tracker-stock, request-tracker-variant), so the two run
 * side by side. Where a server is not running its tests are skipped with a loud message — except in CI, where
 * both must run and a missing server fails.
 */
import { describe, expect, it, vi } from 'vitest';
import { createRequestTrackerAdapter } from '../../src/adapters/request-tracker/index.js';
import {
  AuthenticationError,
  basicAuth,
  type DatasetRecord,
  firstReplyTime,
  type Message,
  type Ticket,
  tokenAuth,
} from '../../src/index.js';
import { callbackSink, sync } from '../../src/sync/index.js';
import { runContractSuite, seed } from '../contract/contract-suite.js';
import { expectStoryMetrics, storyDataset } from '../contract/scenario.js';
import { agentLogin, type RtServer, rtAuthToken, rtAvailable, seedRt } from './rt.js';

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
      expect(await rt.customers.get(ids.get('201')!)).toMatchObject({ id: ids.get('201'), name: 'Ada' });
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

    it('gives first reply and resolution times worked out by hand, from tickets synced from it', async () => {
      const { queue, ids } = await seedRt(server, storyDataset({ requesterId: 'c', withCustomer: true }));
      const records: DatasetRecord[] = [];
      await sync(adapterFor(server, queue), { sink: callbackSink((batch) => void records.push(...batch)) });
      expect(expectStoryMetrics(records).id).toBe(ids.get('t'));
    });
  });
}
