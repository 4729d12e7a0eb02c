/**
 * The fake's responses must follow the vendor's published API description: each is validated against the
 * response schema of its operation in Zendesk's OpenAPI description, as derived into
 * test/fixtures/specs/zendesk.json by scripts/derive-spec-fixtures.ts (its header names the source and version).
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../contract/contract-suite.js';
import { openApiValidator, readSpecFixture } from '../openapi.js';
import { BASE, fakeZendesk } from './fake.js';

const errorsOf = openApiValidator(readSpecFixture('zendesk'));

const server = setupServer();
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.use(...fakeZendesk(seed).handlers);
});
afterAll(() => server.close());

const cases: [string, string, string, string, RequestInit?][] = [
  ['/api/v2/tickets', 'get', '200', '/api/v2/tickets.json?page[size]=2'],
  ['/api/v2/tickets/{ticket_id}', 'get', '200', '/api/v2/tickets/100.json'],
  ['/api/v2/tickets/{ticket_id}/comments', 'get', '200', '/api/v2/tickets/100/comments.json?include=users'],
  ['/api/v2/tickets/{ticket_id}/audits', 'get', '200', '/api/v2/tickets/100/audits.json'],
  ['/api/v2/users/{user_id}', 'get', '200', '/api/v2/users/201.json'],
  ['/api/v2/users', 'get', '200', '/api/v2/users.json?role=end-user'],
  ['/api/v2/groups', 'get', '200', '/api/v2/groups.json'],
  ['/api/v2/organizations', 'get', '200', '/api/v2/organizations.json'],
  ['/api/v2/satisfaction_ratings', 'get', '200', '/api/v2/satisfaction_ratings.json'],
  [
    '/api/v2/incremental/tickets/cursor',
    'get',
    '200',
    '/api/v2/incremental/tickets/cursor.json?start_time=0',
  ],
  ['/api/v2/ticket_metrics', 'get', '200', '/api/v2/ticket_metrics.json'],
  ['/api/v2/slas/policies', 'get', '200', '/api/v2/slas/policies.json'],
  [
    '/api/v2/incremental/users/cursor',
    'get',
    '200',
    '/api/v2/incremental/users/cursor.json?start_time=0&per_page=2',
  ],
  ['/api/v2/ticket_metrics/{ticket_metric_id}', 'get', '200', '/api/v2/tickets/100/metrics.json'],
  ['/api/v2/users/{user_id}/identities', 'get', '200', '/api/v2/users/201/identities.json'],
  [
    '/api/v2/incremental/organizations',
    'get',
    '200',
    '/api/v2/incremental/organizations.json?start_time=0&per_page=1',
  ],
  [
    '/api/v2/groups/{group_id}',
    'put',
    '200',
    '/api/v2/groups/401.json',
    {
      method: 'PUT',
      body: JSON.stringify({ group: { name: 'Billing & refunds' } }),
      headers: { 'content-type': 'application/json' },
    },
  ],
  [
    '/api/v2/organizations/{organization_id}',
    'put',
    '200',
    '/api/v2/organizations/501.json',
    {
      method: 'PUT',
      body: JSON.stringify({ organization: { notes: 'Key account' } }),
      headers: { 'content-type': 'application/json' },
    },
  ],
  [
    '/api/v2/uploads',
    'post',
    '201',
    '/api/v2/uploads.json?filename=log.txt',
    { method: 'POST', body: 'boot ok', headers: { 'content-type': 'text/plain' } },
  ],
  [
    '/api/v2/tickets/create_many',
    'post',
    '200',
    '/api/v2/tickets/create_many.json',
    {
      method: 'POST',
      body: JSON.stringify({ tickets: [{ subject: 'A', requester_id: 201 }] }),
      headers: { 'content-type': 'application/json' },
    },
  ],
  [
    '/api/v2/incremental/ticket_events',
    'get',
    '200',
    '/api/v2/incremental/ticket_events.json?start_time=0&include=comment_events',
  ],
  [
    '/api/v2/tickets',
    'post',
    '201',
    '/api/v2/tickets.json',
    {
      method: 'POST',
      body: JSON.stringify({ ticket: { subject: 'Help', requester_id: 201, comment: { body: 'x' } } }),
      headers: { 'content-type': 'application/json' },
    },
  ],
];

describe('the Zendesk fake follows the OpenAPI description', () => {
  it.each(cases)('%s %s %s', async (path, method, status, url, init) => {
    const response = await fetch(`${BASE}${url}`, init);
    expect(String(response.status)).toBe(status);
    const body = await response.json();
    expect(errorsOf(path, method, status, body)).toEqual([]);
  });

  it('GET /api/v2/job_statuses/{job_status_id} 200, while working and when completed', async () => {
    const queued = await fetch(`${BASE}/api/v2/tickets/create_many.json`, {
      method: 'POST',
      body: JSON.stringify({ tickets: [{ subject: 'A', requester_id: 201 }] }),
      headers: { 'content-type': 'application/json' },
    });
    const { job_status } = (await queued.json()) as { job_status: { id: string } };
    const statuses: string[] = [];
    for (let poll = 0; poll < 2; poll++) {
      const body = (await (await fetch(`${BASE}/api/v2/job_statuses/${job_status.id}.json`)).json()) as {
        job_status: { status: string };
      };
      expect(errorsOf('/api/v2/job_statuses/{job_status_id}', 'get', '200', body)).toEqual([]);
      statuses.push(body.job_status.status);
    }
    expect(statuses).toEqual(['working', 'completed']);
  });

  it('GET /api/v2/incremental/users/cursor 200 with identities side-loaded, each a UserIdentityObject', async () => {
    const body = (await (
      await fetch(`${BASE}/api/v2/incremental/users/cursor.json?start_time=0&include=identities`)
    ).json()) as { users: { id: number }[]; identities: { user_id: number }[] };
    expect(errorsOf('/api/v2/incremental/users/cursor', 'get', '200', body)).toEqual([]);
    expect(body.identities.length).toBeGreaterThan(0);
    expect(
      errorsOf('/api/v2/users/{user_id}/identities', 'get', '200', { identities: body.identities }),
    ).toEqual([]);
    const users = new Set(body.users.map((u) => u.id));
    for (const identity of body.identities) expect(users).toContain(identity.user_id);
  });

  it('DELETE /api/v2/users/{user_id} 200 and PUT /api/v2/users/{user_id}/merge 200', async () => {
    const merged = await fetch(`${BASE}/api/v2/users/202/merge.json`, {
      method: 'PUT',
      body: JSON.stringify({ user: { id: 201 } }),
      headers: { 'content-type': 'application/json' },
    });
    expect(merged.status).toBe(200);
    expect(errorsOf('/api/v2/users/{user_id}/merge', 'put', '200', await merged.json())).toEqual([]);
    // A body the description does not allow is refused, as Zendesk refuses it.
    const refused = await fetch(`${BASE}/api/v2/users/202/merge.json`, {
      method: 'PUT',
      body: JSON.stringify({ user: 'x' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(refused.status).toBe(422);
    const deleted = await fetch(`${BASE}/api/v2/users/202.json`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    const body = (await deleted.json()) as { user: { active: boolean } };
    expect(errorsOf('/api/v2/users/{user_id}', 'delete', '200', body)).toEqual([]);
    expect(body.user.active).toBe(false);
  });
});
