import fc from 'fast-check';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { customStatusesProblem } from '../../../src/adapters/zendesk/custom-statuses.js';
import { ticketFromZendesk } from '../../../src/adapters/zendesk/public.js';
import { createRateLimiter } from '../../../src/http/index.js';
import { apiTokenAuth, createZendeskAdapter, ValidationError } from '../../../src/index.js';
import { expectOptionRefused } from '../refused-option.js';
import { BASE } from './fake.js';

/**
 * `customStatuses` (custom status id → category) is a Map or a plain record, in the adapter's options and in
 * `ticketFromZendesk`'s context alike; anything else is a ValidationError naming the option. The ids come from
 * whoever edits the helpdesk, so `__proto__`, `constructor` and `toString` are ids (and categories) like any other.
 */

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const token = 'zd-secret-token-5c2e';
const auth = apiTokenAuth({ email: 'agent@acme.test', token });
const wire = (customStatusId: string | number) => ({
  id: 5,
  status: 'open',
  custom_status_id: customStatusId,
  requester_id: 1,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
});

/** The status `tickets.get` gives for a ticket whose custom status is `customStatusId`, under `customStatuses`. */
async function adapterStatus(customStatuses: unknown, customStatusId: string | number): Promise<string> {
  server.use(
    http.get(`${BASE}/api/v2/tickets/5.json`, () => HttpResponse.json({ ticket: wire(customStatusId) })),
  );
  const zendesk = createZendeskAdapter({
    subdomain: 'acme',
    auth,
    rateLimiter: createRateLimiter(),
    customStatuses: customStatuses as never,
  });
  return (await zendesk.tickets.get('5')).status;
}

const mapperStatus = (customStatuses: unknown, customStatusId: string | number) =>
  ticketFromZendesk(wire(customStatusId) as never, { customStatuses: customStatuses as never }).status;

/** Forms that are neither a Map nor a plain record of strings. */
const WRONG: readonly [string, unknown][] = [
  ['an array of pairs', [['77', 'hold']]],
  ['a string', '77=hold'],
  ['null', null],
  ['a number', 77],
  ['a Set', new Set(['77'])],
  ['a Map with a number key', new Map([[77, 'hold']])],
  ['a Map with a number value', new Map([['77', 3]])],
  ['a record with a number value', { '77': 3 }],
  ['a record with an object value', { '77': { category: 'hold' } }],
  ['a class instance', new (class Statuses {})()],
  ['a Date', new Date()],
];

describe('customStatuses: a Map or a plain record, in both places', () => {
  it('the adapter maps a custom status given as a plain record', async () => {
    expect(await adapterStatus({ '77': 'hold' }, 77)).toBe('hold');
  });

  it('the adapter maps a custom status given as a Map', async () => {
    expect(await adapterStatus(new Map([['77', 'hold']]), 77)).toBe('hold');
  });

  it('ticketFromZendesk maps a custom status given as a Map', () => {
    expect(mapperStatus(new Map([['77', 'pending']]), 77)).toBe('pending');
  });

  it('ticketFromZendesk maps a custom status given as a plain record (a literal or JSON)', () => {
    expect(mapperStatus({ '77': 'pending' }, 77)).toBe('pending');
    expect(mapperStatus(JSON.parse('{"77":"solved"}'), '77')).toBe('solved');
    expect(mapperStatus(Object.assign(Object.create(null), { '77': 'hold' }), 77)).toBe('hold');
  });

  it('gives the same ticket for the record and the Map of the same entries (property)', () => {
    const category = fc.constantFrom('new', 'open', 'pending', 'hold', 'solved', 'Hold', 'unknown');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.oneof(fc.stringMatching(/^\d{1,6}$/), fc.string()), category), {
          selector: ([id]) => id,
          maxLength: 8,
        }),
        fc.oneof(fc.stringMatching(/^\d{1,6}$/), fc.constantFrom('__proto__', 'constructor', 'toString')),
        (entries, customStatusId) => {
          // A record built the way JSON.parse builds one: every key an own property, `__proto__` included.
          const record = JSON.parse(JSON.stringify(Object.fromEntries(entries))) as Record<string, string>;
          for (const [id] of entries) expect(Object.hasOwn(record, id)).toBe(true);
          const viaMap = ticketFromZendesk(wire(customStatusId) as never, {
            customStatuses: new Map(entries),
          });
          const viaRecord = ticketFromZendesk(wire(customStatusId) as never, { customStatuses: record });
          expect(viaRecord).toEqual(viaMap);
          const known = new Map(entries).get(customStatusId);
          const expected =
            known && ['new', 'open', 'pending', 'hold', 'solved'].includes(known) ? known : 'open';
          expect(viaMap.status).toBe(expected);
        },
      ),
    );
  });

  it('reads a record from data safely: __proto__, constructor and toString are custom status ids', async () => {
    const record = JSON.parse('{"__proto__":"hold","constructor":"pending","toString":"solved"}');
    expect(mapperStatus(record, '__proto__')).toBe('hold');
    expect(mapperStatus(record, 'constructor')).toBe('pending');
    expect(mapperStatus(record, 'toString')).toBe('solved');
    expect(await adapterStatus(record, '__proto__')).toBe('hold');
    // An inherited property is no custom status: the ticket keeps its plain status.
    expect(mapperStatus({ '77': 'hold' }, 'toString')).toBe('open');
    expect(await adapterStatus({ '77': 'hold' }, 'constructor')).toBe('open');
  });

  it('ignores a category that is not one of the five, even one named like an Object property', () => {
    for (const category of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'closed', 'Pending'])
      expect(mapperStatus(new Map([['77', category]]), 77), category).toBe('open');
  });

  it('keeps the adapter’s statuses when the caller changes their Map afterwards', async () => {
    const statuses = new Map([['77', 'hold']]);
    server.use(http.get(`${BASE}/api/v2/tickets/5.json`, () => HttpResponse.json({ ticket: wire(77) })));
    const zendesk = createZendeskAdapter({
      subdomain: 'acme',
      auth,
      rateLimiter: createRateLimiter(),
      customStatuses: statuses,
    });
    statuses.set('77', 'solved');
    expect((await zendesk.tickets.get('5')).status).toBe('hold');
  });
});

describe('customStatuses that are neither: a ValidationError naming the option', () => {
  it('createZendeskAdapter refuses each with an issue at customStatuses, quoting nothing', () => {
    for (const [what, value] of WRONG) {
      expectOptionRefused(
        () => createZendeskAdapter({ subdomain: 'acme', auth, customStatuses: value as never }),
        'customStatuses',
        token,
      );
      try {
        createZendeskAdapter({ subdomain: 'acme', auth, customStatuses: value as never });
      } catch (error) {
        expect((error as ValidationError).message, what).toMatch(
          /createZendeskAdapter options[\s\S]*customStatuses: expected a Map or a plain object/,
        );
      }
    }
  });

  it('ticketFromZendesk refuses each with an issue at context.customStatuses', () => {
    for (const [what, value] of WRONG) {
      let error: unknown;
      try {
        ticketFromZendesk(wire(77) as never, { customStatuses: value as never });
      } catch (e) {
        error = e;
      }
      expect(error, what).toBeInstanceOf(ValidationError);
      const { issues, message } = error as ValidationError;
      expect(
        issues.map((i) => i.path.join('.')),
        what,
      ).toEqual(['context.customStatuses']);
      expect(message, what).toContain('ticketFromZendesk() arguments');
      expect(message, what).not.toContain('77=hold');
    }
  });

  it('customStatusesProblem accepts exactly Maps and plain records of strings', () => {
    expect(customStatusesProblem(undefined)).toBeUndefined();
    expect(customStatusesProblem(new Map())).toBeUndefined();
    expect(customStatusesProblem({})).toBeUndefined();
    for (const [what, value] of WRONG) expect(customStatusesProblem(value), what).toBeDefined();
  });
});
