/**
 * The Trello fake's responses must follow the vendor's published API description: each is validated against the
 * response schema of its operation in ../shared/specs/trello/trello-swagger.v3.json (where the file gives one).
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../contract/contract-suite.js';
import { fakeTrello, TRELLO } from './trello-fake.js';

type Schema = Record<string, unknown>;
const spec = JSON.parse(
  readFileSync(new URL('../../../shared/specs/trello/trello-swagger.v3.json', import.meta.url), 'utf8'),
) as {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
};

/** OpenAPI 3.0 → JSON Schema: `nullable` becomes a null alternative; refs point into one document. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'nullable' || k === 'example' || k === 'examples') continue;
    out[k] = k === '$ref' ? `oas${v as string}` : toJsonSchema(v);
  }
  if ((node as Schema).nullable === true) return { anyOf: [out, { type: 'null' }] };
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ $id: 'oas', components: toJsonSchema(spec.components) as Schema });
const schemaOf = (path: string, method: string) => {
  const schema = spec.paths[path]?.[method]?.responses?.['200']?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`the spec has no ${method.toUpperCase()} ${path} 200 JSON response`);
  return toJsonSchema(schema) as Schema;
};

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
    const validate = ajv.compile(schemaOf(path, method));
    validate(await response.json());
    expect(validate.errors ?? []).toEqual([]);
  });
});
