/**
 * SLA policies through the Zendesk adapter, on the examples of the vendor's OpenAPI description (copied into
 * test/fixtures): conditions arrive mapped, and the first matching policy by position is the one that applies.
 */
import { readFileSync } from 'node:fs';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/http/index.js';
import {
  apiTokenAuth,
  createZendeskAdapter,
  parseTicket,
  selectSlaPolicy,
  ValidationError,
} from '../../../src/index.js';
import { BASE } from './fake.js';

const fixtures = JSON.parse(
  readFileSync(new URL('../../fixtures/zendesk-sla-policies.json', import.meta.url), 'utf8'),
) as Record<string, Record<string, unknown>>;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const make = () =>
  createZendeskAdapter({
    subdomain: 'acme',
    auth: apiTokenAuth({ email: 'agent@acme.test', token: 'zd-secret-token-8b1f' }),
    rateLimiter: createRateLimiter(),
    retry: { baseDelayMs: 1, maxRetries: 0 },
  });
const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};
const ticket = (extra: Record<string, unknown>) =>
  parseTicket({
    id: '1',
    subject: 'Help',
    status: 'open',
    requesterId: '11',
    createdAt: '2026-03-02T08:00:00Z',
    updatedAt: '2026-03-02T08:00:00Z',
    ...extra,
  });

describe('zendesk.slaPolicies', () => {
  it('lists the spec’s policies with their conditions, following next_page, and picks by position', async () => {
    const example = fixtures.SLAPoliciesResponseExample!;
    const [incidents] = example.sla_policies as Record<string, unknown>[];
    const fallback = {
      ...incidents,
      id: 37,
      title: 'Everything else',
      position: 1,
      filter: { all: [], any: [] },
    };
    server.use(
      http.get(`${BASE}/api/v2/slas/policies.json`, ({ request }) =>
        new URL(request.url).searchParams.get('page') === '2'
          ? HttpResponse.json({ ...example, sla_policies: [fallback], next_page: null })
          : HttpResponse.json({ ...example, next_page: `${BASE}/api/v2/slas/policies.json?page=2` }),
      ),
    );
    const policies = await collect(make().slaPolicies.list());
    expect(policies.map((p) => [p.id, p.position])).toEqual([
      ['36', 3],
      ['37', 1],
    ]);
    expect(policies[0]!.filter.all).toEqual([
      { field: 'type', operator: 'is', values: ['incident'] },
      { field: 'channel', operator: 'is', values: ['email'] },
    ]);
    // The catch-all sits first (position 1): it takes every ticket, incidents by mail included — Zendesk's rule.
    expect(selectSlaPolicy(policies, ticket({ type: 'incident', channel: 'email' }))).toMatchObject({
      outcome: 'policy',
      policy: { id: '37' },
    });
    // Moved after the incidents policy, it takes only what the incidents policy does not.
    const reordered = policies.map((p) => (p.id === '37' ? { ...p, position: 4 } : p));
    expect(selectSlaPolicy(reordered, ticket({ type: 'incident', channel: 'email' }))).toMatchObject({
      policy: { id: '36' },
    });
    expect(selectSlaPolicy(reordered, ticket({ type: 'incident', channel: 'chat' }))).toMatchObject({
      policy: { id: '37' },
    });
  });

  it('reads a malformed policy as a ValidationError naming the path', async () => {
    server.use(
      http.get(`${BASE}/api/v2/slas/policies.json`, () =>
        HttpResponse.json({ sla_policies: [{ id: 1, filter: { all: [] } }], next_page: null }),
      ),
    );
    const error = await collect(make().slaPolicies.list()).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((i: { path: unknown[] }) => i.path)).toContainEqual(['title']);
  });
});
