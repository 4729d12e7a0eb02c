import { z } from 'zod';
import { CardState, CustomerIdentity } from './customer.js';
import { AuthorRole } from './message.js';
import { IanaTimeZone, Id, LanguageTag, Source, Timestamp } from './primitives.js';
import { Channel, TicketPriority, TicketStatus } from './ticket.js';

/**
 * One revision of a signed note: who wrote this text and when. A note's revisions only grow.
 * @example `CardNoteRevision.parse({ authorId: 'agent-3', body: 'Prefers calls', at: '2026-03-02T10:00:00Z' })`
 */
export const CardNoteRevision = z.strictObject({
  authorId: Id,
  authorName: z.string().nullable().default(null),
  body: z.string().min(1),
  at: Timestamp,
});
/** One revision of a signed note. */
export type CardNoteRevision = z.output<typeof CardNoteRevision>;

/**
 * A note on a customer card, signed: `revisions` keeps every text it had, oldest first, each with its author and
 * time (append-only); `body`, `authorId` and `createdAt` repeat the latest text and the first author and time.
 *
 * @example
 * ```ts
 * CardNote.parse({
 *   id: 'note-1', authorId: 'agent-3', body: 'Prefers calls', createdAt: '2026-03-02T10:00:00Z',
 *   revisions: [{ authorId: 'agent-3', body: 'Prefers calls', at: '2026-03-02T10:00:00Z' }],
 * });
 * ```
 */
export const CardNote = z
  .strictObject({
    id: Id,
    /** Who wrote the note first: its signature. */
    authorId: Id,
    authorName: z.string().nullable().default(null),
    /** The current text: the latest revision's. */
    body: z.string().min(1),
    createdAt: Timestamp,
    revisions: z.array(CardNoteRevision).min(1),
  })
  .superRefine((note, ctx) => {
    const last = note.revisions[note.revisions.length - 1];
    if (last && last.body !== note.body) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'differs from the latest revision' });
    }
    for (let i = 1; i < note.revisions.length; i++) {
      if (note.revisions[i]!.at.getTime() < note.revisions[i - 1]!.at.getTime()) {
        ctx.addIssue({
          code: 'custom',
          path: ['revisions', i, 'at'],
          message: 'is before the previous revision',
        });
      }
    }
  });
/** A signed note on a customer card. */
export type CardNote = z.output<typeof CardNote>;

const entryBase = { id: Id, at: Timestamp };

/**
 * One entry of a ticket's timeline on a card: a message (public or private), a status change, or a survey
 * answer (CSAT, NPS, CES).
 * @example `CardTimelineEntry.parse({ kind: 'status', id: 'e1', at: '2026-03-02T10:00:00Z', actorId: null, from: 'new', to: 'open' })`
 */
export const CardTimelineEntry = z.discriminatedUnion('kind', [
  z.strictObject({
    ...entryBase,
    kind: z.literal('message'),
    authorId: Id,
    authorName: z.string().nullable().default(null),
    authorRole: AuthorRole,
    public: z.boolean(),
    body: z.string(),
    channel: Channel.nullable().default(null),
  }),
  z.strictObject({
    ...entryBase,
    kind: z.literal('status'),
    actorId: Id.nullable(),
    from: TicketStatus.nullable(),
    to: TicketStatus,
  }),
  z.strictObject({
    ...entryBase,
    kind: z.literal('csat'),
    rating: z.union([z.enum(['good', 'bad']), z.int().min(1).max(5)]).nullable(),
    comment: z.string().nullable().default(null),
  }),
  z.strictObject({
    ...entryBase,
    kind: z.literal('nps'),
    score: z.int().min(0).max(10),
    comment: z.string().nullable().default(null),
  }),
  z.strictObject({
    ...entryBase,
    kind: z.literal('ces'),
    score: z.int().min(1).max(7),
    comment: z.string().nullable().default(null),
  }),
]);
/** One entry of a ticket's timeline on a card. */
export type CardTimelineEntry = z.output<typeof CardTimelineEntry>;

/**
 * A request on a customer card, with its whole story as one timeline (oldest first).
 * @example `CardTicket.parse({ id: '55', source: { adapter: 'rt', id: '55' }, subject: 'Invoice', status: 'open', channel: 'email', acted: true, createdAt: t, updatedAt: t, timeline: [] })`
 */
export const CardTicket = z.strictObject({
  id: Id,
  source: Source.nullable().default(null),
  subject: z.string(),
  status: TicketStatus,
  priority: TicketPriority.nullable().default(null),
  channel: Channel,
  tags: z.array(z.string().min(1)).default([]),
  assigneeId: Id.nullable().default(null),
  /** Whether anybody on the team has acted on it: an agent's message (public or private) or a change by a person. */
  acted: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  solvedAt: Timestamp.nullable().default(null),
  timeline: z.array(CardTimelineEntry),
});
/** A request on a customer card. */
export type CardTicket = z.output<typeof CardTicket>;

const minutes = z.number().nonnegative().nullable();
const surveyAnswer = <T extends z.ZodType>(value: T) =>
  z.strictObject({ value, at: Timestamp, ticketId: Id.nullable() }).nullable();

/**
 * The figures an operator reads at a glance on a card, as of the card's `asOf`.
 * @example `card.figures.openRequests // 2`
 */
export const CardFigures = z.strictObject({
  /** Requests neither solved, closed nor deleted. */
  openRequests: z.int().nonnegative(),
  /** The oldest public customer message on an open request that no public agent message has followed. */
  oldestUnansweredAt: Timestamp.nullable(),
  /** Calendar minutes from `oldestUnansweredAt` to `asOf`. */
  oldestUnansweredMinutes: minutes,
  /** Median first reply time of this customer's tickets (the metrics' `firstReplyTime`), calendar minutes. */
  firstReplyMedianMinutes: minutes,
  /** The same in business minutes, when a schedule was given. */
  firstReplyMedianBusinessMinutes: minutes,
  lastCsat: surveyAnswer(z.union([z.enum(['good', 'bad']), z.int().min(1).max(5)])),
  lastNps: surveyAnswer(z.int().min(0).max(10)),
  lastCes: surveyAnswer(z.int().min(1).max(7)),
  /** Requests created in the 30 days up to `asOf`. */
  contactsLast30Days: z.int().nonnegative(),
  /** Requests created in the 90 days up to `asOf`. */
  contactsLast90Days: z.int().nonnegative(),
  /** The most used tags, most used first (ties by name), at most 5. */
  topTags: z.array(z.strictObject({ tag: z.string().min(1), count: z.int().positive() })),
  /** Every channel the customer used, most used first (ties by name). */
  channels: z.array(z.strictObject({ channel: Channel, count: z.int().positive() })),
});
/** The figures of a card. */
export type CardFigures = z.output<typeof CardFigures>;

/**
 * The customer card ("scheda cliente") as `customerCard()` assembles it: one customer's whole story across
 * channels and helpdesks — identities, organization, language, time zone, every request newest first with its
 * timeline, signed notes, the traffic-light state and the figures.
 *
 * @example
 * ```ts
 * import { CustomerCard, parse } from 'supportkit-ts';
 * const card = parse(CustomerCard, JSON.parse(stored));
 * card.state; // 'yellow'
 * ```
 */
export const CustomerCard = z.strictObject({
  id: Id,
  asOf: Timestamp,
  name: z.string(),
  /** The helpdesk customer records merged into this card. */
  records: z.array(Source),
  identities: z.array(CustomerIdentity),
  organizationId: Id.nullable(),
  organizationName: z.string().nullable(),
  language: LanguageTag.nullable(),
  timeZone: IanaTimeZone.nullable(),
  /** Red: an open request nobody has acted on; yellow: every open request acted on; green: nothing open. */
  state: CardState.nullable(),
  tickets: z.array(CardTicket),
  notes: z.array(CardNote),
  figures: CardFigures,
});
/** A customer card. */
export type CustomerCard = z.output<typeof CustomerCard>;
/** What {@link CustomerCard} accepts (timestamps as strings, numbers or Dates). */
export type CustomerCardInput = z.input<typeof CustomerCard>;
