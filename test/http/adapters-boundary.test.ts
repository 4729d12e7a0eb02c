/**
 * The transport's promises seen through each remote adapter, against a real server on 127.0.0.1: a 2xx body
 * that cannot be what the endpoint returns is a MalformedResponseError naming the endpoint (never a raw
 * TypeError), and plain credentials are read once, in the shared auth option, or refused by name.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRequestTrackerAdapter } from '../../src/adapters/request-tracker/public.js';
import { createTrelloAdapter } from '../../src/adapters/trello/public.js';
import { createZendeskAdapter, MalformedResponseError, ValidationError } from '../../src/index.js';
import { closeAll, listen, reply } from './servers.js';

afterEach(closeAll);

const quick = { baseDelayMs: 1, maxRetries: 1 };
const CARD = 'a'.repeat(24);

/** Each adapter's ticket get and list. */
const adapters = {
  zendesk: (url: string) => {
    const a = createZendeskAdapter({ subdomain: 'acme', baseUrl: url, auth: { token: 't' }, retry: quick });
    return { get: () => a.tickets.get('1'), list: () => a.tickets.list() };
  },
  trello: (url: string) => {
    const a = createTrelloAdapter({ key: 'k', token: 't', boardId: 'b1', baseUrl: url, retry: quick });
    return { get: () => a.tickets.get(CARD), list: () => a.tickets.list() };
  },
  'request-tracker': (url: string) => {
    const a = createRequestTrackerAdapter({ baseUrl: url, auth: { token: 't' }, retry: quick });
    return { get: () => a.tickets.get('1'), list: () => a.tickets.list() };
  },
};

const first = async (list: AsyncIterable<unknown>) => {
  for await (const item of list) return item;
  return undefined;
};

describe('malformed success bodies through the adapters', () => {
  const bodies = [
    ['200 null', 'null'],
    ['HTML', '<html>Jane Customer says hi</html>'],
    ['an empty body', ''],
    ['invalid JSON', 'Jane Customer'],
    ['a number', '42'],
  ] as const;

  for (const [name, make] of Object.entries(adapters)) {
    it.each(bodies)(
      `${name}: %s on get and list is a MalformedResponseError naming the endpoint`,
      async (_label, body) => {
        const server = await listen((_req, res) => reply(res, 200, body, {}, true));
        const adapter = make(server.url);
        for (const call of [adapter.get, () => first(adapter.list())]) {
          const error = (await call().catch((e: Error) => e)) as MalformedResponseError;
          expect(error).toBeInstanceOf(MalformedResponseError);
          expect(error.message).toContain(`${name} GET ${server.url}`);
          expect(error.message).not.toMatch(/Jane/);
        }
      },
    );
  }

  it('an array where an object belongs (and the reverse) is refused by shape', async () => {
    const array = await listen((_req, res) => reply(res, 200, []));
    for (const make of [adapters.zendesk, adapters['request-tracker']]) {
      const error = await make(array.url)
        .get()
        .catch((e) => e);
      expect(error).toBeInstanceOf(MalformedResponseError);
      expect(error.reason).toBe('unexpected_shape');
    }
    // Trello lists cards as an array: an object there is as wrong.
    const object = await listen((_req, res) => reply(res, 200, { cards: [] }));
    const error = (await first(adapters.trello(object.url).list()).catch(
      (e: Error) => e,
    )) as MalformedResponseError;
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.message).toContain('/boards/b1/cards/all');
  });
});

describe('plain credentials', () => {
  it('are read where their meaning is clear, for every adapter', async () => {
    const server = await listen((_req, res) => reply(res, 200, {}));
    const zendesk = (auth: unknown) =>
      createZendeskAdapter({
        subdomain: 'acme',
        baseUrl: server.url,
        auth: auth as { token: string },
        retry: { maxRetries: 0 },
      })
        .tickets.get('1')
        .catch(() => undefined);
    await zendesk({ email: 'agent@acme.test', token: 'zt' });
    await zendesk({ token: 'oauth-access' });
    await createRequestTrackerAdapter({
      baseUrl: server.url,
      auth: { token: 'rt1' },
      retry: { maxRetries: 0 },
    })
      .tickets.get('1')
      .catch(() => undefined);
    await createRequestTrackerAdapter({
      baseUrl: server.url,
      auth: { username: 'root', password: 'pw' },
      retry: { maxRetries: 0 },
    })
      .tickets.get('1')
      .catch(() => undefined);
    expect(server.seen.map((r) => r.headers.authorization)).toEqual([
      `Basic ${Buffer.from('agent@acme.test/token:zt').toString('base64')}`,
      'Bearer oauth-access',
      'token rt1',
      `Basic ${Buffer.from('root:pw').toString('base64')}`,
    ]);
  });

  it('an adapter baseUrl with credentials in it is a ValidationError that does not echo them', () => {
    const baseUrl = 'https://admin:s3cr3t-pw@rt.example.org';
    for (const make of [
      () => createZendeskAdapter({ subdomain: 'acme', baseUrl, auth: { token: 't' } }),
      () => createRequestTrackerAdapter({ baseUrl, auth: { token: 't' } }),
      () => createTrelloAdapter({ key: 'k', token: 't', boardId: 'b1', baseUrl }),
    ]) {
      expect(make).toThrow(ValidationError);
      try {
        make();
      } catch (error) {
        expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toMatch(/s3cr3t|admin/);
      }
    }
  });

  it('anything else is a ValidationError naming the option at construction, never echoing it', () => {
    for (const auth of [
      { email: 'agent@acme.test', password: 'hunter2' },
      { token: '' },
      'hunter2',
      { headers: { authorization: 'hunter2' } },
    ]) {
      const make = () =>
        createZendeskAdapter({ subdomain: 'acme', auth: auth as unknown as { token: string } });
      expect(make).toThrow(ValidationError);
      try {
        make();
      } catch (error) {
        expect((error as ValidationError).issues[0]!.path).toEqual(['auth']);
        expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toMatch(/hunter2|agent@/);
      }
    }
  });
});
