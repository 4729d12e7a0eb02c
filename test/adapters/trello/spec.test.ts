/**
 * The Trello fake's responses must follow the vendor's published API description: each is validated against the
 * response schema of its operation in Trello's swagger.v3.json (where the file gives one), as derived into
 * test/fixtures/specs/trello.json by scripts/derive-spec-fixtures.ts.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../contract/contract-suite.js';
import { openApiValidator, readSpecFixture } from '../openapi.js';
import { fakeTrello, TRELLO } from './fake.js';

const errorsOf = openApiValidator(readSpecFixture('trello'));

const fake = fakeTrello(seed);
const server = setupServer();
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.use(...fake.handlers);
});
afterAll(() => server.close());

const card = fake.ids.get('100')!;
const cases: [string, string, string, RequestInit?][] = [
  ['/boards/{id}/lists', 'get', `/boards/${fake.boardId}/lists`],
  ['/boards/{id}/customFields', 'get', `/boards/${fake.boardId}/customFields`],
  ['/cards/{id}', 'get', `/cards/${card}?customFieldItems=true`],
  ['/cards/{id}/actions', 'get', `/cards/${card}/actions?filter=commentCard`],
  ['/cards/{id}', 'put', `/cards/${card}?name=Renamed`, { method: 'PUT' }],
  ['/cards', 'post', `/cards?idList=LIST&name=New%20card`, { method: 'POST' }],
  ['/cards/{id}/actions/comments', 'post', `/cards/${card}/actions/comments?text=Hello`, { method: 'POST' }],
];

describe('the Trello fake follows the OpenAPI description', () => {
  it.each(cases)('%s %s', async (path, method, url, init) => {
    const lists = (await (await fetch(`${TRELLO}/boards/${fake.boardId}/lists`)).json()) as { id: string }[];
    const response = await fetch(`${TRELLO}${url.replace('LIST', lists[0]!.id)}`, init);
    expect(response.status).toBe(200);
    expect(errorsOf(path, method, '200', await response.json())).toEqual([]);
  });
});
