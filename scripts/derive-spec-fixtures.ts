/**
 * Derives the compact vendor API fixtures the tests read (test/fixtures/specs/<vendor>.json) from the vendors'
 * published API descriptions, so that no test reads outside the repository: a clone, a fork or a CI checkout
 * has no `../shared/specs` next to it.
 *
 * A fixture keeps only what the tests use — the JSON response schema of each operation a fake is checked against,
 * the component schemas those reference (transitively), and the vendor examples the mapping tests read — with
 * descriptions and the examples nobody reads dropped. Its `derived` header names the source file, its version,
 * size and sha256, and the provenance line of SOURCES.md, so a stale fixture can be told from a fresh one.
 *
 *   npx tsx scripts/derive-spec-fixtures.ts [specs-dir]           write test/fixtures/specs/*.json
 *   npx tsx scripts/derive-spec-fixtures.ts [specs-dir] --check   exit 1 if a fixture differs from what it would write
 *
 * specs-dir defaults to $SUPPORTKIT_SPECS, else ../shared/specs (next to the repository). To let a test check
 * one more operation or example, add it to NEEDS below and run the script again.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Need {
  /** The source file, relative to the specs directory. */
  file: string;
  /**
   * Operations whose JSON response schema a test validates a fake's answer against (and whose JSON request
   * schema, when the operation takes a body, a fake checks what it receives against): [path, method, status].
   */
  operations: [string, string, string][];
  /** Component schemas whose vendor `example` a test reads. */
  examples: string[];
}

/** What the tests use: test/adapters/<vendor>-spec.test.ts (operations) and <vendor>-map.test.ts (examples). */
const NEEDS = new Map<string, Need>([
  [
    'zendesk',
    {
      file: 'zendesk/zendesk-support-oas.yaml',
      operations: [
        ['/api/v2/tickets', 'get', '200'],
        ['/api/v2/tickets', 'post', '201'],
        ['/api/v2/tickets/{ticket_id}', 'get', '200'],
        ['/api/v2/tickets/{ticket_id}/comments', 'get', '200'],
        ['/api/v2/tickets/{ticket_id}/audits', 'get', '200'],
        ['/api/v2/tickets/create_many', 'post', '200'],
        ['/api/v2/users', 'get', '200'],
        ['/api/v2/users/{user_id}', 'get', '200'],
        ['/api/v2/users/{user_id}', 'delete', '200'],
        ['/api/v2/users/{user_id}/merge', 'put', '200'],
        ['/api/v2/users/{user_id}/identities', 'get', '200'],
        ['/api/v2/groups', 'get', '200'],
        ['/api/v2/groups/{group_id}', 'put', '200'],
        ['/api/v2/organizations', 'get', '200'],
        ['/api/v2/organizations/{organization_id}', 'put', '200'],
        ['/api/v2/satisfaction_ratings', 'get', '200'],
        ['/api/v2/incremental/tickets/cursor', 'get', '200'],
        ['/api/v2/incremental/users/cursor', 'get', '200'],
        ['/api/v2/incremental/organizations', 'get', '200'],
        ['/api/v2/incremental/ticket_events', 'get', '200'],
        ['/api/v2/ticket_metrics', 'get', '200'],
        ['/api/v2/ticket_metrics/{ticket_metric_id}', 'get', '200'],
        ['/api/v2/uploads', 'post', '201'],
        ['/api/v2/job_statuses/{job_status_id}', 'get', '200'],
        ['/api/v2/slas/policies', 'get', '200'],
      ],
      examples: [
        'TicketObject',
        'TicketCommentObject',
        'OrganizationObject',
        'GroupObject',
        'SatisfactionRatingObject',
        'UserIdentityObject',
        'CursorBasedExportIncrementalUsersResponse',
        'ExportIncrementalOrganizationsResponse',
      ],
    },
  ],
  [
    'trello',
    {
      file: 'trello/trello-swagger.v3.json',
      operations: [
        ['/boards/{id}/lists', 'get', '200'],
        ['/boards/{id}/customFields', 'get', '200'],
        ['/cards', 'post', '200'],
        ['/cards/{id}', 'get', '200'],
        ['/cards/{id}', 'put', '200'],
        ['/cards/{id}/actions', 'get', '200'],
        ['/cards/{id}/actions/comments', 'post', '200'],
      ],
      examples: [],
    },
  ],
]);

/** Schema keywords that hold prose or samples: the validator ignores them, so the fixture drops them. */
const PROSE = new Set(['description', 'summary', 'example', 'examples', 'externalDocs', 'xml']);
/** Keywords whose value is data (not a schema): copied verbatim, never walked. */
const DATA = new Set(['enum', 'default', 'const']);
/** Keywords whose value maps names to schemas (a property may well be called `description`). */
const NAMED = new Set(['properties', 'patternProperties', 'definitions', '$defs']);

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A copy of a schema without prose, collecting the `$ref`s it holds. */
function compact(schema: Json, refs: Set<string>): Json {
  if (Array.isArray(schema)) return schema.map((item) => compact(item, refs));
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (PROSE.has(key)) continue;
    if (key === '$ref' && typeof value === 'string') refs.add(value);
    if (DATA.has(key)) out[key] = value;
    else if (NAMED.has(key) && isObject(value)) {
      const named: JsonObject = {};
      for (const [name, sub] of Object.entries(value)) named[name] = compact(sub, refs);
      out[key] = named;
    } else out[key] = compact(value, refs);
  }
  return out;
}

function derive(vendor: string, need: Need, specs: string): JsonObject {
  const path = join(specs, need.file);
  const raw = readFileSync(path);
  // The Zendesk file has bare `=` scalars: the `yaml` package reads YAML 1.2, where they are strings (SOURCES.md).
  const spec = (
    need.file.endsWith('.json') ? JSON.parse(raw.toString('utf8')) : parseYaml(raw.toString('utf8'))
  ) as {
    openapi: string;
    info: { title: string; version: string };
    paths: JsonObject;
    components: { [kind: string]: JsonObject };
  };
  const refs = new Set<string>();
  const paths: JsonObject = {};
  for (const [route, method, status] of need.operations) {
    const operation = (spec.paths[route] as JsonObject | undefined)?.[method] as JsonObject | undefined;
    const response = (operation?.responses as JsonObject | undefined)?.[status] as JsonObject | undefined;
    const schema = (
      (response?.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined
    )?.schema;
    if (schema === undefined)
      throw new Error(`${need.file} has no ${method.toUpperCase()} ${route} ${status} JSON response`);
    if (!isObject(paths[route])) paths[route] = {};
    const byMethod = paths[route] as JsonObject;
    if (!isObject(byMethod[method])) byMethod[method] = { responses: {} };
    const responses = (byMethod[method] as JsonObject).responses as JsonObject;
    responses[status] = { content: { 'application/json': { schema: compact(schema, refs) } } };
    // A fake that takes a body checks it against the request schema too (openApiRequestValidator).
    const requestSchema = (
      ((operation?.requestBody as JsonObject | undefined)?.content as JsonObject | undefined)?.[
        'application/json'
      ] as JsonObject | undefined
    )?.schema;
    if (requestSchema !== undefined) {
      (byMethod[method] as JsonObject).requestBody = {
        content: { 'application/json': { schema: compact(requestSchema, refs) } },
      };
    }
  }

  // Follow every `$ref` (each is `#/components/<kind>/<name>`), keeping the components it reaches.
  const components = new Map<string, Map<string, Json>>();
  const pending = [...refs, ...need.examples.map((name) => `#/components/schemas/${name}`)];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const ref = pending.pop()!;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
    const target = match ? spec.components[match[1]!]?.[match[2]!] : undefined;
    if (!match || target === undefined) throw new Error(`${need.file}: cannot resolve ${ref}`);
    const found = new Set<string>();
    const kept = compact(target, found) as JsonObject;
    if (match[1] === 'schemas' && need.examples.includes(match[2]!)) {
      const example = (target as JsonObject).example;
      if (example === undefined) throw new Error(`${need.file}: ${match[2]} has no example`);
      kept.example = example;
    }
    if (!components.has(match[1]!)) components.set(match[1]!, new Map());
    components.get(match[1]!)!.set(match[2]!, kept);
    pending.push(...found);
  }
  const sorted: JsonObject = {};
  for (const kind of [...components.keys()].sort()) {
    const byName = components.get(kind)!;
    sorted[kind] = Object.fromEntries([...byName.keys()].sort().map((name) => [name, byName.get(name)!]));
  }

  return {
    derived: {
      by: 'scripts/derive-spec-fixtures.ts',
      vendor,
      source: need.file,
      title: spec.info.title,
      version: spec.info.version,
      openapi: spec.openapi,
      bytes: raw.length,
      sha256: createHash('sha256').update(raw).digest('hex'),
      provenance: provenanceOf(specs, need.file),
      kept: {
        operations: need.operations.map(
          ([route, method, status]) => `${method.toUpperCase()} ${route} ${status}`,
        ),
        examples: need.examples,
      },
    },
    openapi: spec.openapi,
    info: { title: spec.info.title, version: spec.info.version },
    paths,
    components: sorted,
  };
}

/** The row of SOURCES.md (next to the source files) that says where the file was copied from, if there is one. */
function provenanceOf(specs: string, file: string): string | null {
  const sources = join(specs, 'SOURCES.md');
  if (!existsSync(sources)) return null;
  const row = readFileSync(sources, 'utf8')
    .split('\n')
    .find((line) => line.startsWith(`| ${file} |`));
  if (!row) return null;
  const [, , document, origin] = row.split('|').map((cell) => cell.trim());
  return `${document}; copied from ${origin}`;
}

/** The text as the repository's formatter writes it, so that `biome check` and `--check` agree with the script. */
function formatted(file: string, text: string): string {
  return execFileSync(join(root, 'node_modules/.bin/biome'), ['format', `--stdin-file-path=${file}`], {
    cwd: root,
    input: text,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const specs = resolve(
  args.find((arg) => !arg.startsWith('--')) ?? process.env.SUPPORTKIT_SPECS ?? join(root, '../shared/specs'),
);
if (!existsSync(specs)) {
  console.error(
    `derive-spec-fixtures: no vendor API descriptions at ${specs} (pass the folder, or set SUPPORTKIT_SPECS)`,
  );
  process.exit(2);
}
const out = join(root, 'test/fixtures/specs');
mkdirSync(out, { recursive: true });
let stale = 0;
for (const [vendor, need] of NEEDS) {
  const file = join(out, `${vendor}.json`);
  const text = formatted(file, JSON.stringify(derive(vendor, need, specs)));
  if (check) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (current !== text) {
      stale++;
      console.error(`derive-spec-fixtures: ${file} is stale; run scripts/derive-spec-fixtures.ts`);
    }
  } else {
    writeFileSync(file, text);
    console.log(`derive-spec-fixtures: ${file} (${text.length} bytes) from ${need.file}`);
  }
}
if (stale > 0) process.exit(1);
