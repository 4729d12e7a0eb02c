/**
 * The contract suite against a real Request Tracker 5 (scripts/rt-server.sh start). Where RT is not running the
 * suite is skipped with a loud message — except in CI, where it must run and a missing server fails.
 */
import { describe, expect, it, vi } from 'vitest';
import { createRequestTrackerAdapter } from '../../src/adapters/request-tracker/index.js';
import { AuthenticationError, basicAuth, type DatasetRecord, tokenAuth } from '../../src/index.js';
import { callbackSink, sync } from '../../src/sync/index.js';
import { runContractSuite, seed } from '../contract/contract-suite.js';
import { expectStoryMetrics, storyDataset } from '../contract/scenario.js';
import { RT_URL, rtAuthToken, rtAvailable, seedRt } from './rt.js';

const available = await rtAvailable();
if (!available) {
  const message = `Request Tracker is not answering at ${RT_URL}: run scripts/rt-server.sh start (needs request-tracker5, rt5-db-sqlite, rt5-standalone)`;
  if (process.env.CI) throw new Error(`${message}. CI must run the live RT tests.`);
  console.warn(`\n*** SKIPPED: ${message} ***\n`);
}

if (available) {
  // A real server, seeded afresh for every test: each takes seconds, not milliseconds.
  vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });
  runContractSuite('request-tracker', async () => {
    const { queue, ids } = await seedRt(seed);
    return {
      adapter: createRequestTrackerAdapter({
        baseUrl: RT_URL,
        auth: basicAuth({ username: 'root', password: 'password' }),
        queues: [queue],
        pageSize: 20,
      }),
      id: (seedId: string) => {
        const id = ids.get(seedId);
        if (id === undefined) throw new Error(`the RT seed has no record for seed id ${seedId}`);
        return id;
      },
    };
  });

  describe('Request Tracker specifics, live', () => {
    const rootAuth = () => basicAuth({ username: 'root', password: 'password' });

    it('authenticates with an RT auth token (Authorization: token …), and never shows it in an error', async () => {
      const token = rtAuthToken();
      const groups = [];
      for await (const g of createRequestTrackerAdapter({
        baseUrl: RT_URL,
        auth: tokenAuth(token),
      }).groups.list())
        groups.push(g.name);
      expect(groups).toContain('General');
      const bad = `${token.slice(0, -4)}0000`;
      const error = await createRequestTrackerAdapter({ baseUrl: RT_URL, auth: tokenAuth(bad) })
        .tickets.get('1')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(JSON.stringify([String(error), (error as Error).stack])).not.toContain(bad);
    });

    it('sets the owner, records it as an assignee change, and refuses what RT will not apply', async () => {
      const { queue, ids } = await seedRt(seed);
      const rt = createRequestTrackerAdapter({ baseUrl: RT_URL, auth: rootAuth(), queues: [queue] });
      const ticketId = ids.get('101')!;
      expect((await rt.tickets.update(ticketId, { assigneeId: ids.get('301')! })).assigneeId).toBe('marco');
      const events = [];
      for await (const e of rt.tickets.listEvents(ticketId)) events.push([e.type, e.from, e.to]);
      expect(events).toContainEqual(['assignee', null, 'marco']);
      // A customer may not own tickets: RT answers 200 and does nothing; the adapter says so.
      await expect(rt.tickets.update(ticketId, { assigneeId: ids.get('201')! })).rejects.toMatchObject({
        code: 'change_refused',
      });
    });
  });

  describe('metrics on tickets synced from Request Tracker', () => {
    it('gives first reply and resolution times worked out by hand', async () => {
      const { queue, ids } = await seedRt(storyDataset({ requesterId: 'c', withCustomer: true }));
      const records: DatasetRecord[] = [];
      await sync(
        createRequestTrackerAdapter({
          baseUrl: RT_URL,
          auth: basicAuth({ username: 'root', password: 'password' }),
          queues: [queue],
        }),
        { sink: callbackSink((batch) => void records.push(...batch)) },
      );
      expect(expectStoryMetrics(records).id).toBe(ids.get('t'));
    });
  });
} else {
  describe.skip('contract: request-tracker (Request Tracker not running)', () => {
    it('needs scripts/rt-server.sh start', () => undefined);
  });
}
