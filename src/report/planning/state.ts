/**
 * What the planning sections need from the records, gathered while the report reads them and mergeable across
 * shards: arrivals per quarter hour (the forecasts' history), each customer's card state at the report's moment,
 * the SOP documents and articles, and a sample of the most recent tickets' text (the knowledge-base coverage).
 * The ticket text stays in memory and in shard states; nothing of it reaches the report but counts.
 */
import type { Message } from '../../models/message.js';
import type { Ticket } from '../../models/ticket.js';
import type { TicketEvent } from '../../models/ticket-event.js';

/**
 * A recent ticket's text and tags, for the knowledge-base coverage.
 * @example `const t: RecentTicket = { at: 0, key: 'zendesk\u00001042', subject: 'Refund', description: '', language: 'en', tags: ['billing'] };`
 */
export interface RecentTicket {
  at: number;
  /** The ticket's adapter and id: ties of `at` are broken by it, so shards merge into the one-pass sample. */
  key: string;
  subject: string;
  description: string;
  language: string | null;
  tags: string[];
}

/**
 * The JSON state of {@link planningState}.
 * @example `planningState(asOf).toJSON().quarters // [[1960000, 3]]`
 */
export interface PlanningState {
  /** Tickets created per quarter hour (epoch ms ÷ 900 000). */
  quarters: [number, number][];
  /** Per customer (adapter and requester id), the card state's rank: 1 green, 2 yellow, 3 red. */
  customers: [string, number][];
  /** SOP documents and articles as JSON, the latest version of each id. */
  sops: [string, unknown, number][];
  articles: [string, unknown, number][];
  recent: RecentTicket[];
}

/**
 * How many recent tickets the knowledge-base coverage is measured on.
 * @example `state.recent.length <= RECENT_TICKETS // true`
 */
export const RECENT_TICKETS = 200;
/** Ticket text kept per sampled ticket: suggestions read the opening of a request. */
const TEXT_LIMIT = 2000;

/**
 * One request's card state as a rank (0 none, 1 green, 2 yellow, 3 red): `deriveCardState`'s rule for one ticket
 * with `acted` known — resolved is green; open and acted on is yellow; open and nobody acted is red — without
 * its per-call validation (the ticket is parsed already). The card test checks the two agree.
 */
function cardStateRank(status: string, acted: boolean): number {
  if (status === 'deleted') return 0;
  if (status === 'solved' || status === 'closed') return 1;
  return acted ? 2 : 3;
}
/**
 * Card states by rank, worst last: a customer's card shows the worst of their requests.
 * @example `STATES[3] // 'red'`
 */
export const STATES = [null, 'green', 'yellow', 'red'] as const;

/**
 * A ticket's status at `asOf`: the last status change by then, else the status before the first change, else
 * (no history) its status now, read as open when it was solved only after `asOf`.
 */
function statusAt(ticket: Ticket, events: readonly TicketEvent[], asOf: number): string {
  let before: string | null | undefined;
  let first: string | null | undefined;
  for (const event of events) {
    if (event.type !== 'status') continue;
    if (first === undefined) first = event.from ?? 'new';
    if (event.at.getTime() <= asOf) before = event.to;
  }
  if (before !== undefined && before !== null) return before;
  if (first !== undefined && first !== null) return first;
  const solvedLater =
    ticket.solvedAt !== undefined && ticket.solvedAt !== null && ticket.solvedAt.getTime() > asOf;
  return solvedLater && (ticket.status === 'solved' || ticket.status === 'closed') ? 'open' : ticket.status;
}

/**
 * Whether a person on the team had acted on a ticket by `asOf`: an agent wrote on it, or someone other than
 * the requester changed it (the card's rule, `hasBeenActedOn`, at a moment).
 */
function actedBy(ticket: Ticket, messages: readonly Message[], events: readonly TicketEvent[], asOf: number) {
  if (messages.some((m) => m.authorRole === 'agent' && m.createdAt.getTime() <= asOf)) return true;
  return events.some((e) => e.actorId !== null && e.actorId !== ticket.requesterId && e.at.getTime() <= asOf);
}

const bump = <K>(map: Map<K, number>, key: K, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

/** Keeps the later version of a record: by its updated time, a later record winning a tie. */
function keepLatest(book: Map<string, [unknown, number]>, id: string, value: unknown, version: number) {
  const known = book.get(id);
  if (known === undefined || version >= known[1]) book.set(id, [value, version]);
}

/**
 * The planning accumulator of a report: tickets (with their messages and events, sorted), SOPs and articles in,
 * JSON state out.
 *
 * @example
 * ```ts
 * const planning = planningState(asOf);
 * planning.ticket(ticket, messages, events);
 * planning.toJSON().customers; // [['zendesk\u0000c-17', 3]]
 * ```
 */
export function planningState(asOf: number) {
  const quarters = new Map<number, number>();
  const customers = new Map<string, number>();
  const sops = new Map<string, [unknown, number]>();
  const articles = new Map<string, [unknown, number]>();
  let recent: RecentTicket[] = [];
  const trim = () => {
    recent.sort((a, b) => b.at - a.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    recent = recent.slice(0, RECENT_TICKETS);
  };
  return {
    /** A ticket of the report's window with its own messages and events (sorted by time). */
    ticket(ticket: Ticket, messages: readonly Message[], events: readonly TicketEvent[]): void {
      const created = ticket.createdAt.getTime();
      if (!(created < asOf) || ticket.status === 'deleted') return;
      bump(quarters, Math.floor(created / 900_000));
      const state = cardStateRank(statusAt(ticket, events, asOf), actedBy(ticket, messages, events, asOf));
      if (state > 0) {
        const key = `${ticket.source?.adapter ?? ''}\u0000${ticket.requesterId}`;
        customers.set(key, Math.max(customers.get(key) ?? 0, state));
      }
      recent.push({
        at: created,
        key: `${ticket.source?.adapter ?? ''}\u0000${ticket.id}`,
        subject: ticket.subject.slice(0, TEXT_LIMIT),
        description: (ticket.description ?? '').slice(0, TEXT_LIMIT),
        language: ticket.language ?? null,
        tags: [...ticket.tags],
      });
      if (recent.length >= 4 * RECENT_TICKETS) trim();
    },
    sop(value: { id: string; updatedAt?: Date | null }): void {
      keepLatest(sops, value.id, JSON.parse(JSON.stringify(value)), value.updatedAt?.getTime() ?? 0);
    },
    article(value: { id: string; updatedAt?: Date | null }): void {
      keepLatest(articles, value.id, JSON.parse(JSON.stringify(value)), value.updatedAt?.getTime() ?? 0);
    },
    toJSON(): PlanningState {
      trim();
      return {
        quarters: [...quarters],
        customers: [...customers],
        sops: [...sops].map(([id, [value, version]]) => [id, value, version]),
        articles: [...articles].map(([id, [value, version]]) => [id, value, version]),
        recent: [...recent],
      };
    },
    merge(state: PlanningState): void {
      for (const [quarter, n] of state.quarters) bump(quarters, quarter, n);
      for (const [key, rank] of state.customers) customers.set(key, Math.max(customers.get(key) ?? 0, rank));
      for (const [id, value, version] of state.sops) keepLatest(sops, id, value, version);
      for (const [id, value, version] of state.articles) keepLatest(articles, id, value, version);
      recent.push(...state.recent);
      trim();
    },
  };
}

/**
 * The planning accumulator's type.
 * @example `const planning: PlanningAccumulator = planningState(asOf);`
 */
export type PlanningAccumulator = ReturnType<typeof planningState>;
