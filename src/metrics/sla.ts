import { invalidOption } from '../errors/validation.js';
import type { Message, MessageInput } from '../models/message.js';
import type { Schedule } from '../models/schedule.js';
import type { SlaMetric, SlaPolicy, SlaTarget } from '../models/sla-policy.js';
import type { Ticket, TicketInput } from '../models/ticket.js';
import type { TicketEvent, TicketEventInput } from '../models/ticket-event.js';
import { addBusinessMillis, businessMinutesBetween, type Instant, toMillis } from './business-time.js';
import { findFirstReply } from './first-reply.js';
import { eventsArg, messagesArg, optionsArg, policyArg, scheduleArg, ticketArg } from './input.js';
import { type ReplySpan, replyTimesOf } from './reply-times.js';
import { sortedEvents, sortedMessages, statusSpans } from './timeline.js';

const MINUTE = 60_000;

/** Options of {@link slaStatus}. */
export interface SlaStatusOptions {
  /** Required when any applicable target counts business hours. */
  schedule?: Schedule;
  /** The moment to judge unfulfilled targets at. Required: metrics have no hidden clock. */
  asOf: Instant;
}

/** Where one SLA target stands. */
export interface SlaTargetStatus {
  metric: SlaMetric;
  priority: string;
  targetMinutes: number;
  businessHours: boolean;
  /** 0 for single-instance metrics; the turn or update number for next reply and periodic update. */
  instance: number;
  /** When the clock started. */
  start: Date;
  /** When the target is (or was) breached if not fulfilled first. */
  breachAt: Date;
  /** When the target was met, or null while it runs. */
  fulfilledAt: Date | null;
  /** Minutes counted so far (business minutes for business-hours targets), up to fulfilment or `asOf`. */
  elapsedMinutes: number;
  state: 'achieved' | 'breached' | 'active';
}

const RESOLVED = new Set(['solved', 'closed']);
const AGENT_WORK: ReadonlySet<string> = new Set(['new', 'open']);
const REQUESTER_WAIT: ReadonlySet<string> = new Set(['new', 'open', 'hold']);

/**
 * The priority in force at `at`, from the priority history (the ticket's own without one); null = none set,
 * which no target matches: Zendesk's targets are per priority, so a ticket without one gets none
 * (docs/metrics.md).
 */
function priorityAt(ticket: Ticket, events: readonly TicketEvent[], at: number): string | null {
  const changes = events.filter((e) => e.type === 'priority');
  if (changes.length === 0) return ticket.priority;
  let priority = changes[0]!.from as string | null;
  for (const change of changes) {
    if (change.at.getTime() > at) break;
    priority = change.to as string | null;
  }
  return priority;
}

/**
 * The targets of a policy that apply to a ticket: those of the priority in force when the policy was applied
 * (the ticket's `sla` event, or creation when there is none). Events must be in time order.
 *
 * @example
 * ```ts
 * slaTargetsFor(ticket, sortedEvents, policy).map((t) => t.metric); // ['firstReply', 'resolution']
 * ```
 */
export function slaTargetsFor(
  ticket: Ticket | TicketInput,
  sortedEvents: readonly (TicketEvent | TicketEventInput)[],
  policy: SlaPolicy,
): SlaTarget[] {
  const fn = 'slaTargetsFor';
  return slaTargetsOf(ticketArg(ticket, fn), eventsArg(sortedEvents, fn), policyArg(policy, fn));
}

/**
 * {@link slaTargetsFor} over parsed models (internal: no input checks).
 * @example `slaTargetsOf(parsedTicket, sortedEvents, parsedPolicy).map((t) => t.metric);`
 */
export function slaTargetsOf(
  ticket: Ticket,
  sortedEvents: readonly TicketEvent[],
  policy: SlaPolicy,
): SlaTarget[] {
  const applied =
    sortedEvents.find((e) => e.type === 'sla' && e.to === policy.id)?.at.getTime() ??
    ticket.createdAt.getTime();
  const priority = priorityAt(ticket, sortedEvents, applied);
  return priority === null ? [] : policy.targets.filter((t) => t.priority === priority);
}

/**
 * Where each SLA target of a ticket stands as of `asOf`: its start, breach time, fulfilment time, the minutes
 * counted, and `achieved | breached | active`. The targets are those of the priority in force when the policy
 * was applied (the ticket's `sla` event, or creation when there is none). Metrics:
 *
 * - `firstReply`: creation → the first reply (as {@link firstReplyTime} finds it);
 * - `nextReply`: each customer turn after the first reply → the agent's answer (one status per turn);
 * - `periodicUpdate`: each public agent message → the next one, while unresolved (one per gap);
 * - `resolution`: creation → resolved (solved or closed) and still resolved;
 * - `requesterWait`, `agentWork`: cumulative time in new/open/hold and new/open, breached when the total
 *   reaches the target.
 *
 * @example
 * ```ts
 * import { slaStatus } from 'supportkit-ts';
 * for (const target of slaStatus(ticket, messages, events, policy, { schedule, asOf: new Date() })) {
 *   if (target.state === 'breached') console.log(`${target.metric} breached at ${target.breachAt.toISOString()}`);
 * }
 * ```
 */
export function slaStatus(
  ticket: Ticket | TicketInput,
  messages: readonly (Message | MessageInput)[],
  events: readonly (TicketEvent | TicketEventInput)[],
  policy: SlaPolicy,
  options: SlaStatusOptions,
): SlaTargetStatus[] {
  const fn = 'slaStatus';
  const opts = optionsArg(options, fn);
  if (opts.asOf === undefined) throw invalidOption('slaStatus', 'asOf', 'is required');
  return slaStatusOf(
    ticketArg(ticket, fn),
    messagesArg(messages, fn),
    eventsArg(events, fn),
    policyArg(policy, fn),
    {
      asOf: toMillis(opts.asOf, 'slaStatus() asOf'),
      ...(opts.schedule === undefined ? {} : { schedule: scheduleArg(opts.schedule, fn) }),
    },
  );
}

/**
 * {@link slaStatus} over parsed models (internal: no input checks).
 * @example `slaStatusOf(ticket, messages, events, policy, { asOf: Date.now(), schedule });`
 */
export function slaStatusOf(
  ticket: Ticket,
  messages: readonly Message[],
  events: readonly TicketEvent[],
  policy: SlaPolicy,
  options: {
    asOf: number;
    schedule?: Schedule;
    /** The ticket's reply spans, when the caller has measured them already (only their times are read). */
    replySpans?: readonly ReplySpan[];
  },
): SlaTargetStatus[] {
  const asOf = options.asOf;
  const sortedE = sortedEvents(ticket, events);
  const sortedM = sortedMessages(ticket, messages);
  const created = ticket.createdAt.getTime();
  const targets = slaTargetsOf(ticket, sortedE, policy);
  if (targets.some((t) => t.businessHours) && !options.schedule) {
    throw invalidOption('slaStatus', 'schedule', 'is required: the policy has business-hours targets');
  }
  const spans = statusSpans(ticket, sortedE);
  // Resolved since the start of the trailing run of solved/closed spans (solved then closed is one resolution).
  let resolvedAt: number | null = null;
  for (let i = spans.length - 1; i >= 0 && RESOLVED.has(spans[i]!.status); i--) resolvedAt = spans[i]!.from;
  const out: SlaTargetStatus[] = [];

  for (const target of targets) {
    switch (target.metric) {
      case 'firstReply': {
        const reply = findFirstReply(sortedM, 'from-creation');
        out.push(timed(target, 0, created, reply ? reply.createdAt.getTime() : null, options));
        break;
      }
      case 'nextReply': {
        const first = findFirstReply(sortedM, 'from-creation');
        if (!first) break;
        const replies = options.replySpans ?? replyTimesOf(ticket, sortedM, {});
        const turns = replies.filter((s) => s.from.getTime() >= first.createdAt.getTime());
        turns.forEach((turn, i) => {
          out.push(timed(target, i, turn.from.getTime(), turn.to ? turn.to.getTime() : null, options));
        });
        break;
      }
      case 'periodicUpdate': {
        const updates = sortedM
          .filter((m) => m.public && m.authorRole === 'agent')
          .map((m) => m.createdAt.getTime());
        updates.forEach((at, i) => {
          const next = updates[i + 1];
          if (next !== undefined) out.push(timed(target, i, at, next, options));
          else if (resolvedAt === null || resolvedAt > at)
            out.push(timed(target, i, at, resolvedAt, options));
        });
        break;
      }
      case 'resolution':
        out.push(timed(target, 0, created, resolvedAt, options));
        break;
      case 'requesterWait':
      case 'agentWork': {
        const counted = target.metric === 'agentWork' ? AGENT_WORK : REQUESTER_WAIT;
        out.push(cumulative(target, spans, counted, resolvedAt, asOf, options.schedule));
        break;
      }
    }
  }
  return out;
}

/**
 * A target whose clock runs from `start` until `fulfilled` (null: still running at `asOf`), in calendar time or,
 * for a business-hours target, in the schedule's business time.
 */
function timed(
  target: SlaTarget,
  instance: number,
  start: number,
  fulfilled: number | null,
  { asOf, schedule }: { asOf: number; schedule?: Schedule },
): SlaTargetStatus {
  const breach = target.businessHours
    ? addBusinessMillis(start, target.minutes, schedule!)
    : start + target.minutes * MINUTE;
  const end = fulfilled ?? Math.max(start, asOf);
  const elapsed = target.businessHours
    ? businessMinutesBetween(start, end, schedule!)
    : (end - start) / MINUTE;
  return status(target, instance, start, breach, fulfilled, elapsed, asOf);
}

function status(
  target: SlaTarget,
  instance: number,
  start: number,
  breach: number,
  fulfilled: number | null,
  elapsed: number,
  asOf: number,
): SlaTargetStatus {
  let state: SlaTargetStatus['state'];
  if (fulfilled !== null && fulfilled <= asOf) state = fulfilled <= breach ? 'achieved' : 'breached';
  else state = asOf >= breach ? 'breached' : 'active';
  return {
    metric: target.metric,
    priority: target.priority,
    targetMinutes: target.minutes,
    businessHours: target.businessHours,
    instance,
    start: new Date(start),
    breachAt: new Date(breach),
    fulfilledAt: fulfilled !== null && fulfilled <= asOf ? new Date(fulfilled) : null,
    elapsedMinutes: elapsed,
    state,
  };
}

/** A cumulative target: counts time in `counted` statuses; breached when the total reaches the target. */
function cumulative(
  target: SlaTarget,
  spans: ReturnType<typeof statusSpans>,
  counted: ReadonlySet<string>,
  resolvedAt: number | null,
  asOf: number,
  schedule: Schedule | undefined,
): SlaTargetStatus {
  const length = (a: number, b: number) =>
    target.businessHours ? businessMinutesBetween(a, b, schedule!) : (b - a) / MINUTE;
  const start = spans[0]!.from;
  let total = 0;
  let breach: number | null = null;
  let lastCountedEnd = start;
  for (const span of spans) {
    if (!counted.has(span.status)) continue;
    const end = span.to ?? Math.max(span.from, asOf);
    const upTo = Math.min(end, Math.max(span.from, asOf));
    const minutes = length(span.from, upTo);
    if (breach === null && total + minutes >= target.minutes) {
      const remaining = target.minutes - total;
      breach = target.businessHours
        ? addBusinessMillis(span.from, remaining, schedule!)
        : span.from + remaining * MINUTE;
    }
    total += minutes;
    lastCountedEnd = upTo;
  }
  if (breach === null) {
    // Not reached: project the breach at the remaining budget, from the last counted moment for a resolved
    // ticket, or from asOf for a paused one (the earliest it could breach if its clock resumed now).
    const remaining = target.minutes - total;
    const from = resolvedAt !== null ? lastCountedEnd : Math.max(lastCountedEnd, asOf);
    breach = target.businessHours ? addBusinessMillis(from, remaining, schedule!) : from + remaining * MINUTE;
  }
  return status(target, 0, start, breach, resolvedAt, total, asOf);
}
