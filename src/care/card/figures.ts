import { type FirstReplyDefinition, firstReplyOf } from '../../metrics/first-reply.js';
import { quantileSorted } from '../../metrics/stats.js';
import type { CardFigures } from '../../models/customer-card.js';
import type { Message } from '../../models/message.js';
import type { Schedule } from '../../models/schedule.js';
import type { CesResponse, CsatResponse, NpsResponse } from '../../models/survey.js';
import type { Ticket } from '../../models/ticket.js';

const DAY_MS = 86_400_000;
const CLOSED = new Set(['solved', 'closed', 'deleted']);

/**
 * Whether a request is still open: neither solved, closed nor deleted (unknown vendor statuses count as open).
 * @example `isOpenRequest({ status: 'pending' }) // true`
 */
export const isOpenRequest = (ticket: Pick<Ticket, 'status'>): boolean => !CLOSED.has(ticket.status);

/**
 * The input of {@link cardFigures}: a card's tickets with their messages, and its surveys.
 * @example `cardFigures({ tickets, messages, csat: [], nps: [], ces: [], asOf: new Date() })`
 */
export interface FigureInput {
  tickets: readonly Ticket[];
  messages: ReadonlyMap<Ticket, readonly Message[]>;
  csat: readonly CsatResponse[];
  nps: readonly NpsResponse[];
  ces: readonly CesResponse[];
  asOf: Date;
  schedule?: Schedule;
  definition?: FirstReplyDefinition;
}

/** The latest answered survey of a list, or null. */
function latest<T extends { createdAt: Date; ticketId: string | null }, V>(
  list: readonly T[],
  answerOf: (response: T) => V | null,
): { value: V; at: Date; ticketId: string | null } | null {
  let best: { value: V; at: Date; ticketId: string | null } | null = null;
  for (const response of list) {
    const value = answerOf(response);
    if (value === null) continue;
    if (best === null || response.createdAt.getTime() > best.at.getTime()) {
      best = { value, at: response.createdAt, ticketId: response.ticketId };
    }
  }
  return best;
}

/** Entries of a count Map, most first, ties by key. */
function ranked(counts: Map<string, number>): [string, number][] {
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
}

/** The median of a list of numbers, or null when it is empty. */
function median(values: number[]): number | null {
  return values.length === 0
    ? null
    : quantileSorted(
        values.sort((a, b) => a - b),
        0.5,
      );
}

/**
 * The figures of a card as of `asOf`: open requests, the oldest unanswered customer message, the first-reply
 * median (the metrics' `firstReplyTime`), the last survey answers, contacts in the last 30 and 90 days, top tags
 * and channels. Deleted tickets are left out.
 * @example `cardFigures({ tickets, messages, csat: [], nps: [], ces: [], asOf }).openRequests`
 */
export function cardFigures(input: FigureInput): CardFigures {
  const asOf = input.asOf.getTime();
  const tickets = input.tickets.filter((t) => t.status !== 'deleted');
  let oldest: number | null = null;
  const calendar: number[] = [];
  const business: number[] = [];
  const tags = new Map<string, number>();
  const channels = new Map<string, number>();
  let last30 = 0;
  let last90 = 0;
  for (const ticket of tickets) {
    const messages = input.messages.get(ticket) ?? [];
    if (isOpenRequest(ticket)) {
      // The customer's public messages after the last public agent message are still waiting for an answer.
      let waiting: number | null = null;
      for (const m of [...messages].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
        if (!m.public || m.createdAt.getTime() > asOf) continue;
        if (m.authorRole === 'agent') waiting = null;
        else if (m.authorRole === 'end-user') waiting ??= m.createdAt.getTime();
      }
      if (waiting !== null && (oldest === null || waiting < oldest)) oldest = waiting;
    }
    const reply = firstReplyOf(ticket, messages, {
      ...(input.schedule ? { schedule: input.schedule } : {}),
      ...(input.definition ? { definition: input.definition } : {}),
    });
    if (reply) {
      calendar.push(reply.calendarMinutes);
      if (reply.businessMinutes !== null) business.push(reply.businessMinutes);
    }
    const age = asOf - ticket.createdAt.getTime();
    if (age >= 0 && age < 30 * DAY_MS) last30++;
    if (age >= 0 && age < 90 * DAY_MS) last90++;
    for (const tag of new Set(ticket.tags)) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    channels.set(ticket.channel, (channels.get(ticket.channel) ?? 0) + 1);
  }
  return {
    openRequests: tickets.filter(isOpenRequest).length,
    oldestUnansweredAt: oldest === null ? null : new Date(oldest),
    oldestUnansweredMinutes: oldest === null ? null : Math.max(0, (asOf - oldest) / 60_000),
    firstReplyMedianMinutes: median(calendar),
    firstReplyMedianBusinessMinutes: median(business),
    lastCsat: latest(input.csat, (r) => r.rating),
    lastNps: latest(input.nps, (r) => r.score),
    lastCes: latest(input.ces, (r) => r.score),
    contactsLast30Days: last30,
    contactsLast90Days: last90,
    topTags: ranked(tags)
      .slice(0, 5)
      .map(([tag, count]) => ({ tag, count })),
    channels: ranked(channels).map(([channel, count]) => ({ channel, count })),
  };
}
