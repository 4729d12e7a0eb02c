import { type Accumulator, stateOf } from './accumulator.js';
import { type TicketBundle, unresolvedIntervals } from './bundle.js';
import { reopensAccumulatorOf } from './ticket-accumulators.js';

/**
 * The report's ticket counts, which are also the JSON state of {@link ticketCountsAccumulator} (the summary's
 * state has always stored them under these names).
 * @example `const counts: TicketCounts = { total: 3, unresolved: 1, reopenedTickets: 1, reopens: 2, agentCreated: 0 };`
 */
export interface TicketCounts {
  total: number;
  /** Unresolved at `asOf`. */
  unresolved: number;
  reopenedTickets: number;
  reopens: number;
  /** Opened by an agent's public message (a logged phone call, an outbound email). */
  agentCreated: number;
}

/**
 * How many tickets, how many unresolved at `asOf`, reopened and agent-created: the {@link reopensAccumulator}
 * counts plus what the report adds to them, over parsed, time-ordered bundles (summarize's path: no input
 * checks).
 *
 * @example
 * ```ts
 * const acc = ticketCountsAccumulator(Date.parse('2026-03-01T00:00:00Z'));
 * acc.add(sortedBundle).result().unresolved;
 * ```
 */
export function ticketCountsAccumulator(asOf: number): Accumulator<TicketBundle, TicketCounts, TicketCounts> {
  const reopens = reopensAccumulatorOf(true);
  let unresolved = 0;
  let agentCreated = 0;
  const counts = (): TicketCounts => {
    const r = reopens.toJSON();
    return {
      total: r.tickets,
      unresolved,
      reopenedTickets: r.reopenedTickets,
      reopens: r.reopens,
      agentCreated,
    };
  };
  return {
    add(bundle) {
      const { ticket, messages, events } = bundle;
      reopens.add(bundle);
      if (
        unresolvedIntervals(ticket, events).some(([from, to]) => from <= asOf && (to === null || to > asOf))
      )
        unresolved++;
      if (messages.find((m) => m.public)?.authorRole === 'agent') agentCreated++;
      return this;
    },
    merge(other) {
      const s = stateOf<TicketCounts>(other);
      reopens.merge({ tickets: s.total, reopenedTickets: s.reopenedTickets, reopens: s.reopens });
      unresolved += s.unresolved;
      agentCreated += s.agentCreated;
      return this;
    },
    result: counts,
    toJSON: counts,
  };
}
