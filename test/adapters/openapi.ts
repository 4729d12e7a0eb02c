/**
 * Validates a fake's responses against a vendor's OpenAPI 3.0 description: `nullable` becomes a null alternative,
 * every `$ref` resolves inside the one document, formats are not checked (the descriptions' formats are loose).
 *
 * The descriptions are read from test/fixtures/specs, derived from the vendors' files by
 * scripts/derive-spec-fixtures.ts: a test never reads outside the repository.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';

type Schema = Record<string, unknown>;
export interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content?: Record<string, { schema: Schema }> };
        responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
      }
    >
  >;
  components: { schemas: Record<string, Schema & { example?: unknown }> };
}

/** A derived description: the parts of the vendor's file the tests use, and where they came from. */
export interface SpecFixture extends OpenApiDocument {
  derived: {
    source: string;
    version: string;
    sha256: string;
    kept: { operations: string[]; examples: string[] };
  };
}

/** The vendors whose descriptions scripts/derive-spec-fixtures.ts derives. */
export type SpecVendor = 'zendesk' | 'trello';

/** test/fixtures/specs/<vendor>.json, the derived description of one vendor's API. */
export function readSpecFixture(vendor: SpecVendor): SpecFixture {
  return JSON.parse(
    readFileSync(new URL(`../fixtures/specs/${vendor}.json`, import.meta.url), 'utf8'),
  ) as SpecFixture;
}

/** A copy of a vendor example from a derived description (the fixture keeps those the tests name). */
export function specExample(spec: OpenApiDocument, name: string): unknown {
  const schema = spec.components.schemas[name];
  if (schema?.example === undefined) {
    throw new Error(
      `the derived description has no example of ${name}: add it to scripts/derive-spec-fixtures.ts`,
    );
  }
  return structuredClone(schema.example);
}

function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'example' || key === 'examples' || key === 'xml') continue;
    out[key] = key === '$ref' ? `oas${value as string}` : toJsonSchema(value);
  }
  if ((node as Schema).nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/** The validation errors of `body` against the JSON response schema of an operation ([] when it conforms). */
export function openApiValidator(spec: OpenApiDocument) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'oas', components: toJsonSchema(spec.components) as Schema });
  return (path: string, method: string, status: string, body: unknown) => {
    const schema = spec.paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema;
    if (!schema) {
      throw new Error(
        `the spec has no ${method.toUpperCase()} ${path} ${status} JSON response (derived descriptions keep only ` +
          'the operations listed in scripts/derive-spec-fixtures.ts)',
      );
    }
    const validate = ajv.compile(toJsonSchema(schema) as Schema);
    validate(body);
    return validate.errors ?? [];
  };
}

/**
 * The validation errors of a JSON request body against the request schema of an operation ([] when it conforms),
 * for fakes that must refuse what the vendor would refuse. Compiled validators are cached per operation.
 */
export function openApiRequestValidator(spec: OpenApiDocument) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'oas', components: toJsonSchema(spec.components) as Schema });
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  return (path: string, method: string, body: unknown) => {
    const key = `${method} ${path}`;
    let validate = compiled.get(key);
    if (!validate) {
      const schema = spec.paths[path]?.[method]?.requestBody?.content?.['application/json']?.schema;
      if (!schema) throw new Error(`the spec has no ${method.toUpperCase()} ${path} JSON request body`);
      validate = ajv.compile(toJsonSchema(schema) as Schema);
      compiled.set(key, validate);
    }
    validate(body);
    return validate.errors ?? [];
  };
}
