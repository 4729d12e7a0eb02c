import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as automations from '../../src/automations/index.js';
import { type AutomationName, automationSchemas, callAutomation } from '../../src/automations/index.js';
import { SupportkitError } from '../../src/errors/index.js';

const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
const names = Object.keys(automationSchemas) as AutomationName[];

describe('automationSchemas', () => {
  it('has one entry per exported helper', () => {
    const helpers = Object.entries(automations)
      .filter(([name, value]) => typeof value === 'function' && name !== 'callAutomation')
      .map(([name]) => name)
      .sort();
    expect(names.slice().sort()).toEqual(helpers);
  });

  for (const name of names) {
    it(`${name}: the example input and output validate, and the helper gives exactly that output`, () => {
      const { input, output, example } = automationSchemas[name];
      const validInput = ajv.compile(input);
      const validOutput = ajv.compile(output);
      expect(validInput(example.input), JSON.stringify(validInput.errors)).toBe(true);
      expect(validOutput(example.output), JSON.stringify(validOutput.errors)).toBe(true);
      expect(callAutomation(name, example.input as Record<string, unknown>)).toEqual(example.output);
    });
  }

  it('rejects an input with an unknown field, and an output missing a field', () => {
    const { input, output } = automationSchemas.scoreNps;
    expect(ajv.validate(input, { answers: '9', extra: 1 })).toBe(false);
    expect(ajv.validate(output, { nps: 10 })).toBe(false);
  });
});

describe('callAutomation', () => {
  it('refuses an unknown helper and a non-object input', () => {
    expect(() => callAutomation('frobnicate' as never, {})).toThrow('callAutomation() name');
    expect(() => callAutomation('hours', [] as never)).toThrow('expected an object of fields');
  });

  it('refuses fields the helper does not take (its schema has additionalProperties: false), naming what it takes', () => {
    expect(() => callAutomation('npsCategory', { score: '9', sk_live_abc: 'x' })).toThrow(
      /1 field npsCategory does not take; it takes score/,
    );
    expect(() => callAutomation('npsCategory', { score: '9', sk_live_abc: 'x' })).not.toThrow(/sk_live/);
    expect(callAutomation('npsCategory', { score: '9' })).toEqual({ score: 9, category: 'promoter' });
  });
});

describe('errors from every helper are plain Errors with clear messages that never echo the input', () => {
  const SECRET = 'sk_live_SECRET123';
  const field = fc.oneof(
    fc.constant(SECRET),
    fc.constant(`9 ${SECRET}`),
    fc.constant(`Mon-Fri ${SECRET}`),
    fc.constant(`2026-03-02 ${SECRET}`),
    fc.constant(`{"timeZone":"${SECRET}"}`),
  );
  for (const name of names) {
    it(name, () => {
      const keys = Object.keys((automationSchemas[name].input as { properties: object }).properties);
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...keys), field), (input) => {
          try {
            callAutomation(name, input);
          } catch (error) {
            expect(error).toBeInstanceOf(SupportkitError);
            expect(error).toBeInstanceOf(Error);
            expect((error as Error).message).not.toContain('SECRET');
            expect(JSON.stringify(error)).not.toContain('SECRET');
          }
        }),
        { numRuns: 40 },
      );
    });
  }
});
