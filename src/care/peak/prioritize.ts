/**
 * The peak playbook's queue order: when requests outrun the team, answer first what is about to breach its SLA,
 * then by priority, then by the customer's weight (tier tags, organisations). Each ticket comes back with the
 * reasons for its place, so the order can be explained to the team and checked.
 */
import { invalidArgument, invalidOption } from '../../errors/validation.js';
import { checkOptionNames } from '../../metrics/forecast/options.js';
import {
  eventsArg,
  instantArg,
  messagesArg,
  policyArg,
  scheduleArg,
  ticketArg,
} from '../../metrics/input.js';
import { slaStatusOf } from '../../metrics/sla.js';
import { appliedSlaPolicyOf } from '../../metrics/sla-match.js';
import { sortedEvents } from '../../metrics/timeline.js';
import type { Message, MessageInput } from '../../models/message.js';
import type { Schedule, ScheduleInput } from '../../models/schedule.js';
import type { SlaPolicy, SlaPolicyInput } from '../../models/sla-policy.js';
import type { Ticket, TicketInput } from '../../models/ticket.js';
import type { TicketEvent, TicketEventInput } from '../../models/ticket-event.js';

/** A ticket alone, or with its messages and events (needed for reply-based SLA targets and applied policies). */
export type QueueItem =
  | Ticket
  | TicketInput
  | {
      ticket: Ticket | TicketInput;
      messages?: readonly (Message | MessageInput)[];
      events?: readonly (TicketEvent | TicketEventInput)[];
    };

/** Weights of {@link prioritize}. Keys from the helpdesk (tags, organisation ids) are matched exactly. */
export interface PrioritizeWeights {
  /** @default { urgent: 3, high: 2, normal: 1, low: 0 } */
  priorities?: Readonly<Record<string, number>> | ReadonlyMap<string, number>;
  /** Extra weight per tag (e.g. `{ vip: 5, enterprise: 3 }`), summed over the ticket's tags. */
  tags?: Readonly<Record<string, number>> | ReadonlyMap<string, number>;
  /** Extra weight per organisation id. */
  organizations?: Readonly<Record<string, number>> | ReadonlyMap<string, number>;
  /** A running SLA target breaching within this many minutes counts as due. @default 60 */
  dueMinutes?: number;
}

/** Options of {@link prioritize}. */
export interface PrioritizeOptions {
  asOf: Date | string | number;
  policies: readonly (SlaPolicy | SlaPolicyInput)[];
  /** Required when a policy has business-hours targets. */
  schedule?: Schedule | ScheduleInput;
  weights?: PrioritizeWeights;
}

/** Where a ticket stands in the queue. */
export type QueueBand = 'breached' | 'due' | 'running' | 'noSla';

/** One ticket's place in the queue. */
export interface QueuePlace {
  /** 1 = answer first. */
  rank: number;
  ticketId: string;
  band: QueueBand;
  /** The earliest unmet SLA target's breach time, or null without one. */
  breachAt: Date | null;
  /** breachAt − asOf in minutes: negative when already breached. */
  minutesToBreach: number | null;
  /** The SLA metric of that target. */
  metric: string | null;
  priority: string | null;
  /** Priority weight + tag weights + organisation weight. */
  weight: number;
  /** Why the ticket is here, most important first. */
  reasons: string[];
}

const DEFAULT_PRIORITIES = new Map([
  ['urgent', 3],
  ['high', 2],
  ['normal', 1],
  ['low', 0],
]);
const CLOSED = new Set(['solved', 'closed', 'deleted']);
const BAND_ORDER: Record<QueueBand, number> = { breached: 0, due: 1, running: 2, noSla: 3 };

function weightMap(
  name: string,
  value: unknown,
  fallback?: ReadonlyMap<string, number>,
): ReadonlyMap<string, number> {
  if (value === undefined) return fallback ?? new Map();
  const entries =
    value instanceof Map
      ? [...value.entries()]
      : value !== null && typeof value === 'object'
        ? Object.entries(value)
        : null;
  if (entries === null || entries.some(([, w]) => typeof w !== 'number' || !Number.isFinite(w)))
    throw invalidOption('prioritize', `weights.${name}`, 'must map names to finite numbers');
  return new Map(entries as [string, number][]);
}

function itemArg(item: unknown, i: number) {
  const fn = `prioritize() tickets[${i}]`;
  if (item !== null && typeof item === 'object' && 'ticket' in item) {
    const x = item as { ticket: unknown; messages?: unknown; events?: unknown };
    return {
      ticket: ticketArg(x.ticket, fn),
      messages: messagesArg(x.messages ?? [], fn),
      events: eventsArg(x.events ?? [], fn),
    };
  }
  return { ticket: ticketArg(item, fn), messages: [], events: [] };
}

const minutesText = (m: number) =>
  Math.abs(m) < 90 ? `${Math.round(Math.abs(m))} min` : `${(Math.abs(m) / 60).toFixed(1)} h`;

/** The SLA part of a place: the earliest unmet target. */
function slaPlace(
  ticket: Ticket,
  messages: Message[],
  events: TicketEvent[],
  policies: SlaPolicy[],
  asOf: number,
  schedule: Schedule | undefined,
  dueMinutes: number,
) {
  const sorted = sortedEvents(ticket, events);
  const selection = appliedSlaPolicyOf(policies, ticket, sorted);
  if (selection.outcome !== 'policy')
    return {
      band: 'noSla' as const,
      breachAt: null,
      metric: null,
      reason: selection.outcome === 'undecided' ? 'SLA policy undecided' : 'no SLA policy',
    };
  if (selection.policy.targets.some((t) => t.businessHours) && !schedule)
    throw invalidOption('prioritize', 'schedule', 'is required: a policy has business-hours targets');
  const open = slaStatusOf(ticket, messages, sorted, selection.policy, {
    asOf,
    ...(schedule ? { schedule } : {}),
  }).filter((s) => s.fulfilledAt === null);
  if (open.length === 0)
    return { band: 'noSla' as const, breachAt: null, metric: null, reason: 'no SLA target running' };
  const next = open.reduce((a, b) => (b.breachAt < a.breachAt ? b : a));
  const minutes = (next.breachAt.getTime() - asOf) / 60_000;
  const clock = next.businessHours ? ' (business hours)' : '';
  if (minutes <= 0)
    return {
      band: 'breached' as const,
      breachAt: next.breachAt,
      metric: next.metric,
      reason: `${next.metric} SLA breached ${minutesText(minutes)} ago${clock}`,
    };
  return {
    band: minutes <= dueMinutes ? ('due' as const) : ('running' as const),
    breachAt: next.breachAt,
    metric: next.metric,
    reason: `${next.metric} SLA breaches in ${minutesText(minutes)}${clock}`,
  };
}

/**
 * Orders a queue for a busy period: breached SLA targets first (most overdue first), then targets breaching
 * within `weights.dueMinutes` (soonest first), then the rest by weight (priority + tag + organisation weights),
 * then by time to breach; ties by creation time. Solved, closed and deleted tickets are left out. Each place
 * carries the reasons for it. SLA policies are matched and clocked as `slaStatus` does (business hours
 * included).
 *
 * @example
 * ```ts
 * import { prioritize } from 'supportkit-ts';
 * const queue = prioritize(tickets, { asOf: new Date(), policies, schedule, weights: { tags: { vip: 5 } } });
 * for (const place of queue.slice(0, 10)) console.log(place.rank, place.ticketId, place.reasons.join('; '));
 * ```
 */
export function prioritize(tickets: readonly QueueItem[], options: PrioritizeOptions): QueuePlace[] {
  if (!Array.isArray(tickets))
    throw invalidArgument('prioritize()', 'tickets', 'expected an array of tickets');
  if (options === null || typeof options !== 'object')
    throw invalidOption('prioritize', '', 'expected an options object');
  checkOptionNames('prioritize', options, ['asOf', 'policies', 'schedule', 'weights']);
  if (options.asOf === undefined) throw invalidOption('prioritize', 'asOf', 'is required');
  const asOf = instantArg(options.asOf, 'prioritize() asOf');
  if (!Array.isArray(options.policies))
    throw invalidOption('prioritize', 'policies', 'must be an array of SLA policies');
  const policies = options.policies.map((p) => policyArg(p, 'prioritize'));
  const schedule = options.schedule === undefined ? undefined : scheduleArg(options.schedule, 'prioritize');
  const w = options.weights ?? {};
  const priorities = weightMap('priorities', w.priorities, DEFAULT_PRIORITIES);
  const tagWeights = weightMap('tags', w.tags);
  const orgWeights = weightMap('organizations', w.organizations);
  const dueMinutes = w.dueMinutes ?? 60;
  if (typeof dueMinutes !== 'number' || !(dueMinutes >= 0))
    throw invalidOption('prioritize', 'weights.dueMinutes', 'must be a number ≥ 0');

  const places = tickets.flatMap((item, i) => {
    const { ticket, messages, events } = itemArg(item, i);
    if (CLOSED.has(ticket.status)) return [];
    const sla = slaPlace(ticket, messages, events, policies, asOf, schedule, dueMinutes);
    const reasons = [sla.reason];
    let weight = ticket.priority === null ? 0 : (priorities.get(ticket.priority) ?? 0);
    if (ticket.priority !== null) reasons.push(`priority ${ticket.priority} (${weight})`);
    for (const tag of new Set(ticket.tags)) {
      const t = tagWeights.get(tag);
      if (t !== undefined) {
        weight += t;
        reasons.push(`tag ${tag} (${t >= 0 ? '+' : ''}${t})`);
      }
    }
    const o = ticket.organizationId === null ? undefined : orgWeights.get(ticket.organizationId);
    if (o !== undefined) {
      weight += o;
      reasons.push(`organization weight ${o >= 0 ? '+' : ''}${o}`);
    }
    const minutesToBreach = sla.breachAt === null ? null : (sla.breachAt.getTime() - asOf) / 60_000;
    return [
      {
        place: {
          rank: 0,
          ticketId: ticket.id,
          band: sla.band,
          breachAt: sla.breachAt,
          minutesToBreach,
          metric: sla.metric,
          priority: ticket.priority,
          weight,
          reasons,
        },
        created: ticket.createdAt.getTime(),
      },
    ];
  });
  places.sort((a, b) => compare(a.place, b.place) || a.created - b.created);
  return places.map(({ place }, i) => ({ ...place, rank: i + 1 }));
}

function compare(a: QueuePlace, b: QueuePlace): number {
  const band = BAND_ORDER[a.band] - BAND_ORDER[b.band];
  if (band !== 0) return band;
  const time =
    (a.minutesToBreach ?? Number.POSITIVE_INFINITY) - (b.minutesToBreach ?? Number.POSITIVE_INFINITY);
  if (a.band === 'breached' || a.band === 'due') return time || b.weight - a.weight;
  return b.weight - a.weight || (Number.isNaN(time) ? 0 : time);
}
