/**
 * What the team really does: each past ticket's first reply (when and how long, in calendar and business
 * minutes), laid out once per history and schedule so that a promise, or a backtest of thousands of promises,
 * reads it without measuring a ticket twice.
 */
import { bundleParsed } from '../../metrics/bundle.js';
import { firstReplyOf } from '../../metrics/first-reply.js';
import { datasetArg } from '../../metrics/input.js';
import { quantileSorted } from '../../metrics/stats.js';
import type { Message, MessageInput } from '../../models/message.js';
import type { Schedule } from '../../models/schedule.js';
import type { Ticket, TicketInput } from '../../models/ticket.js';

const DAY = 86_400_000;

/** One past ticket's first reply. */
export interface ReplyRecord {
  ticketId: string;
  channel: string;
  /** `'none'` when the ticket has no priority. */
  priority: string;
  createdAt: number;
  /** Epoch ms of the first reply, or null when there is none. */
  repliedAt: number | null;
  /** Business minutes to the first reply (calendar minutes without a schedule). */
  minutes: number | null;
}

/** Past tickets in creation order, with their first replies. */
export interface ReplyHistory {
  records: ReplyRecord[];
  /** Whether `minutes` are business minutes. */
  business: boolean;
  /** Records by scope key (`c:email|p:normal`, `p:normal`, `c:email`, `*`), in creation order; filled on demand. */
  buckets: Map<string, ReplyRecord[]>;
}

/**
 * The tickets and messages a promise learns from: a Dataset, or any object with those lists (parsed or not).
 * @example `const history: HistoryInput = await collect(helpdesk); // { tickets, messages }`
 */
export interface HistoryInput {
  tickets?: readonly (Ticket | TicketInput)[];
  messages?: readonly (Message | MessageInput)[];
}

const cache = new WeakMap<object, Map<Schedule | null, ReplyHistory>>();

/**
 * The history laid out for a schedule, cached per history object and schedule: a webhook that promises on every
 * new ticket against the same history measures it once.
 */
export function replyHistory(history: object, schedule: Schedule | null, fn: string): ReplyHistory {
  let bySchedule = cache.get(history);
  const hit = bySchedule?.get(schedule);
  if (hit) return hit;
  const dataset = datasetArg(history, fn, ['tickets', 'messages']);
  const records: ReplyRecord[] = [];
  for (const { ticket, messages } of bundleParsed({ ...dataset, events: [] })) {
    const reply = firstReplyOf(ticket, messages, schedule ? { schedule } : {});
    records.push({
      ticketId: ticket.id,
      channel: ticket.channel,
      priority: ticket.priority ?? 'none',
      createdAt: ticket.createdAt.getTime(),
      repliedAt: reply ? reply.repliedAt.getTime() : null,
      minutes: reply ? (schedule ? reply.businessMinutes! : reply.calendarMinutes) : null,
    });
  }
  records.sort((a, b) => a.createdAt - b.createdAt);
  const out = { records, business: schedule !== null, buckets: new Map() };
  if (!bySchedule) {
    bySchedule = new Map();
    cache.set(history, bySchedule);
  }
  bySchedule.set(schedule, out);
  return out;
}

/** How the history rule widens its net when too few similar tickets were answered. */
export interface HistoryEstimate {
  /** The quantile, in whole minutes (rounded up: a promise is never shorter than what was measured). */
  minutes: number;
  samples: number;
  /** Which tickets were compared, in words: `email/normal tickets`, `normal tickets`… */
  scope: string;
  /** Why the scope was widened, or '' when the similar tickets were enough. */
  widened: string;
}

interface Query {
  ticketId: string;
  channel: string;
  priority: string;
  asOf: number;
  windowDays: number;
  quantile: number;
  minSamples: number;
}

/** First index with createdAt ≥ t. */
function lowerBound(records: readonly ReplyRecord[], t: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (records[mid]!.createdAt < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The chosen quantile of first-reply minutes of tickets created in the window before `asOf` and answered by
 * then (nothing after `asOf` is read, so a backtest cannot peek), from the narrowest scope with enough answered
 * tickets: same channel and priority, then same priority, then same channel, then every ticket. Null when even
 * every ticket is too few.
 */
export function estimateFromHistory(history: ReplyHistory, q: Query): HistoryEstimate | null {
  const scopes: [string, string, (r: ReplyRecord) => boolean][] = [
    [
      `${q.channel}/${q.priority} tickets`,
      `c:${q.channel}|p:${q.priority}`,
      (r) => r.channel === q.channel && r.priority === q.priority,
    ],
    [`${q.priority}-priority tickets on any channel`, `p:${q.priority}`, (r) => r.priority === q.priority],
    [`${q.channel} tickets of any priority`, `c:${q.channel}`, (r) => r.channel === q.channel],
    ['tickets of any channel and priority', '*', () => true],
  ];
  const widenedFrom: string[] = [];
  for (const [scope, key, similar] of scopes) {
    const records = bucket(history, key, similar);
    const minutes: number[] = [];
    for (let i = lowerBound(records, q.asOf - q.windowDays * DAY); i < records.length; i++) {
      const r = records[i]!;
      if (r.createdAt >= q.asOf) break;
      if (r.ticketId !== q.ticketId && r.repliedAt !== null && r.repliedAt <= q.asOf)
        minutes.push(r.minutes!);
    }
    if (minutes.length >= q.minSamples) {
      minutes.sort((a, b) => a - b);
      return {
        // Whole minutes, up (never shorter than measured), past float noise (120 + 0.6 × 480 is 408.00000000000006).
        minutes: Math.ceil(quantileSorted(minutes, q.quantile)! - 1e-9),
        samples: minutes.length,
        scope,
        widened: widenedFrom.join('; '),
      };
    }
    widenedFrom.push(`only ${minutes.length} answered ${scope}`);
  }
  return null;
}

/** The records of one scope, kept per history (keys come from data: a Map). */
function bucket(history: ReplyHistory, key: string, similar: (r: ReplyRecord) => boolean): ReplyRecord[] {
  let hit = history.buckets.get(key);
  if (!hit) {
    hit = history.records.filter(similar);
    history.buckets.set(key, hit);
  }
  return hit;
}
