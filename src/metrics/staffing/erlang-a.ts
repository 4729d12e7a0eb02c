/**
 * Erlang A (M/M/N+M, Palm's model with abandonment; Garnett, Mandelbaum & Reiman 2002): Poisson arrivals at rate
 * λ, exponential handling at rate μ per agent, and each waiting caller hangs up after an exponential patience of
 * mean 1/θ. The number in system is a birth-death chain with death rate min(n, N)·μ + max(n − N, 0)·θ; its
 * stationary law is computed in log space (no overflow at thousands of agents), truncated where the tail is
 * below e^−40 of the mode. The chain is stable at any load (hang-ups bound the queue), so `overloaded` only flags
 * offered load ≥ agents. The service level is in closed form (see {@link answeredWithin}): its cost grows with the
 * queue's length only, never with the target, the patience or the handling time.
 */
import { type ErlangResult, IDLE_FIGURES } from './erlang.js';

/** Smallest log-probability kept, relative to the largest. */
const TAIL = 40;
/** States kept beyond the agents at most, to bound the cost of a queue that decays very slowly. */
const MAX_QUEUE_STATES = 200_000;

/** The stationary law from `first` on, and the mass (and mean place) of the queue left beyond the last state. */
interface Stationary {
  first: number;
  p: Float64Array;
  /** Mass beyond the last state kept, when the queue is longer than {@link MAX_QUEUE_STATES}. */
  tailMass: number;
  /** Mean number of states beyond the last one kept, in that tail. */
  tailMean: number;
}

/**
 * The stationary law of the number in system. Below the agents the chain is Poisson(A)-shaped, so states more
 * than 10 standard deviations under the load weigh less than e^−50 of the mode and are left out (at 100,000
 * Erlangs that skips 97% of the states below the agents). At most {@link MAX_QUEUE_STATES} queue states are
 * kept: a longer queue that is already falling has its rest summed as a geometric tail at the last ratio (the
 * ratios only fall, so this overstates the wait, never the service); one still rising there is a fluid-scale
 * queue, and `null` says so.
 */
function stationary(servers: number, lambda: number, mu: number, theta: number): Stationary | null {
  const load = lambda / mu;
  const first = Math.max(0, Math.min(servers, Math.floor(load - 10 * Math.sqrt(load) - 20)));
  let logs = new Float64Array(1024);
  let length = 1;
  let max = 0;
  let death = 0;
  let done = false;
  for (let n = first + 1; n < servers + MAX_QUEUE_STATES; n++) {
    death = Math.min(n, servers) * mu + Math.max(n - servers, 0) * theta;
    const next = logs[length - 1]! + Math.log(lambda / death);
    if (length === logs.length) {
      const grown = new Float64Array(length * 2);
      grown.set(logs);
      logs = grown;
    }
    logs[length++] = next;
    if (next > max) max = next;
    // The death rate never falls as n grows, so once it exceeds λ every later term is smaller: stop in the tail,
    // whether or not it reaches the agents (with far more agents than load, nobody waits).
    if (lambda < death && next < max - TAIL) {
      done = true;
      break;
    }
  }
  if (!done && lambda >= death) return null;
  const p = new Float64Array(length);
  let sum = 0;
  for (let i = 0; i < length; i++) {
    p[i] = Math.exp(logs[i]! - max);
    sum += p[i]!;
  }
  const ratio = lambda / death;
  const tail = done ? 0 : (p[length - 1]! * ratio) / (1 - ratio);
  sum += tail;
  for (let i = 0; i < length; i++) p[i]! /= sum;
  return { first, p, tailMass: tail / sum, tailMean: done ? 0 : 1 / (1 - ratio) };
}

/**
 * Erlang A with a queue too long to list (offered load above the agents, callers far more patient than the
 * handling time): the fluid model (Whitt 2006, "Fluid models for multiserver queues with abandonments"), exact
 * in the limit such queues are in. Every arrival waits; the queue settles where hang-ups take the excess, so a
 * share N ÷ A is served, all after the same wait w = patience · ln(A ÷ N), and the others hang up.
 */
function fluidFigures(
  servers: number,
  traffic: number,
  targetSeconds: number,
  patienceSeconds: number,
): Omit<ErlangResult, 'agents' | 'trafficErlangs'> {
  const served = servers / traffic;
  const wait = patienceSeconds * Math.log(traffic / servers);
  return {
    serviceLevel: targetSeconds >= wait ? served : 0,
    asaSeconds: patienceSeconds * (1 - served),
    occupancy: 1,
    probabilityWait: 1,
    abandonment: 1 - served,
    overloaded: true,
  };
}

/**
 * P(answered within `target` | an arrival finds `i` callers queued ahead), averaged over the arrival law `w`
 * (w[i] = P(i ahead)). The tagged caller moves up at rate Nμ + jθ while j are ahead and hangs up at rate θ, so
 * each stage j = i, …, 0 ends after an Exp(Nμ + (j + 1)θ) time, by a move up with probability
 * (Nμ + jθ) ÷ (Nμ + (j + 1)θ), independently of when. Hence
 *   P = Nμ ÷ (Nμ + (i + 1)θ) · P(S ≤ target),  S = Σ_{j=0..i} Exp(θ(c + j)),  c = Nμ ÷ θ + 1
 * (the product telescopes). e^{−θS} is a product of Beta(c + j, 1) variables, i.e. Beta(c, i + 1), so
 * P(S ≤ target) = I_x(i + 1, c) with x = 1 − e^{−θ·target}: the chance that a negative binomial count K (c
 * failures, success probability x) is at least i + 1. Its probabilities t_m = C(m + c − 1, m) x^m (1 − x)^c
 * follow t_{m+1} = t_m · x (m + c) ÷ (m + 1), kept in log space (t_0 underflows when the target is long). One
 * pass over i, whatever the target, the patience or the handling time; the earlier uniformisation needed
 * (Nμ + iθ)·target steps of i states each, which hung at a patience of a microsecond or a target of a day.
 */
function answeredWithin(w: Float64Array, servers: number, mu: number, theta: number, target: number): number {
  const nmu = servers * mu;
  const thetaT = theta * target;
  const c = nmu / theta + 1;
  const logX = Math.log(-Math.expm1(-thetaT)); // −∞ for a target of 0: nobody queued is answered at once
  let logT = -thetaT * c; // log t_0 = c · log(1 − x)
  let cdf = 0;
  let out = 0;
  for (let i = 0; i < w.length; i++) {
    cdf += Math.exp(logT);
    const answeredInTime = Math.max(0, 1 - cdf); // P(K ≥ i + 1)
    out += w[i]! * (nmu / (nmu + (i + 1) * theta)) * answeredInTime;
    logT += logX + Math.log((i + c) / (i + 1));
  }
  return out;
}

/** Erlang A figures for N servers (internal: checked inputs, N ≥ 1 or traffic 0). */
export function erlangAFigures(
  servers: number,
  traffic: number,
  ahtSeconds: number,
  targetSeconds: number,
  patienceSeconds: number,
): Omit<ErlangResult, 'agents' | 'trafficErlangs'> {
  if (traffic === 0) return { ...IDLE_FIGURES };
  const mu = 1 / ahtSeconds;
  const lambda = traffic * mu;
  const theta = 1 / patienceSeconds;
  const law = stationary(servers, lambda, mu, theta);
  if (law === null) return fluidFigures(servers, traffic, targetSeconds, patienceSeconds);
  const { first, p } = law;
  // The tail beyond the states kept: all waiting, none counted as answered in time.
  let wait = law.tailMass;
  let queue = law.tailMass * (first + p.length - 1 - servers + law.tailMean);
  let busy = law.tailMass * servers;
  for (let i = 0; i < p.length; i++) {
    const n = first + i;
    if (n >= servers) wait += p[i]!;
    queue += Math.max(0, n - servers) * p[i]!;
    busy += Math.min(n, servers) * p[i]!;
  }
  const ahead = p.subarray(Math.min(p.length, servers - first));
  const served = servers === 0 ? 0 : answeredWithin(ahead, servers, mu, theta, targetSeconds);
  return {
    // Arrivals finding a free agent are answered at once; the others as the tagged-caller chain says.
    serviceLevel: Math.min(1, Math.max(0, 1 - wait + served)),
    asaSeconds: queue / lambda,
    occupancy: servers === 0 ? 1 : busy / servers,
    probabilityWait: wait,
    abandonment: (theta * queue) / lambda,
    // Offered load at or above capacity: only hang-ups keep the queue finite.
    overloaded: traffic >= servers,
  };
}
