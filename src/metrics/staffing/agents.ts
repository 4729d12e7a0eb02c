import { invalidOption } from '../../errors/validation.js';
import { type ErlangResult, erlangArgs, erlangB, erlangCFigures } from './erlang.js';
import { erlangAFigures } from './erlang-a.js';

/** Input of {@link agentsFor}. */
export interface AgentsForInput {
  /**
   * Contacts arriving in the interval. The offered load they make, contacts × ahtSeconds ÷ (intervalMinutes × 60),
   * must be at most 100,000 Erlangs.
   */
  contacts: number;
  intervalMinutes: number;
  /** Average handling time in seconds, at least 1. */
  ahtSeconds: number;
  /** The service-level goal, a share 0 < x < 1 (0.8 for "80/20"). */
  serviceLevel: number;
  /** …answered within this many seconds (≥ 0). */
  targetSeconds: number;
  /** Share of paid time not available for contacts (breaks, training, absence), 0 ≤ x ≤ 0.9. @default 0 */
  shrinkage?: number;
  /** Highest occupancy allowed, 0.1 ≤ x ≤ 1 (sustained occupancy above ~0.85–0.9 burns agents out). @default 1 */
  maxOccupancy?: number;
  /**
   * Mean patience before a caller hangs up, in seconds, 1 ≤ x ≤ 100,000,000: switches from Erlang C to Erlang A.
   */
  patienceSeconds?: number;
  /** Chats one agent handles at once. @default 1 */
  concurrency?: number;
}

/** The staffing {@link agentsFor} finds. */
export interface AgentsForResult {
  model: 'erlang-c' | 'erlang-a';
  trafficErlangs: number;
  /**
   * Agents needed as a real number: the service level interpolated linearly between whole staffing levels (or
   * load ÷ maxOccupancy when that binds), useful for summing over intervals.
   */
  fractionalAgents: number;
  /** Whole agents on contacts needed (before shrinkage). */
  agents: number;
  /** fractionalAgents ÷ (1 − shrinkage). */
  scheduledFractional: number;
  /** Agents to schedule: ⌈agents ÷ (1 − shrinkage)⌉. */
  scheduled: number;
  /** What `agents` achieve. */
  achieved: ErlangResult;
  /** Which goal set the number. */
  limitedBy: 'serviceLevel' | 'maxOccupancy' | 'none';
}

/**
 * What agentsFor accepts, checked before any work so that no option makes it hang or answer absurdly (a search
 * for 10^10 agents, or 48 million of them at an occupancy of a millionth). Each bound is beyond any contact
 * centre: the largest run a few thousand agents at once, so 100,000 Erlangs of offered load is ample; an
 * occupancy cap under 10% (nine agents idle for one busy) or a shrinkage over 90% staffs a centre that does
 * nothing; nobody hangs up on average within a second, and a patience over 10^8 s (three years) is no hang-up
 * at all (leave it out for Erlang C); a contact handled in under a second is not a contact. Together they bound
 * the answer: at most 100,000 ÷ 0.1 = 1,000,000 servers (the most `erlangC` takes), 10,000,000 scheduled.
 */
export const STAFFING_LIMITS = {
  maxLoadErlangs: 100_000,
  minOccupancy: 0.1,
  maxShrinkage: 0.9,
  minAhtSeconds: 1,
  minPatienceSeconds: 1,
  maxPatienceSeconds: 1e8,
  maxServers: 1_000_000,
} as const;

const MAX_SERVERS = STAFFING_LIMITS.maxServers;

/** Numbers in messages as people read them: 100,000 and 1e+8 as 100,000,000. */
const shown = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 });

function share(
  fn: string,
  name: string,
  v: unknown,
  lo: number,
  hi: number,
  loOpen: boolean,
  hiOpen: boolean,
) {
  const ok =
    typeof v === 'number' && (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi) && Number.isFinite(v);
  if (!ok)
    throw invalidOption(
      fn,
      name,
      `must be a number ${loOpen ? '>' : '≥'} ${shown(lo)} and ${hiOpen ? '<' : '≤'} ${shown(hi)}`,
    );
  return v as number;
}

/** Service level of `servers` under the chosen model; Erlang C reuses the running B. */
type Evaluate = (servers: number) => Omit<ErlangResult, 'agents' | 'trafficErlangs'>;

/**
 * The fewest servers meeting the goal, from `from` up (`from − 1` is known to miss it; the service level never
 * falls as servers are added). Galloping steps 1, 2, 4, … above `from`, then bisection: about 2·log2(answer −
 * from) evaluations, all near the answer (which lies O(√load) above the load), where each costs O(servers) or
 * more (Erlang A) — doubling the servers themselves would evaluate far above it, at up to twice the cost.
 */
function search(evaluate: Evaluate, from: number, goal: number): number {
  let lo = from - 1;
  let hi = Math.max(from, 1);
  let step = 1;
  while (evaluate(hi).serviceLevel < goal) {
    // A guard only: within STAFFING_LIMITS every goal below 1 is met well before (the chance of waiting falls
    // faster than exponentially once the agents pass the load).
    if (hi >= MAX_SERVERS)
      throw invalidOption('agentsFor', 'serviceLevel', `cannot be met with ${shown(MAX_SERVERS)} servers`);
    lo = hi;
    hi = Math.min(MAX_SERVERS, Math.max(from, 1) + step);
    step *= 2;
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (evaluate(mid).serviceLevel >= goal) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Erlang A: hang-ups let fewer agents than Erlang C's answer meet the goal, and evaluating far below the load is
 * costly (the queue is long when patience is long), so search up from just above the load, then down by
 * galloping steps.
 */
function searchDown(evaluate: Evaluate, traffic: number, goal: number): number {
  let hi = search(evaluate, Math.floor(traffic) + 1, goal);
  let step = 1;
  let lo = hi - step;
  while (lo >= 1 && evaluate(lo).serviceLevel >= goal) {
    hi = lo;
    step *= 2;
    lo = hi - step;
  }
  lo = Math.max(0, lo);
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (evaluate(mid).serviceLevel >= goal) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * How many agents an interval needs to answer `serviceLevel` of contacts within `targetSeconds`: Erlang C, or
 * Erlang A when `patienceSeconds` is given (callers who hang up), with chat `concurrency`, `maxOccupancy` and
 * `shrinkage` applied. Returns fractional and whole agents before and after shrinkage, and what they achieve.
 *
 * @example
 * ```ts
 * import { agentsFor } from 'supportkit-ts';
 * const need = agentsFor({ contacts: 100, intervalMinutes: 30, ahtSeconds: 180, serviceLevel: 0.8, targetSeconds: 20, shrinkage: 0.3 });
 * need.agents; // 14 on the phones (13 reach a service level of 0.796, short of 0.8)
 * need.scheduled; // 20 rostered (14 ÷ 0.7 = 20)
 * ```
 */
export function agentsFor(input: AgentsForInput): AgentsForResult {
  const fn = 'agentsFor';
  const L = STAFFING_LIMITS;
  const a = erlangArgs(fn, input, false);
  if (a.ahtSeconds < L.minAhtSeconds)
    throw invalidOption(fn, 'ahtSeconds', `must be a finite number ≥ ${L.minAhtSeconds}`);
  // The load in servers (a chat slot is a server) sets what the search and the figures cost: checked before both.
  if (!(a.traffic <= L.maxLoadErlangs))
    throw invalidOption(
      fn,
      'contacts',
      `gives an offered load (contacts × ahtSeconds ÷ interval seconds) over ${shown(L.maxLoadErlangs)} Erlangs`,
    );
  const goal = share(fn, 'serviceLevel', input.serviceLevel, 0, 1, true, true);
  const shrinkage = share(fn, 'shrinkage', input.shrinkage ?? 0, 0, L.maxShrinkage, false, false);
  const maxOccupancy = share(fn, 'maxOccupancy', input.maxOccupancy ?? 1, L.minOccupancy, 1, false, false);
  const patience =
    input.patienceSeconds === undefined
      ? null
      : share(
          fn,
          'patienceSeconds',
          input.patienceSeconds,
          L.minPatienceSeconds,
          L.maxPatienceSeconds,
          false,
          false,
        );
  const evaluate: Evaluate = (servers) =>
    patience === null
      ? erlangCFigures(servers, a.traffic, erlangB(servers, a.traffic), a.ahtSeconds, a.targetSeconds)
      : erlangAFigures(servers, a.traffic, a.ahtSeconds, a.targetSeconds, patience);
  const model = patience === null ? 'erlang-c' : 'erlang-a';
  const done = (servers: number, fractionalServers: number, limitedBy: AgentsForResult['limitedBy']) => {
    const agents = Math.ceil(servers / a.concurrency);
    const fractionalAgents = fractionalServers / a.concurrency;
    const achieved = evaluate(agents * a.concurrency);
    return {
      model,
      trafficErlangs: a.traffic,
      fractionalAgents,
      agents,
      scheduledFractional: fractionalAgents / (1 - shrinkage),
      scheduled: Math.max(0, Math.ceil(agents / (1 - shrinkage) - 1e-9)),
      achieved: { trafficErlangs: a.traffic, agents, ...achieved },
      limitedBy,
    } satisfies AgentsForResult;
  };
  if (a.traffic === 0) return done(0, 0, 'none');
  const bySl =
    patience === null
      ? search(evaluate, Math.floor(a.traffic) + 1, goal)
      : searchDown(evaluate, a.traffic, goal);
  const below = bySl > 1 ? evaluate(bySl - 1).serviceLevel : 0;
  const at = evaluate(bySl).serviceLevel;
  const fractionalSl = bySl - 1 + (at > below ? (goal - below) / (at - below) : 1);
  // Erlang C already needs agents above the load; under Erlang A fewer than the load can meet a goal (callers
  // hang up), so occupancy is capped only when asked to.
  const byOccupancy = input.maxOccupancy === undefined ? 0 : a.traffic / maxOccupancy;
  if (Math.ceil(byOccupancy - 1e-9) > bySl)
    return done(Math.ceil(byOccupancy - 1e-9), byOccupancy, 'maxOccupancy');
  return done(bySl, Math.max(fractionalSl, byOccupancy), 'serviceLevel');
}
