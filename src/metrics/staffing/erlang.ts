/**
 * Queueing formulas for contact centres. Erlang C (M/M/N: Poisson arrivals, exponential handling, N agents,
 * callers wait as long as it takes) through the Erlang B recursion B(n) = A·B(n−1) / (n + A·B(n−1)), which stays
 * in [0, 1] for any N — no factorials, no powers, stable at thousands of agents. Erlang A (M/M/N+M: callers
 * abandon after an exponential patience) from the birth-death chain's stationary distribution in log space.
 */
import { invalidOption } from '../../errors/validation.js';
import { checkOptionNames } from '../forecast/options.js';

const ERLANG_C_OPTIONS = [
  'contacts',
  'intervalMinutes',
  'ahtSeconds',
  'agents',
  'targetSeconds',
  'concurrency',
];
const AGENTS_FOR_OPTIONS = [
  'contacts',
  'intervalMinutes',
  'ahtSeconds',
  'serviceLevel',
  'targetSeconds',
  'shrinkage',
  'maxOccupancy',
  'patienceSeconds',
  'concurrency',
];

/** Input of {@link erlangC}. */
export interface ErlangInput {
  /** Contacts arriving in the interval. */
  contacts: number;
  /** Length of the interval in minutes (e.g. 30 or 60). */
  intervalMinutes: number;
  /** Average handling time per contact, in seconds (talk + hold + wrap-up). */
  ahtSeconds: number;
  /** Agents answering (for chat: agents, each handling `concurrency` chats at once). */
  agents: number;
  /** The service-level threshold: answered within this many seconds. */
  targetSeconds: number;
  /** Chats one agent handles at once (each chat still takes `ahtSeconds`). @default 1 */
  concurrency?: number;
}

/** What a staffing level achieves. */
export interface ErlangResult {
  /** Offered load A = arrival rate × handling time, in Erlangs. */
  trafficErlangs: number;
  agents: number;
  /** Share of contacts answered within `targetSeconds` (0..1). */
  serviceLevel: number;
  /** Average speed of answer over all contacts, in seconds; Infinity when overloaded. */
  asaSeconds: number;
  /** Share of agent capacity busy with contacts (0..1). */
  occupancy: number;
  /** Probability a contact waits at all (Erlang C's C(N, A)). */
  probabilityWait: number;
  /** Share of contacts that hang up before an answer (Erlang A; 0 under Erlang C). */
  abandonment: number;
  /**
   * Load at or above capacity (A ≥ N under Erlang C): the queue grows without bound during the interval, so no
   * steady-state figures exist — service level 0, ASA Infinity, occupancy 1.
   */
  overloaded: boolean;
}

const positive = (fn: string, name: string, v: unknown, allowZero = false) => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (!allowZero && v === 0))
    throw invalidOption(fn, name, allowZero ? 'must be a finite number ≥ 0' : 'must be a finite number > 0');
  return v;
};

/** Checks the shared inputs once, at the entry. */
export function erlangArgs(fn: string, input: Partial<ErlangInput>, needAgents: boolean) {
  if (input === null || typeof input !== 'object') throw invalidOption(fn, '', 'expected an options object');
  checkOptionNames(fn, input, needAgents ? ERLANG_C_OPTIONS : AGENTS_FOR_OPTIONS);
  const contacts = positive(fn, 'contacts', input.contacts, true);
  const intervalMinutes = positive(fn, 'intervalMinutes', input.intervalMinutes);
  const ahtSeconds = positive(fn, 'ahtSeconds', input.ahtSeconds);
  const targetSeconds = positive(fn, 'targetSeconds', input.targetSeconds, true);
  const concurrency = input.concurrency ?? 1;
  if (
    typeof concurrency !== 'number' ||
    !Number.isInteger(concurrency) ||
    concurrency < 1 ||
    concurrency > 100
  )
    throw invalidOption(fn, 'concurrency', 'must be a whole number from 1 to 100');
  let agents = 0;
  if (needAgents) {
    agents = positive(fn, 'agents', input.agents, true);
    if (!Number.isInteger(agents) || agents > 1_000_000)
      throw invalidOption(fn, 'agents', 'must be a whole number from 0 to 1,000,000');
  }
  const traffic = (contacts * ahtSeconds) / (intervalMinutes * 60);
  return { contacts, intervalMinutes, ahtSeconds, targetSeconds, concurrency, agents, traffic };
}

/** Erlang B blocking probability B(N, A) by the recursion (N servers, A Erlangs). */
export function erlangB(servers: number, traffic: number): number {
  let b = 1;
  for (let n = 1; n <= servers; n++) b = (traffic * b) / (n + traffic * b);
  return b;
}

/** What any staffing achieves with no traffic: every contact (there are none) answered at once. */
export const IDLE_FIGURES: Omit<ErlangResult, 'agents' | 'trafficErlangs'> = {
  serviceLevel: 1,
  asaSeconds: 0,
  occupancy: 0,
  probabilityWait: 0,
  abandonment: 0,
  overloaded: false,
};

/** Erlang C figures for N servers from B(N, A) (internal: no checks). */
export function erlangCFigures(
  servers: number,
  traffic: number,
  b: number,
  ahtSeconds: number,
  targetSeconds: number,
): Omit<ErlangResult, 'agents' | 'trafficErlangs'> {
  if (traffic === 0) return { ...IDLE_FIGURES };
  if (servers <= traffic)
    return {
      serviceLevel: 0,
      asaSeconds: Number.POSITIVE_INFINITY,
      occupancy: 1,
      probabilityWait: 1,
      abandonment: 0,
      overloaded: true,
    };
  const c = (servers * b) / (servers - traffic * (1 - b));
  return {
    serviceLevel: Math.max(0, 1 - c * Math.exp((-(servers - traffic) * targetSeconds) / ahtSeconds)),
    asaSeconds: (c * ahtSeconds) / (servers - traffic),
    occupancy: traffic / servers,
    probabilityWait: c,
    abandonment: 0,
    overloaded: false,
  };
}

/**
 * Erlang C: the service level, average speed of answer, occupancy and probability of waiting that `agents`
 * achieve for `contacts` per interval. With `concurrency` (chat), each agent is that many servers. When the load
 * reaches capacity the result says `overloaded` (service level 0, ASA Infinity), never a negative wait.
 *
 * @example
 * ```ts
 * import { erlangC } from 'supportkit-ts';
 * // 100 calls in 30 minutes, 3-minute handling, 14 agents, answer within 20 s:
 * erlangC({ contacts: 100, intervalMinutes: 30, ahtSeconds: 180, agents: 14, targetSeconds: 20 });
 * // { trafficErlangs: 10, serviceLevel: 0.888…, asaSeconds: 7.8…, occupancy: 0.714…, probabilityWait: 0.174… }
 * ```
 */
export function erlangC(input: ErlangInput): ErlangResult {
  const a = erlangArgs('erlangC', input, true);
  const servers = a.agents * a.concurrency;
  const figures = erlangCFigures(
    servers,
    a.traffic,
    erlangB(servers, a.traffic),
    a.ahtSeconds,
    a.targetSeconds,
  );
  return { trafficErlangs: a.traffic, agents: a.agents, ...figures };
}
