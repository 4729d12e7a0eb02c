import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isCanonicalMessage,
  isCanonicalTicket,
  MESSAGE_FIELDS,
  TICKET_FIELDS,
} from '../../../src/care/identity/canonical.js';
import { buildCardIndex, Message, Ticket, ValidationError } from '../../../src/index.js';
import { customer, message, ticket } from '../fixtures.js';

/** A value drawn from what a model accepts, folds or refuses. */
const time = fc.oneof(
  fc.date({ noInvalidDate: false }),
  fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-31') }),
  fc.constantFrom('2026-03-02T08:00:00Z', '2026-03-02 08:00', 1_772_438_400_000, 12, new Date(8.64e15 + 1)),
);
const id = fc.constantFrom('', 't1', 'a-7', 7, 7.5);
const source = fc.oneof(
  fc.record({ adapter: fc.constantFrom('zendesk', ''), id }),
  fc.constant({ adapter: 'zendesk', id: '1', url: 'https://x.test/1' }),
  fc.constant({ adapter: 'zendesk', id: '1', extra: true }),
  fc.constant('zendesk'),
);
const fieldValue = fc.oneof(
  fc.string(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 2 }),
  fc.constantFrom(undefined, new Date(0), { nested: 1 }),
);
/** For each field: values in the parsed form mixed with inputs the model folds or refuses. */
const ticketFields = {
  id,
  source,
  subject: fc.constantFrom('Help', '', 5),
  description: fc.constantFrom('More', undefined),
  status: fc.constantFrom('new', 'open', 'solved', 'Solved', 'on hold', 'awaiting parts', '', 3),
  priority: fc.constantFrom(null, 'low', 'urgent', 'High', 'weird', undefined),
  type: fc.constantFrom('question', 'Incident'),
  channel: fc.constantFrom('email', 'chat', 'Mail', 'fax', ''),
  requesterId: id,
  submitterId: id,
  assigneeId: fc.oneof(fc.constant(null), id),
  groupId: fc.oneof(fc.constant(null), id),
  organizationId: fc.oneof(fc.constant(null), id),
  tags: fc.array(fc.constantFrom('vip', '', 3), { maxLength: 3 }),
  customFields: fc.oneof(
    fc.constant({}),
    fc.dictionary(fc.string({ maxLength: 3 }), fieldValue, { maxKeys: 3 }),
  ),
  createdAt: time,
  updatedAt: time,
  solvedAt: fc.oneof(fc.constant(null), time),
  dueAt: fc.oneof(fc.constant(null), time),
  language: fc.constantFrom('it', 'xx-not-a-tag'),
  extra: fc.constant(1),
};
const messageFields = {
  id,
  ticketId: id,
  source,
  authorId: id,
  authorRole: fc.constantFrom('agent', 'end-user', 'system', 'Agent', 'bot'),
  public: fc.constantFrom(true, false, 'yes'),
  body: fc.constantFrom('Hello', '', 3),
  html: fc.constantFrom('<p>Hello</p>', 3),
  channel: fc.constantFrom('email', 'Mail', ''),
  createdAt: time,
  attachments: fc.constantFrom([], [{ fileName: 'a.txt', contentType: 'text/plain', size: 1 }], 'none'),
  extra: fc.constant(1),
};

/**
 * A record the model accepted (its parsed form, from `valid` inputs), then up to three fields replaced by a value
 * drawn from `fields` or removed: so both records the model returns unchanged and near misses are common.
 */
function nearParsed(
  valid: fc.Arbitrary<unknown>,
  fields: Record<string, fc.Arbitrary<unknown>>,
  schema: { safeParse(value: unknown): { success: boolean; data?: unknown } },
) {
  const edit = fc.oneof(
    ...Object.entries(fields).map(([key, value]) =>
      fc.tuple(fc.constant(key), fc.oneof(value, fc.constant(REMOVE))),
    ),
  );
  return fc.tuple(valid, fc.array(edit, { maxLength: 3 })).map(([input, edits]) => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) throw new Error('the valid input was refused: fix the test arbitrary');
    const value: Record<string, unknown> = { ...(parsed.data as object) };
    for (const [key, replacement] of edits) {
      if (replacement === REMOVE) delete value[key];
      else value[key] = replacement;
    }
    return value;
  });
}
const day = fc.integer({ min: 0, max: 300 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000));
/** Inputs the models accept, in the forms they fold (spellings, ISO strings, numeric ids, missing defaults). */
const validTicket = fc
  .record(
    {
      id: fc.constantFrom('t1', 'a-7', 7),
      source: fc.record({ adapter: fc.constantFrom('zendesk', 'rt'), id: fc.constantFrom('1', 2) }),
      subject: fc.constantFrom('Help', ''),
      description: fc.constant('More'),
      status: fc.constantFrom('new', 'open', 'solved', 'Solved', 'on hold', 'awaiting parts'),
      priority: fc.constantFrom(null, 'low', 'High', 'weird'),
      channel: fc.constantFrom('email', 'Mail', 'fax'),
      requesterId: fc.constantFrom('c1', 9),
      submitterId: fc.constant('c2'),
      assigneeId: fc.constantFrom(null, 'a1'),
      tags: fc.array(fc.constantFrom('vip', 'billing'), { maxLength: 2 }),
      customFields: fc.dictionary(
        fc.string({ maxLength: 3 }),
        fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        {
          maxKeys: 2,
        },
      ),
      createdAt: day,
      updatedAt: day.map((d) => new Date(d.getTime() + 86_400_000 * 400)),
      solvedAt: fc.oneof(
        fc.constant(null),
        day.map((d) => d.toISOString()),
      ),
    },
    { requiredKeys: ['id', 'subject', 'status', 'requesterId', 'createdAt', 'updatedAt'] },
  )
  .map((t) => ({ ...t, solvedAt: t.solvedAt ?? null, createdAt: new Date(Date.UTC(2025, 11, 1)) }));
const validMessage = fc.record(
  {
    id: fc.constantFrom('m1', 5),
    ticketId: fc.constantFrom('t1', 7),
    source: fc.record({ adapter: fc.constantFrom('zendesk', 'rt'), id: fc.constantFrom('1', 2) }),
    authorId: fc.constantFrom('c1', 'a1'),
    authorRole: fc.constantFrom('agent', 'end-user', 'system'),
    public: fc.boolean(),
    body: fc.constantFrom('Hello', ''),
    html: fc.constant('<p>Hello</p>'),
    channel: fc.constantFrom('email', 'Mail'),
    createdAt: fc.oneof(
      day,
      day.map((d) => d.toISOString()),
    ),
  },
  { requiredKeys: ['id', 'ticketId', 'authorId', 'authorRole', 'public', 'body', 'createdAt'] },
);
const REMOVE = Symbol('remove');
const ticketLike = nearParsed(validTicket, ticketFields, Ticket);
const messageLike = nearParsed(validMessage, messageFields, Message);

/** The parsed form without what the fast lane leaves to the model: it must always take the fast lane. */
const fastLaneTicket = (t: Ticket) => t.type === undefined && t.language === undefined && !t.source?.url;
const fastLaneMessage = (m: Message) => m.attachments.length === 0 && !m.source?.url;

describe('isCanonicalTicket / isCanonicalMessage', () => {
  it('know exactly the fields of the models (a new model field must be taught here)', () => {
    const fields = (f: {
      required: readonly string[];
      optional: readonly string[];
      toModel: readonly string[];
    }) => [...f.required, ...f.optional, ...f.toModel].sort();
    expect(fields(TICKET_FIELDS)).toEqual(Object.keys(Ticket.shape).sort());
    expect(fields(MESSAGE_FIELDS)).toEqual(Object.keys(Message.shape).sort());
  });

  it('accept a ticket only when the model returns it unchanged, and every parsed ticket it can', () => {
    let accepted = 0;
    fc.assert(
      fc.property(ticketLike, (value) => {
        const parsed = Ticket.safeParse(value);
        if (isCanonicalTicket(value)) {
          accepted++;
          expect(parsed.success).toBe(true);
          expect(parsed.data).toStrictEqual(value);
        }
        if (parsed.success && fastLaneTicket(parsed.data)) expect(isCanonicalTicket(parsed.data)).toBe(true);
      }),
      { numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(150); // the property above was exercised, not vacuous
  }, 30_000); // property runs: seconds on a busy two-core machine

  it('accept a message only when the model returns it unchanged, and every parsed message it can', () => {
    let accepted = 0;
    fc.assert(
      fc.property(messageLike, (value) => {
        const parsed = Message.safeParse(value);
        if (isCanonicalMessage(value)) {
          accepted++;
          expect(parsed.success).toBe(true);
          expect(parsed.data).toStrictEqual(value);
        }
        if (parsed.success && fastLaneMessage(parsed.data))
          expect(isCanonicalMessage(parsed.data)).toBe(true);
      }),
      { numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(150);
  }, 30_000); // property runs: seconds on a busy two-core machine

  it('refuse the shapes the model would change or refuse (worked cases)', () => {
    const parsed = Ticket.parse(ticket('zendesk', '1', 'c1').value);
    expect(isCanonicalTicket(parsed)).toBe(true);
    expect(isCanonicalTicket({ ...parsed, status: 'Solved' })).toBe(false); // the model folds it to 'solved'
    expect(isCanonicalTicket({ ...parsed, createdAt: '2026-03-02T08:00:00Z' })).toBe(false); // becomes a Date
    expect(isCanonicalTicket({ ...parsed, updatedAt: new Date(0) })).toBe(false); // before createdAt
    expect(isCanonicalTicket({ ...parsed, tags: undefined })).toBe(false); // the model fills in []
    expect(isCanonicalTicket({ ...parsed, extra: 1 })).toBe(false); // the model refuses it
    // biome-ignore lint/suspicious/noSparseArray: a hole is what is tested
    expect(isCanonicalTicket({ ...parsed, tags: [, 'vip'] })).toBe(false); // the hole reads as undefined
    expect(isCanonicalTicket(Object.assign(Object.create({ x: 1 }), parsed))).toBe(false); // not a plain object
  });
});

describe('buildCardIndex with parsed records (the fast lane)', () => {
  it('gives the same cards, tickets and messages as the records as written', async () => {
    const raw = [
      customer('zendesk', 'c1', [{ kind: 'email', value: 'ada@example.com' }]),
      customer('rt', 'r1', [{ kind: 'email', value: 'ADA@example.com' }]),
      ticket('zendesk', '1', 'c1', { status: 'Solved', tags: ['vip'] }),
      ticket('rt', '2', 'r1', { customFields: { plan: 'gold', seats: 3 } }),
      message('zendesk', 'm1', '1'),
      message('rt', 'm2', '2'),
    ];
    const parsed = raw.map((r) => ({
      kind: r.kind,
      value:
        r.kind === 'tickets'
          ? Ticket.parse(r.value)
          : r.kind === 'messages'
            ? Message.parse(r.value)
            : r.value,
    }));
    const fromRaw = await buildCardIndex(raw);
    const fromParsed = await buildCardIndex(parsed);
    const [cardId] = fromRaw.cardIds();
    expect(fromParsed.cardIds()).toEqual([cardId]);
    expect(fromParsed.collect(cardId!)).toEqual(fromRaw.collect(cardId!));
  });

  it('still refuses a parsed-looking record the model refuses, with its place', async () => {
    const bad = {
      kind: 'tickets',
      value: { ...Ticket.parse(ticket('zendesk', '1', 'c1').value), status: '' },
    };
    const error = await buildCardIndex([bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(String((error as Error).message)).toContain('source[0]');
  });
});
