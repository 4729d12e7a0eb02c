/**
 * Worker: build one contender over N customers and 5N tickets made here (cheaply, not by the full generator), then
 * time lookups and one 1,000-ticket card; print time and peak RSS.
 *
 *   tsx bench/workers/card-index.ts <map|map-raw|index|index-trusted> <customers>
 *
 * - `map`: the baseline, a plain Map from each identity to its records, tickets under their requester's id, with
 *   the identities normalised as the index must (e-mail trimmed and lower-cased, phone read to E.164 with
 *   `toE164`, region IT), and lookups normalising the query the same way: equal work per identity. Reading the
 *   big customer's records is the card baseline.
 * - `map-raw`: the same Map keyed on identities as written (no case folding, no phone parsing, so a person's two
 *   helpdesk records stay apart); shown for reference, it does less work than the index must.
 * - `index`: buildCardIndex, every record checked by its model; `index-trusted`: with `trusted: true`.
 *
 * `size` is what each contender counts: the Maps their distinct identity keys, the index its cards.
 */
import type { Customer, Message, Ticket } from '../../src/index.js';
import { buildCardIndex, customerCard, toE164 } from '../../src/index.js';
import { peakRssMiB } from '../lib/measure.js';

const mode = process.argv[2] ?? 'map';
const customers = Number(process.argv[3] ?? 100_000);
const BIG_TICKETS = 1000;
const T0 = Date.UTC(2026, 0, 5);
const asOf = new Date(T0 + 400 * 86_400_000);

/** A cheap deterministic stream of numbers in [0, 1) (xorshift32), so both contenders see the same records. */
function random(seed: number) {
  let x = seed || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

type BenchRecord =
  | { kind: 'customers'; value: Customer }
  | { kind: 'tickets'; value: Ticket }
  | {
      kind: 'messages';
      value: Message;
    };

/**
 * Customer record i is person ⌊i/5⌋·… : every fifth record is the twin of the one before on the other helpdesk,
 * with the e-mail in upper case and (for people with a phone) the phone in national form; the people of 30% of
 * the groups of five have a phone (so 30% of the records, twins included).
 * Customer 0 has 1,000 tickets with two messages each; the others share the remaining 5N − 1,000 tickets.
 */
function makeRecords(n: number): BenchRecord[] {
  const next = random(42);
  const records: BenchRecord[] = [];
  const createdAt = new Date(T0);
  for (let i = 0; i < n; i++) {
    const twin = i % 5 === 4;
    const person = twin ? i - 1 : i;
    const adapter = twin ? 'rt' : 'zendesk';
    const email = `person${person}@example.com`;
    const identities: Customer['identities'] = [
      { kind: 'email', value: twin ? email.toUpperCase() : email, primary: true },
    ];
    if (Math.floor(i / 5) % 10 < 3) {
      const national = `347${String(person).padStart(7, '0')}`;
      identities.push({
        kind: 'phone',
        value: twin ? `${national.slice(0, 3)} ${national.slice(3)}` : `+39${national}`,
        primary: false,
      });
    }
    const id = `u${i}`;
    records.push({
      kind: 'customers',
      value: {
        id,
        sources: [{ adapter, id }],
        name: `Person ${person}`,
        identities,
        organizationId: null,
        tags: [],
        customFields: {},
        notes: [],
        active: true,
        createdAt,
      },
    });
  }
  const ticketOf = (number: number, requester: number): Ticket => {
    const adapter = requester % 5 === 4 ? 'rt' : 'zendesk';
    const id = String(number);
    const at = new Date(T0 + number * 1000);
    return {
      id,
      source: { adapter, id },
      subject: 'Help',
      status: number % 7 === 0 ? 'open' : 'solved',
      priority: null,
      channel: 'email',
      requesterId: `u${requester}`,
      assigneeId: null,
      groupId: null,
      organizationId: null,
      tags: ['billing'],
      customFields: {},
      createdAt: at,
      updatedAt: at,
      solvedAt: null,
      dueAt: null,
    };
  };
  let number = 0;
  for (let k = 0; k < BIG_TICKETS; k++) {
    const ticket = ticketOf(++number, 0);
    records.push({ kind: 'tickets', value: ticket });
    for (const role of ['end-user', 'agent'] as const) {
      const id = `${ticket.id}-${role}`;
      records.push({
        kind: 'messages',
        value: {
          id,
          ticketId: ticket.id,
          source: { adapter: 'zendesk', id },
          authorId: role === 'agent' ? 'a1' : 'u0',
          authorRole: role,
          public: true,
          body: 'Hello',
          createdAt: ticket.createdAt,
          attachments: [],
        },
      });
    }
  }
  while (number < 5 * n)
    records.push({ kind: 'tickets', value: ticketOf(++number, 1 + Math.floor(next() * (n - 1))) });
  return records;
}

const seconds = (from: number) => (performance.now() - from) / 1000;
/** Runs `fn` `times` times and returns the median seconds of one run. */
function median(times: number, fn: () => void): number {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const from = performance.now();
    fn();
    runs.push(seconds(from));
  }
  return runs.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

const records = makeRecords(customers);
const rssBeforeMiB = process.memoryUsage().rss / 2 ** 20;
const lookups = Array.from({ length: 200_000 }, (_, k) => (k * 7919) % customers);
let sink = 0;

if (mode === 'map' || mode === 'map-raw') {
  const normalise = mode === 'map';
  /** An identity's key: as the index folds it (`map`) or as written (`map-raw`). */
  const keyOf = (kind: string, value: string): string | null => {
    if (!normalise) return `${kind}:${value}`;
    if (kind === 'email') return `email:${value.trim().toLowerCase()}`;
    if (kind !== 'phone') return `${kind}:${value}`;
    const e164 = toE164(value, 'IT');
    return e164 === null ? null : `phone:${e164}`;
  };
  const started = performance.now();
  const byIdentity = new Map<string, BenchRecord['value'][]>();
  const add = (key: string | null, value: BenchRecord['value']) => {
    if (key === null) return;
    const list = byIdentity.get(key);
    if (list) list.push(value);
    else byIdentity.set(key, [value]);
  };
  const messages = new Map<string, Message[]>();
  for (const record of records) {
    if (record.kind === 'customers') {
      const c = record.value;
      add(`customer:${c.sources[0]!.adapter}:${c.id}`, c);
      for (const identity of c.identities) add(keyOf(identity.kind, identity.value), c);
    } else if (record.kind === 'tickets') {
      add(`customer:${record.value.source!.adapter}:${record.value.requesterId}`, record.value);
    } else {
      const list = messages.get(record.value.ticketId);
      if (list) list.push(record.value);
      else messages.set(record.value.ticketId, [record.value]);
    }
  }
  const build = seconds(started);
  const lookupStarted = performance.now();
  for (const i of lookups)
    sink += byIdentity.get(keyOf('email', `person${i - (i % 5 === 4 ? 1 : 0)}@example.com`)!)?.length ?? 0;
  const lookupSeconds = seconds(lookupStarted);
  const card = median(21, () => {
    for (const value of byIdentity.get('customer:zendesk:u0') ?? []) {
      if ('requesterId' in value) sink += (messages.get(value.id)?.length ?? 0) + value.tags.length;
    }
  });
  report(build, lookupSeconds, card, byIdentity.size);
} else {
  const started = performance.now();
  const index = await buildCardIndex(records, { defaultRegion: 'IT', trusted: mode === 'index-trusted' });
  const build = seconds(started);
  const lookupStarted = performance.now();
  for (const i of lookups)
    sink += index.find({ email: `person${i - (i % 5 === 4 ? 1 : 0)}@example.com` })?.length ?? 0;
  const lookupSeconds = seconds(lookupStarted);
  const cardId = index.find({ customerId: 'u0', adapter: 'zendesk' })!;
  // The index maps card ids back to records on the first call that takes one (the build skips it): timed here.
  const firstStarted = performance.now();
  if (index.resolve(cardId) !== cardId) throw new Error('the big card id does not resolve');
  const firstCardId = seconds(firstStarted);
  const tickets = customerCard(index, cardId, { asOf }).tickets.length;
  if (tickets !== BIG_TICKETS) throw new Error(`the big card has ${tickets} tickets`);
  const assemble = () => {
    sink += customerCard(index, cardId, { asOf }).tickets.length;
  };
  median(5, assemble); // warm up: the baseline's loop is trivial, the card's code path is not
  const card = median(21, assemble);
  report(build, lookupSeconds, card, index.size, firstCardId);
}

function report(build: number, lookupSeconds: number, card: number, size: number, firstCardId = 0) {
  console.log(
    JSON.stringify({
      mode,
      customers,
      tickets: 5 * customers,
      records: records.length,
      size,
      buildSeconds: build,
      firstCardIdSeconds: firstCardId,
      peakRssMiB: peakRssMiB(),
      recordsRssMiB: rssBeforeMiB,
      lookupsPerSecond: lookups.length / lookupSeconds,
      bigCardSeconds: card,
      sink,
    }),
  );
}
