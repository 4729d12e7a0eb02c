import fc from 'fast-check';
import { CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '../../src/index.js';

/** Instants from 1990 to 2100, given in any of the three accepted input forms. */
export const instant = fc.date({
  min: new Date('1990-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});
export const timestampInput = instant.chain((date) =>
  fc.constantFrom<string | number | Date>(
    date.toISOString(),
    date.getTime(),
    date,
    // The same instant written in +05:30.
    new Date(date.getTime() + 330 * 60_000).toISOString().replace('Z', '+05:30'),
  ),
);
export const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const text = fc.string({ maxLength: 40 });
const tag = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
const openValue = <T extends string>(known: readonly T[]) =>
  fc.oneof(fc.constantFrom(...known), fc.stringMatching(/^x-[a-z]{1,8}$/));

/** Ticket inputs: created ≤ updated ≤ solved ordering holds by construction. */
export const ticketInput = fc
  .record({
    id,
    subject: text,
    status: openValue(TICKET_STATUSES),
    priority: openValue(TICKET_PRIORITIES),
    channel: openValue(CHANNELS),
    requesterId: id,
    assigneeId: fc.option(id, { nil: null }),
    tags: fc.array(tag, { maxLength: 4 }),
    customFields: fc.dictionary(
      tag,
      fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.string({ maxLength: 5 })),
      ),
      { maxKeys: 3 },
    ),
    created: instant,
    lag: fc.integer({ min: 0, max: 10 ** 9 }),
    solved: fc.boolean(),
    language: fc.option(fc.constantFrom('en', 'it', 'pt-BR', 'ja'), { nil: undefined }),
  })
  .map(({ created, lag, solved, language, ...rest }) => ({
    ...rest,
    createdAt: created.toISOString(),
    updatedAt: created.getTime() + lag,
    solvedAt: solved ? new Date(created.getTime() + lag) : null,
    ...(language ? { language } : {}),
  }));

export const messageInput = fc.record({
  id,
  ticketId: id,
  authorId: id,
  authorRole: fc.constantFrom('agent', 'end-user', 'system'),
  public: fc.boolean(),
  body: text,
  createdAt: timestampInput,
  attachments: fc.array(
    fc.record({ id, fileName: fc.constant('a.png'), contentType: fc.constant('image/png'), size: fc.nat() }),
    { maxLength: 2 },
  ),
});

export const ticketEventInput = fc.oneof(
  fc.record({
    id,
    ticketId: id,
    at: timestampInput,
    type: fc.constant('status'),
    from: fc.option(openValue(TICKET_STATUSES), { nil: null }),
    to: openValue(TICKET_STATUSES),
  }),
  fc.record({
    id,
    ticketId: id,
    at: timestampInput,
    type: fc.constantFrom('assignee', 'group', 'sla'),
    from: fc.option(id, { nil: null }),
    to: fc.option(id, { nil: null }),
    actorId: fc.option(id, { nil: null }),
  }),
  fc.record({
    id,
    ticketId: id,
    at: timestampInput,
    type: fc.constant('tags'),
    from: fc.array(tag),
    to: fc.array(tag),
  }),
);

export const scheduleInput = fc
  .uniqueArray(fc.integer({ min: 0, max: 10_080 }), { minLength: 0, maxLength: 12 })
  .map((points) => [...points].sort((a, b) => a - b))
  .chain((points) =>
    fc.record({
      timeZone: fc.constantFrom(
        'Europe/Rome',
        'America/New_York',
        'Australia/Lord_Howe',
        'UTC',
        'Asia/Kolkata',
      ),
      intervals: fc.constant(
        points.flatMap((start, i) =>
          i % 2 === 0 && points[i + 1] !== undefined ? [{ start, end: points[i + 1]! }] : [],
        ),
      ),
      holidays: fc.array(
        fc
          .date({
            min: new Date('2020-01-01T00:00:00Z'),
            max: new Date('2030-12-31T00:00:00Z'),
            noInvalidDate: true,
          })
          .chain((d) =>
            fc.integer({ min: 0, max: 5 }).map((len) => ({
              name: 'Holiday',
              startDate: d.toISOString().slice(0, 10),
              endDate: new Date(d.getTime() + len * 86_400_000).toISOString().slice(0, 10),
            })),
          ),
        { maxLength: 3 },
      ),
    }),
  );

const surveyBase = { id, customerId: id, ticketId: fc.option(id, { nil: null }), createdAt: timestampInput };
export const csatInput = fc.record({
  ...surveyBase,
  rating: fc.oneof(fc.constantFrom('good', 'bad', null), fc.integer({ min: 1, max: 5 })),
});
export const npsInput = fc.record({ ...surveyBase, score: fc.integer({ min: 0, max: 10 }) });
export const cesInput = fc.record({ ...surveyBase, score: fc.integer({ min: 1, max: 7 }) });

export const customerInput = fc.record({
  id,
  name: text,
  identities: fc.uniqueArray(
    fc.oneof(
      fc.record({ kind: fc.constant('email'), value: fc.stringMatching(/^[a-z]{1,8}@[a-z]{1,8}\.com$/) }),
      fc.record({ kind: fc.constant('phone'), value: fc.stringMatching(/^\+[1-9]\d{8,12}$/) }),
      fc.record({ kind: fc.constant('handle'), channel: fc.constant('whatsapp'), value: id }),
      fc.record({ kind: fc.constant('external'), adapter: fc.constant('zendesk'), value: id }),
    ),
    { maxLength: 4, selector: (identity) => `${identity.kind}:${identity.value.toLowerCase()}` },
  ),
  notes: fc.array(
    fc.record({
      id,
      authorId: id,
      body: fc.string({ minLength: 1, maxLength: 20 }),
      createdAt: timestampInput,
    }),
    {
      maxLength: 2,
    },
  ),
  timeZone: fc.constantFrom('Europe/Rome', 'Asia/Tokyo'),
  createdAt: timestampInput,
});
