import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCardIndex, ValidationError } from '../../src/index.js';
import { adaRecords, customer, ticket } from './fixtures.js';

describe('buildCardIndex', () => {
  it('merges one person across helpdesks: letter case, national and international phone formats', async () => {
    const index = await buildCardIndex(adaRecords, { defaultRegion: 'IT' });
    expect(index.size).toBe(1);
    const cardId = index.find({ email: 'ADA.VERDI@example.com' });
    expect(cardId).toMatch(/^card_[0-9a-f]{16}$/);
    expect(index.find({ phone: '+393471234567' })).toBe(cardId);
    expect(index.find({ phone: '347 123 4567' })).toBe(cardId);
    expect(index.find({ handle: 'adav', network: 'twitter' })).toBe(cardId);
    expect(index.find({ customerId: 'r9', adapter: 'rt' })).toBe(cardId);
    expect(index.collect(cardId!)?.records).toEqual([
      { adapter: 'rt', id: 'r9' },
      { adapter: 'trello', id: 't4' },
      { adapter: 'zendesk', id: 'z1' },
    ]);
  });

  it('explains each merge by the identity that made it', async () => {
    const index = await buildCardIndex(adaRecords, { defaultRegion: 'IT' });
    const [cardId] = index.cardIds();
    expect(index.explain(cardId!)).toEqual([
      {
        identity: 'email:ada.verdi@example.com',
        records: [
          { adapter: 'rt', id: 'r9' },
          { adapter: 'zendesk', id: 'z1' },
        ],
      },
      {
        identity: 'phone:+393471234567',
        records: [
          { adapter: 'rt', id: 'r9' },
          { adapter: 'trello', id: 't4' },
          { adapter: 'zendesk', id: 'z1' },
        ],
      },
    ]);
  });

  it('merges transitively: A shares an e-mail with B, B a phone with C', async () => {
    const index = await buildCardIndex([
      customer('zendesk', 'a', [{ kind: 'email', value: 'bruno@example.test' }]),
      customer('rt', 'b', [
        { kind: 'email', value: 'BRUNO@example.test' },
        { kind: 'phone', value: '+390612345678' },
      ]),
      customer('trello', 'c', [{ kind: 'phone', value: '+39 06 1234 5678' }]),
      customer('trello', 'd', [{ kind: 'email', value: 'someone.else@example.test' }]),
    ]);
    expect(index.size).toBe(2);
    expect(index.find({ customerId: 'a', adapter: 'zendesk' })).toBe(
      index.find({ customerId: 'c', adapter: 'trello' }),
    );
    expect(index.find({ customerId: 'd', adapter: 'trello' })).not.toBe(
      index.find({ customerId: 'a', adapter: 'zendesk' }),
    );
  });

  it('folds plus-addressing only when asked', async () => {
    const records = [
      customer('zendesk', 'a', [{ kind: 'email', value: 'carla+orders@example.test' }]),
      customer('rt', 'b', [{ kind: 'email', value: 'carla@example.test' }]),
    ];
    expect((await buildCardIndex(records)).size).toBe(2);
    expect((await buildCardIndex(records, { foldPlusAddressing: true })).size).toBe(1);
  });

  it('refuses a shared front-desk phone as a conflict and merges nobody through it', async () => {
    const desk = { kind: 'phone', value: '+39 02 1234 5678' };
    const records = ['p1', 'p2', 'p3', 'p4'].map((id) =>
      customer('zendesk', id, [desk, { kind: 'email', value: `${id}@shop.example` }]),
    );
    const index = await buildCardIndex(records);
    expect(index.size).toBe(4);
    expect(index.conflicts()).toHaveLength(1);
    expect(index.conflicts()[0]?.identity).toBe('phone:+390212345678');
    expect(index.find({ phone: '+390212345678' })).toBeUndefined();
    expect(index.findAll({ phone: '+390212345678' })).toHaveLength(4);
    // With a higher threshold the same phone does join them.
    expect((await buildCardIndex(records, { maxSharedIdentity: 4 })).size).toBe(1);
  });

  it('finds a card by a ticket of any helpdesk', async () => {
    const index = await buildCardIndex([...adaRecords, ticket('rt', '55', 'r9')], { defaultRegion: 'IT' });
    expect(index.find({ ticketId: '55', adapter: 'rt' })).toBe(
      index.find({ email: 'ada.verdi@example.com' }),
    );
    expect(index.find({ ticketId: '55', adapter: 'zendesk' })).toBeUndefined();
  });

  it('keeps an old card id working after two cards merge later', async () => {
    const index = await buildCardIndex([
      customer('zendesk', 'z2', [{ kind: 'email', value: 'dora@example.test' }]),
    ]);
    const before = index.find({ email: 'dora@example.test' })!;
    index.add(customer('rt', 'a0', [{ kind: 'email', value: 'Dora@example.test' }]));
    const after = index.find({ email: 'dora@example.test' })!;
    expect(after).not.toBe(before); // customer:rt:a0 < customer:zendesk:z2: the smaller key names the card
    expect(index.resolve(before)).toBe(after);
    expect(index.collect(before)?.cardId).toBe(after);
  });

  it('names the place of a bad record, not its value', async () => {
    const bad = customer('zendesk', 'z', [{ kind: 'phone', value: 'not a phone secret-123' }]);
    const error = await buildCardIndex([adaRecords[0], bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(String((error as Error).message)).toContain('source[1]');
    expect(String((error as Error).message)).not.toContain('secret-123');
    await expect(buildCardIndex(adaRecords, { maxSharedIdentity: 0 })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});

describe('buildCardIndex identities that must not merge (#28 item 7)', () => {
  it('keeps each extension of a switchboard on its own card, and apart from the bare number', async () => {
    const index = await buildCardIndex(
      [
        customer('zendesk', 'a', [{ kind: 'phone', value: '+39 06 1234 5678 ext. 12' }]),
        customer('zendesk', 'b', [{ kind: 'phone', value: '+39 06 1234 5678 ext. 99' }]),
        customer('zendesk', 'c', [{ kind: 'phone', value: '+39 06 1234 5678' }]),
        customer('rt', 'd', [{ kind: 'phone', value: '06 1234 5678 x12' }]),
      ],
      { defaultRegion: 'IT' },
    );
    expect(index.size).toBe(3);
    expect(index.find({ customerId: 'a', adapter: 'zendesk' })).toBe(
      index.find({ customerId: 'd', adapter: 'rt' }),
    );
    expect(index.find({ phone: '+390612345678;ext=99' })).toBe(
      index.find({ customerId: 'b', adapter: 'zendesk' }),
    );
    expect(index.find({ phone: '+390612345678' })).toBe(index.find({ customerId: 'c', adapter: 'zendesk' }));
    expect(
      index.collect(index.find({ customerId: 'a', adapter: 'zendesk' })!)?.customers[0]?.identities,
    ).toEqual([{ kind: 'phone', value: '+390612345678;ext=12', primary: false }]);
  });

  it('merges nobody through a placeholder phone or a no-reply address, and keeps the records', async () => {
    const index = await buildCardIndex(
      [
        customer('zendesk', 'a', [{ kind: 'phone', value: '0000000000' }]),
        customer('zendesk', 'b', [{ kind: 'phone', value: '000 000 0000' }]),
        customer('zendesk', 'c', [{ kind: 'phone', value: '+39 333 3333333' }]),
        customer('rt', 'd', [{ kind: 'phone', value: '333 3333333' }]),
        customer('rt', 'e', [{ kind: 'email', value: 'noreply@shop.example' }]),
        customer('rt', 'f', [{ kind: 'email', value: 'NoReply@shop.example' }]),
      ],
      { defaultRegion: 'IT' },
    );
    expect(index.size).toBe(6);
    expect(index.find({ phone: '0000000000' })).toBeUndefined();
    expect(index.find({ email: 'noreply@shop.example' })).toBeUndefined();
  });

  it('keeps adapters and networks whose names hold `:` apart, and names their records back', async () => {
    const index = await buildCardIndex([
      customer('zendesk:1', '2', [{ kind: 'handle', channel: 'twitter:x', value: 'ada' }]),
      customer('zendesk', '1:2', [{ kind: 'handle', channel: 'twitter', value: 'x:ada' }]),
    ]);
    expect(index.size).toBe(2);
    expect(index.find({ handle: 'x:ada', network: 'twitter' })).toBe(
      index.find({ customerId: '1:2', adapter: 'zendesk' }),
    );
    expect(index.find({ handle: 'ada', network: 'twitter:x' })).toBe(
      index.find({ customerId: '2', adapter: 'zendesk:1' }),
    );
    const refs = index.cardIds().map((id) => index.collect(id)?.records);
    expect(refs).toContainEqual([{ adapter: 'zendesk:1', id: '2' }]);
    expect(refs).toContainEqual([{ adapter: 'zendesk', id: '1:2' }]);
  });

  it('merges one address however its domain and spaces are written (IDN, UTF-8 local part)', async () => {
    const index = await buildCardIndex([
      customer('zendesk', 'a', [{ kind: 'email', value: ' José@Bücher.Example ' }]),
      customer('rt', 'b', [{ kind: 'email', value: 'josé@xn--bcher-kva.example' }]),
    ]);
    expect(index.size).toBe(1);
    expect(index.find({ email: 'JOSÉ@BÜCHER.example' })).toBe(index.cardIds()[0]);
  });
});

/** Small worlds where identities are drawn from a few values, so merges and conflicts both happen. */
const world = fc.array(
  fc.record({
    adapter: fc.constantFrom('zendesk', 'rt', 'trello'),
    id: fc.constantFrom('1', '2', '3', '4', '5', '6'),
    emails: fc.array(fc.constantFrom('a@x.test', 'A@X.test', 'b@x.test', 'c@x.test', 'info@x.test'), {
      maxLength: 2,
    }),
    phones: fc.array(fc.constantFrom('+39 347 123 4567', '3471234567', '+390612345678', '+441632960000'), {
      maxLength: 2,
    }),
  }),
  { maxLength: 14 },
);
type Person = { adapter: string; id: string; emails: string[]; phones: string[] };
const toRecords = (people: Person[]) => {
  const seen = new Set<string>();
  return people
    .filter((p) => !seen.has(`${p.adapter}:${p.id}`) && seen.add(`${p.adapter}:${p.id}`))
    .map((p) =>
      customer(p.adapter, p.id, [
        ...[...new Set(p.emails.map((e) => e.toLowerCase()))].map((value) => ({ kind: 'email', value })),
        ...[...new Set(p.phones.map((v) => v.replace(/\D/g, '').replace(/^39/, '')))].map((v) => ({
          kind: 'phone',
          value: v.startsWith('44') ? `+${v}` : v,
        })),
      ]),
    );
};
type Index = Awaited<ReturnType<typeof buildCardIndex>>;
const snapshot = (index: Index) =>
  index.cardIds().map((id) => ({ id, records: index.collect(id)?.records, merges: index.explain(id) }));

describe('buildCardIndex properties', () => {
  it('gives the same cards and card ids whatever the input order', async () => {
    await fc.assert(
      fc.asyncProperty(world, fc.infiniteStream(fc.nat()), async (people, seeds) => {
        const records = toRecords(people);
        const shuffled = records
          .map((r) => ({ r, k: seeds.next().value as number }))
          .sort((a, b) => a.k - b.k)
          .map(({ r }) => r);
        const a = await buildCardIndex(records, { defaultRegion: 'IT', maxSharedIdentity: 2 });
        const b = await buildCardIndex(shuffled, { defaultRegion: 'IT', maxSharedIdentity: 2 });
        expect(snapshot(b)).toEqual(snapshot(a));
        expect(b.conflicts()).toEqual(a.conflicts());
        // The same records added one at a time in the shuffled order: the same cards and ids again.
        const c = await buildCardIndex([], { defaultRegion: 'IT', maxSharedIdentity: 2 });
        for (const record of shuffled) c.add(record);
        expect(snapshot(c)).toEqual(snapshot(a));
      }),
      { numRuns: 150 },
    );
  }, 30_000); // 150 runs of three builds: seconds on a busy two-core machine

  it('adding records one by one equals a rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(world, fc.nat(14), async (people, split) => {
        const records = toRecords(people);
        const index = await buildCardIndex(records.slice(0, split), {
          defaultRegion: 'IT',
          maxSharedIdentity: 2,
        });
        for (const record of records.slice(split)) index.add(record);
        const rebuilt = await buildCardIndex(records, { defaultRegion: 'IT', maxSharedIdentity: 2 });
        expect(snapshot(index)).toEqual(snapshot(rebuilt));
        expect(index.conflicts()).toEqual(rebuilt.conflicts());
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('equals a rebuild after every add, reads in between, records replaced and thresholds crossed both ways', async () => {
    // Raw people (no de-duplication): a later record with the same adapter and id replaces the earlier one,
    // so identities leave records and conflicts end as well as begin.
    const people = fc.array(
      fc.record({
        adapter: fc.constantFrom('zendesk', 'rt'),
        id: fc.constantFrom('1', '2', '3', '4'),
        emails: fc.array(fc.constantFrom('a@x.test', 'b@x.test', 'c@x.test'), { maxLength: 2 }),
        phones: fc.array(fc.constantFrom('+39 347 123 4567', '+390612345678'), { maxLength: 2 }),
      }),
      { maxLength: 16 },
    );
    await fc.assert(
      fc.asyncProperty(
        people,
        fc.constantFrom(1, 2),
        fc.integer({ min: 1, max: 4 }),
        async (drawn, max, every) => {
          const records = drawn.map((p) => toRecords([p])[0]!);
          const options = { defaultRegion: 'IT', maxSharedIdentity: max };
          const index = await buildCardIndex([], options);
          for (let i = 0; i < records.length; i++) {
            index.add(records[i]);
            // Reads every `every` adds (and after the last): several changes may wait for one read.
            if ((i + 1) % every !== 0 && i !== records.length - 1) continue;
            const rebuilt = await buildCardIndex(records.slice(0, i + 1), options);
            expect(snapshot(index)).toEqual(snapshot(rebuilt));
            expect(index.size).toBe(rebuilt.size);
          }
        },
      ),
      { numRuns: 100 },
    );
  }, 30_000);

  it('keeps each ticket on its latest requester, added one by one or rebuilt', async () => {
    const tickets = fc.array(
      fc.record({
        adapter: fc.constantFrom('zendesk', 'rt'),
        id: fc.constantFrom('t1', 't2', 't3'),
        requester: fc.constantFrom('1', '2', '3'),
      }),
      { maxLength: 10 },
    );
    await fc.assert(
      fc.asyncProperty(world, tickets, fc.nat(24), async (people, drawn, split) => {
        const records = [...toRecords(people), ...drawn.map((t) => ticket(t.adapter, t.id, t.requester))];
        const options = { defaultRegion: 'IT', maxSharedIdentity: 2 };
        const index = await buildCardIndex(records.slice(0, split), options);
        for (const record of records.slice(split)) index.add(record);
        const rebuilt = await buildCardIndex(records, options);
        const ticketsOf = (i: Index) =>
          i.cardIds().map((id) =>
            i
              .collect(id)!
              .tickets.map((t) => `${t.source?.adapter}/${t.id}`)
              .sort(),
          );
        expect(ticketsOf(index)).toEqual(ticketsOf(rebuilt));
        // The last version of each ticket wins, and a ticket id finds the card of that version's requester.
        const last = new Map(drawn.map((t) => [`${t.adapter}/${t.id}`, t]));
        for (const t of last.values()) {
          expect(index.find({ ticketId: t.id, adapter: t.adapter })).toBe(
            index.find({ customerId: t.requester, adapter: t.adapter }),
          );
        }
        expect(ticketsOf(index).flat().length).toBe(last.size);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('with trusted: true gives the same cards as checking every record', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (people) => {
        const records = toRecords(people);
        // What the models hand over: dates parsed, lists present.
        const parsed = records.map(({ kind, value }) => ({
          kind,
          value: { ...value, notes: [], createdAt: new Date(value.createdAt) },
        }));
        const options = { defaultRegion: 'IT', maxSharedIdentity: 2 };
        const trusted = await buildCardIndex(parsed, { ...options, trusted: true });
        expect(snapshot(trusted)).toEqual(snapshot(await buildCardIndex(records, options)));
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('still refuses a trusted record whose fields the index reads have the wrong type', async () => {
    const [first] = adaRecords;
    const error = await buildCardIndex([{ kind: 'customers', value: { ...first!.value, notes: [] } }], {
      trusted: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError); // createdAt is an ISO string, not the model's Date
    expect(String((error as Error).message)).toContain('source[0]');
    await expect(buildCardIndex([], { trusted: 'yes' as never })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('buildCardIndex sources and updates', () => {
  it('reads a Dataset and an async iterable alike', async () => {
    const dataset = { customers: adaRecords.map((r) => r.value), tickets: [ticket('rt', '55', 'r9').value] };
    async function* stream() {
      for (const record of [...adaRecords, ticket('rt', '55', 'r9')]) yield record;
    }
    const fromDataset = await buildCardIndex(dataset, { defaultRegion: 'IT' });
    const fromStream = await buildCardIndex(stream(), { defaultRegion: 'IT' });
    expect(fromDataset.cardIds()).toEqual(fromStream.cardIds());
    expect(fromDataset.find({ ticketId: '55', adapter: 'rt' })).toBe(fromDataset.cardIds()[0]);
  });

  it('splits a card again when an update removes the identity that joined it', async () => {
    const index = await buildCardIndex([
      customer('zendesk', 'a', [{ kind: 'email', value: 'elio@example.test' }]),
      customer('rt', 'b', [{ kind: 'email', value: 'elio@example.test' }]),
    ]);
    expect(index.size).toBe(1);
    index.add(customer('rt', 'b', [{ kind: 'email', value: 'elio.new@example.test' }]));
    expect(index.size).toBe(2);
    expect(index.find({ email: 'elio@example.test' })).toBe(
      index.find({ customerId: 'a', adapter: 'zendesk' }),
    );
  });

  it('refuses malformed queries and records with a ValidationError', async () => {
    const index = await buildCardIndex([]);
    expect(() => index.find({} as never)).toThrow(ValidationError);
    expect(() => index.find({ email: 42 } as never)).toThrow(ValidationError);
    expect(() => index.add({ kind: 'nonsense', value: {} })).toThrow(ValidationError);
    expect(() => index.add(null)).toThrow(ValidationError);
  });
});
