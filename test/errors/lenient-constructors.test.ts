import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as errors from '../../src/errors/index.js';
import { SupportkitError, ValidationError } from '../../src/index.js';
import * as testing from '../../src/testing/index.js';

/** Every exported error class, with the code it gives when built from junk. */
const classes = Object.entries(errors).filter(
  ([, value]) => typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value)),
) as [string, new (...args: unknown[]) => SupportkitError][];

const throwing = {
  get adapter(): string {
    throw new Error('a getter that throws');
  },
  toString(): string {
    throw new Error('toString that throws');
  },
};
const junk: unknown[] = [
  undefined,
  null,
  42,
  Number.NaN,
  'x',
  '__proto__',
  {},
  [],
  Symbol('s'),
  Object.create(null),
  throwing,
  {
    status: Symbol('s'),
    adapter: Object.create(null),
    url: 42,
    fields: 'x',
    message: {},
    reason: '__proto__',
  },
];

describe('error constructors built from junk', () => {
  it('lists the 24 error classes of src/errors', () => {
    expect(classes.length).toBe(24);
  });

  it.each(classes)('%s never throws, and gives a string message and a string code', (_, ErrorClass) => {
    for (const a of junk)
      for (const args of [[a], [a, a], [a, a, a, a]]) {
        const error = new ErrorClass(...args);
        expect(error).toBeInstanceOf(SupportkitError);
        expect(error).toBeInstanceOf(ErrorClass);
        expect(typeof error.message).toBe('string');
        expect(typeof error.code).toBe('string');
        expect(() => JSON.stringify(error)).not.toThrow();
      }
  });

  it('falls back to generic words, never to the junk itself', () => {
    expect(new errors.ApiError(undefined as never).message).toBe('Request failed: no HTTP status');
    expect(new errors.NotFoundError(null as never).code).toBe('not_found');
    expect(new errors.ValidationError(null as never, undefined as never).message).toBe(
      'Validation failed for input (0 issues):\n',
    );
    expect(new errors.SupportkitError(undefined as never, undefined as never)).toMatchObject({
      message: 'supportkit error',
      code: 'unknown_error',
    });
    expect(new errors.UnsupportedError(Symbol('x') as never, {} as never).message).toBe(
      'The helpdesk adapter does not support this operation',
    );
    expect(new errors.MalformedResponseError({} as never, '__proto__' as never).message).toBe(
      'Malformed response: the body is not the JSON object or array the endpoint returns',
    );
    expect(new errors.TimeoutError(undefined as never, 'soon' as never).message).toBe('Timed out');
    expect(new errors.ChangeRefusedError({ fields: ['status', 3] } as never).fields).toEqual(['status']);
    const sop = new errors.SopSyntaxError('SOP', [{ message: 'bad' }] as never);
    expect(sop.issues).toEqual([{ path: [], code: 'invalid', message: 'bad', line: 0, column: 0 }]);
  });

  it('keeps well-formed arguments exactly as before', () => {
    const issues = [{ path: ['a', 0], code: 'invalid_type', message: 'expected a string' }];
    const error = new ValidationError('Ticket', issues);
    expect(error.issues[0]).toBe(issues[0]);
    expect(error.message).toBe('Validation failed for Ticket (1 issue):\n  - a[0]: expected a string');
    const api = new errors.RateLimitError({
      status: 429,
      retryAfter: 30,
      adapter: 'zendesk',
      method: 'GET',
      url: 'https://x.zendesk.com/api?token=abc',
      requestId: 'r1',
    });
    expect(api.message).toBe(
      'Rate limited: HTTP 429 from zendesk GET https://x.zendesk.com/api?token=[redacted] (request id r1)',
    );
    expect(api.retryAfter).toBe(30);
  });

  it('never throws for any argument values (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...classes),
        fc.array(fc.oneof(fc.anything(), fc.constantFrom(...junk)), { maxLength: 4 }),
        ([, ErrorClass], args) => {
          const error = new ErrorClass(...args);
          expect(error).toBeInstanceOf(SupportkitError);
          expect(typeof error.message).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('testing helpers given junk', () => {
  const calls: [string, (a: unknown) => unknown][] = [
    ['generateDataset', (a) => testing.generateDataset(a as never)],
    ['datasetAsOf', (a) => testing.datasetAsOf(a as never)],
    ['streamDataset', (a) => testing.streamDataset(a as never).next()],
    ['streamHelpdesks', (a) => testing.streamHelpdesks(a as never).next()],
    ['generateHelpCentre', (a) => testing.generateHelpCentre(a as never)],
    ['collectDataset', (a) => testing.collectDataset(a as never)],
    ['createRandom', (a) => testing.createRandom(a as never)],
    ['mixSeed', (a) => testing.mixSeed(a as never)],
  ];

  it.each(calls)('%s refuses a string, a Symbol, null and NaN with a ValidationError', (_, call) => {
    for (const a of ['x', Symbol('s'), null, Number.NaN]) {
      if (_ === 'collectDataset' && a === 'x') continue; // a string is iterable: its records are refused below
      expect(() => call(a)).toThrow(ValidationError);
    }
  });

  it('collectDataset refuses records whose kind is not a list of Dataset', () => {
    expect(() => testing.collectDataset('ab' as never)).toThrow(/records\[0\]/);
    expect(() => testing.collectDataset([{ kind: '__proto__', value: 1 }] as never)).toThrow(ValidationError);
    expect(() => testing.collectDataset([{ kind: 'asOf', value: 1 }] as never)).toThrow(ValidationError);
    expect(() => testing.collectDataset([], new Date(Number.NaN))).toThrow(/asOf/);
  });

  it('generator options of the wrong type name the option', () => {
    expect(() => testing.generateDataset({ startDate: 20260105 } as never)).toThrow(/startDate/);
    expect(() => testing.generateDataset({ timeZone: 1 } as never)).toThrow(/timeZone/);
    expect(() => testing.generateHelpCentre({ startDate: Symbol('x') } as never)).toThrow(/startDate/);
  });

  it('seeds the same as before for numbers (values of the code before the checks)', () => {
    expect(testing.createRandom(42).next()).toBe(0.6484007823746651);
    expect(testing.mixSeed(42, 7)).toBe(1370760940);
    expect(testing.createRandom(testing.mixSeed(1, 2)).int(1, 1000)).toBe(399);
  });
});
