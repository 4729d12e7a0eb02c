import { invalidArgument, invalidOption } from '../../errors/validation.js';
import { firstReplyDefinitionOf } from '../../metrics/first-reply.js';
import { scheduleArg } from '../../metrics/input.js';
import { type CustomerIdentity, deriveCardState } from '../../models/customer.js';
import type { CardNote, CustomerCard } from '../../models/customer-card.js';
import { Timestamp } from '../../models/primitives.js';
import type { ScheduleInput } from '../../models/schedule.js';
import type { CardIndex, CardRecords } from '../identity/card-index.js';
import { cardFigures } from './figures.js';
import { cardTicket } from './timeline.js';

/**
 * Options of {@link customerCard}.
 * @example `customerCard(index, cardId, { asOf: '2026-03-10T09:00:00Z', stateRule: 'status' })`
 */
export interface CustomerCardOptions {
  /** The moment the card describes: the figures' clock (ISO 8601 with offset, Date or epoch ms). Required. */
  asOf: string | number | Date;
  /** Business hours: the first-reply median is then also given in business minutes. */
  schedule?: ScheduleInput;
  /**
   * What makes a card red. `'activity'`: an open request nobody on the team has acted on (no agent message,
   * public or private, and no change by a person) — the seeds' rule. `'status'`: a request in status `new`.
   * @default 'activity'
   */
  stateRule?: 'activity' | 'status';
  /** The first-reply definition the median uses (see `FirstReplyDefinition`). @default 'from-creation' */
  firstReplyDefinition?: 'from-creation' | 'from-first-public-message';
}

const FN = 'customerCard';
/** Code-unit order: the same on every machine, unlike `localeCompare`. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function readOptions(options: unknown) {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalidArgument(`${FN}()`, 'options', 'expected an object with asOf');
  }
  const o = options as Record<string, unknown>;
  const asOf = Timestamp.safeParse(o.asOf);
  if (!asOf.success)
    throw invalidOption(FN, 'asOf', 'expected an ISO 8601 timestamp with offset, a Date or epoch ms');
  const stateRule = o.stateRule ?? 'activity';
  if (stateRule !== 'activity' && stateRule !== 'status') {
    throw invalidOption(FN, 'stateRule', 'must be "activity" or "status"');
  }
  let definition: ReturnType<typeof firstReplyDefinitionOf>;
  try {
    definition = firstReplyDefinitionOf(o.firstReplyDefinition);
  } catch {
    throw invalidOption(FN, 'firstReplyDefinition', 'must be "from-creation" or "from-first-public-message"');
  }
  return {
    asOf: asOf.data,
    stateRule,
    definition,
    ...(o.schedule === undefined ? {} : { schedule: scheduleArg(o.schedule, FN) }),
  };
}

/** The card's identities: each record's own id, then every identity its customers list, without repeats. */
function identitiesOf(records: CardRecords): CustomerIdentity[] {
  const out: CustomerIdentity[] = [];
  const seen = new Set<string>();
  const push = (identity: CustomerIdentity) => {
    const key = `${identity.kind}\u0000${'adapter' in identity ? identity.adapter : ''}\u0000${'channel' in identity ? identity.channel.toLowerCase() : ''}\u0000${identity.value.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(identity);
  };
  for (const ref of records.records)
    push({ kind: 'external', adapter: ref.adapter, value: ref.id, primary: false });
  for (const customer of records.customers) for (const identity of customer.identities) push(identity);
  return out;
}

/** The notes of the card's customer records, as signed notes with their first revision. */
function notesOf(records: CardRecords): CardNote[] {
  const notes: CardNote[] = [];
  for (const customer of records.customers) {
    for (const note of customer.notes) {
      const authorName = records.agents.get(note.authorId)?.name ?? null;
      const at = note.updatedAt ?? note.createdAt;
      notes.push({
        id: note.id,
        authorId: note.authorId,
        authorName,
        body: note.body,
        createdAt: note.createdAt,
        revisions: [{ authorId: note.authorId, authorName, body: note.body, at }],
      });
    }
  }
  return notes.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
}

/**
 * Assembles one customer's card from a card index: identities, organization, language and time zone from the
 * merged customer records; every ticket from every helpdesk, newest first, each with one timeline of messages
 * (public and private), status changes and survey answers; the notes, signed; the traffic-light `state`
 * (`deriveCardState` over each open request and whether anybody acted on it — see `stateRule`); and the figures
 * as of `asOf`. `cardId` may be any id the card ever had (ids survive merges).
 *
 * @example
 * ```ts
 * import { buildCardIndex, customerCard } from 'supportkit-ts/care';
 * const index = await buildCardIndex(dataset, { defaultRegion: 'IT' });
 * const card = customerCard(index, index.find({ phone: '347 1234567' })!, { asOf: '2026-03-10T09:00:00Z' });
 * card.state;                     // 'red' | 'yellow' | 'green' | null
 * card.figures.openRequests;      // 1
 * ```
 */
export function customerCard(index: CardIndex, cardId: string, options: CustomerCardOptions): CustomerCard {
  if (typeof index !== 'object' || index === null || typeof (index as CardIndex).collect !== 'function') {
    throw invalidArgument(`${FN}()`, 'index', 'expected a CardIndex from buildCardIndex()');
  }
  if (typeof cardId !== 'string') throw invalidArgument(`${FN}()`, 'cardId', 'expected a card id');
  const opts = readOptions(options);
  const records = index.collect(cardId);
  if (!records) throw invalidArgument(`${FN}()`, 'cardId', 'names no card of this index');
  const surveysOf = (ticketId: string) => ({
    csat: records.csat.filter((s) => s.ticketId === ticketId),
    nps: records.nps.filter((s) => s.ticketId === ticketId),
    ces: records.ces.filter((s) => s.ticketId === ticketId),
  });
  // Authors: the team, and the customer under any of their helpdesk ids (all of this card's records).
  const customerNames = new Map(records.customers.map((c) => [c.id, c.name] as const));
  const nameOf = (id: string) => records.agents.get(id)?.name ?? (customerNames.get(id) || null);
  const tickets = records.tickets
    .map((ticket) =>
      cardTicket(
        ticket,
        records.messages.get(ticket) ?? [],
        records.events.get(ticket) ?? [],
        surveysOf(ticket.id),
        nameOf,
      ),
    )
    .sort(
      (a, b) =>
        b.createdAt.getTime() - a.createdAt.getTime() ||
        compare(a.source?.adapter ?? '', b.source?.adapter ?? '') ||
        compare(a.id, b.id),
    );
  const state = deriveCardState(
    tickets.map((t) =>
      opts.stateRule === 'activity' ? { status: t.status, acted: t.acted } : { status: t.status },
    ),
  );
  const first = <T>(pick: (c: CardRecords['customers'][number]) => T | null | undefined): T | null => {
    for (const customer of records.customers) {
      const value = pick(customer);
      if (value !== null && value !== undefined && value !== '') return value;
    }
    return null;
  };
  const organizationId =
    first((c) => c.organizationId) ??
    first(() => records.tickets.find((t) => t.organizationId)?.organizationId);
  return {
    id: records.cardId,
    asOf: opts.asOf,
    name: first((c) => c.name) ?? '',
    records: records.records.map((ref) => ({ adapter: ref.adapter, id: ref.id })),
    identities: identitiesOf(records),
    organizationId,
    organizationName:
      organizationId === null ? null : (records.organizations.get(organizationId)?.name ?? null),
    language: first((c) => c.language),
    timeZone: first((c) => c.timeZone),
    state,
    tickets,
    notes: notesOf(records),
    figures: cardFigures({
      tickets: records.tickets,
      messages: records.messages,
      csat: records.csat,
      nps: records.nps,
      ces: records.ces,
      asOf: opts.asOf,
      definition: opts.definition,
      ...(opts.schedule ? { schedule: opts.schedule } : {}),
    }),
  };
}
