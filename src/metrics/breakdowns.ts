import type { CsatResponse } from '../models/survey.js';
import type { Ticket } from '../models/ticket.js';
import { type Accumulator, stateOf } from './accumulator.js';
import type { TicketBundle } from './bundle.js';
import type { CsatState } from './csat.js';
import { firstReplyOf } from './first-reply.js';
import { keyedTable, own } from './keyed.js';
import { RecentMap } from './recent-map.js';
import { type DistributionSummary, summarizeValues } from './stats.js';
import type { PerTicketSchedule } from './ticket-accumulators.js';

/**
 * What the report breaks tickets down by.
 * @example `const by: BreakdownDimension = 'group';`
 */
export type BreakdownDimension = 'channel' | 'agent' | 'group' | 'organization' | 'priority';

/**
 * The dimensions in the order the report lists them.
 * @example `for (const dimension of BREAKDOWN_DIMENSIONS) console.log(report.breakdowns[dimension].length);`
 */
export const BREAKDOWN_DIMENSIONS: readonly BreakdownDimension[] = [
  'channel',
  'agent',
  'group',
  'organization',
  'priority',
];

/** The priority breakdown's row for tickets without a priority (like `(unassigned)` and `(no group)`). */
const NO_PRIORITY = '(no priority)';
/** The row of CSAT responses whose ticket this shard has not seen (or no longer remembers). */
const UNKNOWN_TICKET = '(unknown ticket)';

/**
 * One row's state: its tickets, their first reply times (the values, so medians stay exact after merging) and
 * the CSAT responses attributed to it.
 * @example `const cell: BreakdownCell = { tickets: 1, firstReply: { calendar: [12], business: [] }, csat };`
 */
export interface BreakdownCell {
  tickets: number;
  firstReply: { calendar: number[]; business: number[] };
  csat: CsatState;
}

/**
 * JSON state of {@link breakdownsAccumulator}: per dimension, a prototype-free table of rows keyed by channel,
 * agent id, group id, organization id or priority (values that come from data).
 * @example `Object.keys(state.channel); // ['email', 'chat', …]`
 */
export type BreakdownState = Record<BreakdownDimension, Record<string, BreakdownCell>>;

/**
 * One row of a breakdown, as the report shows it.
 * @example `report.breakdowns.agent[0]; // { key: 'agent-3', tickets: 41, firstReply, csat: { score, n } }`
 */
export interface BreakdownRow {
  key: string;
  tickets: number;
  firstReply: { calendarMinutes: DistributionSummary; businessMinutes: DistributionSummary | null };
  csat: { score: number | null; n: number };
}

/**
 * What the breakdowns take: a ticket with its records in time order, or a CSAT response (attributed to its
 * ticket's rows, and to its own agent when it names one).
 * @example `acc.add({ kind: 'bundle', value: sortedBundle }).add({ kind: 'csat', value: response });`
 */
export type BreakdownInput = { kind: 'bundle'; value: TicketBundle } | { kind: 'csat'; value: CsatResponse };

/** Options of {@link breakdownsAccumulator}. */
export interface BreakdownOptions extends PerTicketSchedule {
  /** How many recent tickets to remember for attributing CSAT responses. */
  ticketMemory: number;
  /** Whether business minutes are reported: the summary's choice, the same for every row and every metric. */
  hasBusiness: () => boolean;
}

/**
 * Tickets, first reply times and CSAT by channel, agent, group, organization and priority — the report's `breakdowns`, as a
 * mergeable accumulator over parsed, time-ordered bundles (summarize's path: no input checks). Rows are sorted
 * by tickets, then key.
 *
 * @example
 * ```ts
 * const acc = breakdownsAccumulator({ ticketMemory: Infinity, scheduleOf: () => schedule, hasBusiness: () => true });
 * acc.add({ kind: 'bundle', value: sortedBundle });
 * acc.result().channel[0]?.firstReply.calendarMinutes.median;
 * ```
 */
export function breakdownsAccumulator(
  options: BreakdownOptions,
): Accumulator<BreakdownInput, Record<BreakdownDimension, BreakdownRow[]>, BreakdownState> {
  const state: BreakdownState = {
    channel: keyedTable(),
    agent: keyedTable(),
    group: keyedTable(),
    organization: keyedTable(),
    priority: keyedTable(),
  };
  /** The rows of tickets seen in this shard, to attribute their surveys. */
  const ticketRows = new RecentMap<string, Record<BreakdownDimension, string>>(options.ticketMemory);
  const cell = (dimension: BreakdownDimension, key: string): BreakdownCell => {
    const table = state[dimension];
    let found = own(table, key);
    if (!found) {
      found = {
        tickets: 0,
        firstReply: { calendar: [], business: [] },
        csat: { positive: 0, negative: 0, unanswered: 0, skipped: 0 },
      };
      table[key] = found;
    }
    return found;
  };
  const addTicket = (bundle: TicketBundle) => {
    const { ticket } = bundle;
    const rows = rowsOf(ticket);
    ticketRows.set(ticket.id, rows); // past ticketMemory, the oldest ticket is forgotten
    const reply = options.firstReplyOf
      ? options.firstReplyOf(bundle)
      : firstReplyOf(ticket, bundle.messages, { schedule: options.scheduleOf(ticket) });
    for (const dimension of BREAKDOWN_DIMENSIONS) {
      const c = cell(dimension, rows[dimension]);
      c.tickets++;
      if (!reply) continue;
      c.firstReply.calendar.push(reply.calendarMinutes);
      if (reply.businessMinutes !== null) c.firstReply.business.push(reply.businessMinutes);
    }
  };
  const addCsat = (value: CsatResponse) => {
    const rows = value.ticketId ? ticketRows.get(value.ticketId) : undefined;
    for (const dimension of BREAKDOWN_DIMENSIONS) {
      const key =
        dimension === 'agent' && value.agentId ? value.agentId : (rows?.[dimension] ?? UNKNOWN_TICKET);
      const c = cell(dimension, key).csat;
      if (value.rating === null) c.unanswered++;
      else if (value.rating === 'good' || (typeof value.rating === 'number' && value.rating >= 4))
        c.positive++;
      else c.negative++;
    }
  };
  return {
    add(input) {
      if (input.kind === 'bundle') addTicket(input.value);
      else addCsat(input.value);
      return this;
    },
    merge(other) {
      const s = stateOf<BreakdownState>(other);
      for (const dimension of BREAKDOWN_DIMENSIONS) {
        for (const [key, from] of Object.entries(s[dimension] ?? {})) mergeCell(cell(dimension, key), from);
      }
      return this;
    },
    result: () =>
      Object.fromEntries(
        BREAKDOWN_DIMENSIONS.map((dimension) => [
          dimension,
          rowsOfTable(state[dimension], options.hasBusiness()),
        ]),
      ) as Record<BreakdownDimension, BreakdownRow[]>,
    toJSON: () => structuredClone(state),
  };
}

/** The rows a ticket counts in. */
function rowsOf(ticket: Ticket): Record<BreakdownDimension, string> {
  return {
    channel: ticket.channel,
    agent: ticket.assigneeId ?? '(unassigned)',
    group: ticket.groupId ?? '(no group)',
    organization: ticket.organizationId ?? '(no organization)',
    priority: ticket.priority ?? NO_PRIORITY,
  };
}

function mergeCell(into: BreakdownCell, from: BreakdownCell): void {
  into.tickets += from.tickets;
  for (const v of from.firstReply.calendar) into.firstReply.calendar.push(v);
  for (const v of from.firstReply.business) into.firstReply.business.push(v);
  for (const k of ['positive', 'negative', 'unanswered', 'skipped'] as const) into.csat[k] += from.csat[k];
}

/** A dimension's rows, most tickets first. */
function rowsOfTable(table: Record<string, BreakdownCell>, hasBusiness: boolean): BreakdownRow[] {
  return Object.entries(table)
    .map(([key, c]) => {
      const n = c.csat.positive + c.csat.negative;
      return {
        key,
        tickets: c.tickets,
        firstReply: {
          calendarMinutes: summarizeValues(c.firstReply.calendar),
          businessMinutes: hasBusiness ? summarizeValues(c.firstReply.business) : null,
        },
        csat: { score: n === 0 ? null : (100 * c.csat.positive) / n, n },
      };
    })
    .sort((a, b) => b.tickets - a.tickets || a.key.localeCompare(b.key));
}
