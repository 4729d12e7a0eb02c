import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCardNote,
  buildCardIndex,
  type CardIndex,
  customerCard,
  renderCard,
  SupportkitError,
  toE164,
  toPhoneIdentity,
} from '../../src/index.js';

/**
 * Customer cards fed what a helpdesk's users can type (#28): identities, ids, adapter and network names built from
 * prototype words (`__proto__`, `constructor`, `toString`), separators of the identity keys (`:`, `%`), arbitrary
 * strings and extreme values, into buildCardIndex, every CardIndex method, customerCard, renderCard, addCardNote
 * and the phone readers. Each call returns, or fails with a typed supportkit error; Object.prototype is unchanged.
 */

const PROTO = ['__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty', 'valueOf'];
const word = fc.oneof(
  fc.constantFrom(...PROTO, ':', '%', '%3A', '', ' ', 'zendesk', 'a:b', '\u0000', '\u202e', '\n'),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
/** A text, or something that is not one: the extremes a JSON file or an automation can hand over. */
const extreme = fc.oneof(
  word,
  fc.constantFrom(null, undefined, 0, -0, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, true, [], {}),
  fc.constant('9'.repeat(400)),
  fc.constant(`${'+39 06 1234 5678 ext. '}${'1'.repeat(40)}`),
);
/** Mostly a value of the right type (so builds succeed and cards are made), sometimes an extreme one. */
const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: extreme });
const text = fc.oneof(
  fc.constantFrom(...PROTO, ':', '%3A', '\u202e', '\n'),
  fc.string({ minLength: 1, maxLength: 8 }),
);
const phoneText = fc.oneof(
  { weight: 1, arbitrary: extreme },
  fc.constantFrom(
    '0000000000',
    '+39 06 1234 5678 ext. 12',
    '+39 333 3333333',
    '+1 555 555 5555',
    'tel:+390612345678;ext=1',
  ),
  fc.stringMatching(/^\+?[0-9 x.;=ext-]{0,20}$/),
);
const emailText = fc.oneof(
  { weight: 1, arbitrary: extreme },
  fc.constantFrom(
    'noreply@x.example',
    ' José@Bücher.Example ',
    '__proto__@constructor.example',
    'a@[::1]',
    'a@%41.example',
  ),
  fc.tuple(word, word).map(([local, domain]) => `${local}@${domain}.example`),
);
const identity = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('email'), value: emailText }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('phone'), value: phoneText }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('handle'), channel: text, value: mostly(text) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('external'), adapter: text, value: mostly(text) }) },
  { weight: 1, arbitrary: fc.record({ kind: extreme, value: extreme }) },
);
const customerRecord = fc.record({
  kind: fc.constant('customers'),
  value: fc.record(
    {
      id: mostly(text),
      sources: mostly(
        fc.array(fc.record({ adapter: fc.oneof(fc.constantFrom(...PROTO), text), id: text }), {
          maxLength: 2,
        }),
      ),
      name: mostly(fc.string({ maxLength: 8 })),
      identities: mostly(fc.array(identity, { maxLength: 4 })),
      createdAt: mostly(fc.constant('2026-03-02T08:00:00Z')),
    },
    { requiredKeys: ['id', 'createdAt'] },
  ),
});
const ticketRecord = fc.record({
  kind: fc.constant('tickets'),
  value: fc.record({
    id: mostly(text),
    source: fc.record({ adapter: fc.oneof(fc.constantFrom(...PROTO), text), id: text }),
    subject: mostly(fc.string({ maxLength: 8 })),
    status: mostly(fc.constantFrom('new', 'open', 'solved', ...PROTO)),
    requesterId: mostly(text),
    createdAt: fc.constant('2026-03-02T08:00:00Z'),
    updatedAt: fc.constant('2026-03-02T09:00:00Z'),
  }),
});
const record = fc.oneof(
  { weight: 12, arbitrary: customerRecord },
  { weight: 6, arbitrary: ticketRecord },
  { weight: 1, arbitrary: fc.record({ kind: fc.oneof(fc.constantFrom(...PROTO), extreme), value: extreme }) },
  { weight: 1, arbitrary: extreme },
);
const options = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      defaultRegion: mostly(fc.constantFrom('IT', 'us', 'XX')),
      maxSharedIdentity: mostly(fc.integer({ min: 1, max: 3 })),
      adapter: mostly(fc.oneof(fc.constantFrom(...PROTO), text)),
      foldPlusAddressing: mostly(fc.boolean()),
      trusted: fc.constant(false),
    },
    { requiredKeys: [] },
  ),
);
const query = fc.oneof(
  fc.record({ email: emailText }),
  fc.record({ phone: phoneText }),
  fc.record({ handle: extreme, network: word }),
  fc.record({ customerId: word, adapter: fc.oneof(fc.constantFrom(...PROTO), word) }),
  fc.record({ ticketId: word, adapter: fc.oneof(fc.constantFrom(...PROTO), word) }),
  extreme,
);

/** Runs `call`; a failure must be a SupportkitError (a ValidationError names where, never a raw TypeError). */
async function typed(what: string, call: () => unknown): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof SupportkitError)) throw new Error(`${what} threw ${String(error)}`);
    return undefined;
  }
}

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

/** Every method of an index, with arbitrary arguments and with its own card ids. */
async function exerciseIndex(index: CardIndex, queries: unknown[], records: unknown[]): Promise<void> {
  for (const q of queries) {
    await typed('find', () => index.find(q as never));
    await typed('findAll', () => index.findAll(q as never));
  }
  for (const r of records.slice(0, 3)) await typed('add', () => index.add(r));
  void index.size;
  await typed('conflicts', () => index.conflicts());
  const ids = (await typed('cardIds', () => index.cardIds())) as string[] | undefined;
  for (const id of [...(ids ?? []).slice(0, 3), ...PROTO, 42, null]) {
    await typed('resolve', () => index.resolve(id as never));
    await typed('explain', () => index.explain(id as never));
    await typed('collect', () => index.collect(id as never));
    const card = await typed('customerCard', () =>
      customerCard(index, id as never, { asOf: new Date('2026-03-03T00:00:00Z') }),
    );
    if (card) {
      for (const format of ['text', 'markdown', 'html'] as const)
        await typed('renderCard', () => renderCard(card as never, { format }));
      await typed('addCardNote', () =>
        addCardNote(card as never, {
          authorId: '__proto__',
          body: 'constructor',
          at: '2026-03-03T00:00:00Z',
        }),
      );
    }
  }
}

describe('arbitrary input into customer cards and identities (#28)', () => {
  it('buildCardIndex, every CardIndex method, customerCard, renderCard, addCardNote: return or a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { maxLength: 8 }),
        options,
        fc.array(query, { maxLength: 4 }),
        async (records, opts, queries) => {
          const index = (await typed('buildCardIndex', () => buildCardIndex(records, opts as never))) as
            | CardIndex
            | undefined;
          // Records one by one too: a bad one is refused by add() alone, the rest still go in.
          const empty = (await typed('buildCardIndex', () => buildCardIndex([], opts as never))) as
            | CardIndex
            | undefined;
          if (empty) for (const r of records) await typed('add', () => empty.add(r));
          if (index) await exerciseIndex(index, queries, records);
          if (empty) await exerciseIndex(empty, queries, []);
          expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('toE164 and toPhoneIdentity: a string, null, or a typed error for any input', async () => {
    await fc.assert(
      fc.asyncProperty(
        phoneText,
        fc.oneof(fc.constantFrom('IT', 'us', '__proto__', 'XX'), extreme),
        async (text, region) => {
          for (const fn of [toE164, toPhoneIdentity]) {
            const result = await typed(fn.name, () => fn(text as never, region as never));
            expect(result === undefined || result === null || typeof result === 'string').toBe(true);
            if (typeof result === 'string') expect(result).toMatch(/^\+[1-9]\d{6,14}(;ext=\d{1,15})?$/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('card ids and explanations are the same whatever prototype word an id or adapter is', async () => {
    const records = PROTO.flatMap((word, i) => [
      {
        kind: 'customers',
        value: {
          id: word,
          sources: [{ adapter: word, id: word }],
          name: word,
          identities: [{ kind: 'handle', channel: word, value: `${word}${i % 2}` }],
          createdAt: '2026-03-02T08:00:00Z',
        },
      },
    ]);
    const index = await buildCardIndex(records);
    const reversed = await buildCardIndex([...records].reverse());
    expect(index.cardIds()).toEqual(reversed.cardIds());
    expect(index.size).toBe(PROTO.length);
    for (const word of PROTO) {
      const id = index.find({ customerId: word, adapter: word });
      expect(id).toMatch(/^card_[0-9a-f]{16}$/);
      expect(index.collect(id!)?.records).toEqual([{ adapter: word, id: word }]);
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  });
});
