import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { type ModelName, modelJsonSchema, models } from '../../src/index.js';
import { generateDataset } from '../../src/testing/index.js';

// ajv-formats is CJS with a default export; under NodeNext the callable sits on .default.
type AddFormats = (ajv: Ajv2020) => unknown;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ??
  (addFormatsModule as unknown as AddFormats);

function compile(name: ModelName) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(modelJsonSchema(name));
}

describe('JSON Schema of every model', () => {
  const dataset = generateDataset({ seed: 5, tickets: 150, days: 20 });
  const json = JSON.parse(JSON.stringify(dataset));

  it.each(Object.keys(models) as ModelName[])('%s compiles as draft 2020-12', (name) => {
    expect(modelJsonSchema(name).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(() => compile(name)).not.toThrow();
  });

  it('accepts the JSON form of a generated dataset', () => {
    const validate = compile('Dataset');
    const ok = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('describes timestamps by their wire form and rejects what the model rejects', () => {
    const validate = compile('Ticket');
    const ticket = json.tickets[0];
    expect(validate({ ...ticket, createdAt: Date.parse(ticket.createdAt) })).toBe(true);
    expect(validate({ ...ticket, createdAt: 'soon' })).toBe(false);
    expect(validate({ ...ticket, unknownField: 1 })).toBe(false);
    const { status: _status, ...withoutStatus } = ticket;
    expect(validate(withoutStatus)).toBe(false);
  });
});
