/**
 * Erlang A (M/M/N+M, Palm's model with abandonment; Garnett, Mandelbaum & Reiman 2002): Poisson arrivals at rate
 * λ, exponential handling at rate μ per agent, and each waiting caller hangs up after an exponential patience of
 * mean 1/θ. The number in system is a birth-death chain with death rate min(n, N)·μ + max(n − N, 0)·θ; its
 * stationary law is computed in log space (no overflow at thousands of agents), truncated where the tail is
 * below e^−40 of the mode. The chain is stable at any load (hang-ups bound the queue), so `overloaded` only flags offered load ≥ agents.
 */
import { type ErlangResult, IDLE_FIGURES } from './erlang.js';

/** Smallest log-probability kept, relative to the largest. */
const TAIL = 40;
/** Hard cap on states, to bound the cost of absurd inputs. */
const MAX_STATES = 200_000;

function stationary(servers: number, lambda: number, mu: number, theta: number): Float64Array {
  const logs: number[] = [0];
  let max = 0;
  for (let n = 1; n < MAX_STATES; n++) {
    const death = Math.min(n, servers) * mu + Math.max(n - servers, 0) * theta;
    const next = logs[n - 1]! + Math.log(lambda / death);
    logs.push(next);
    if (next > max) max = next;
    if (n > servers && lambda < death && next < max - TAIL) break;
  }
  let sum = 0;
  for (const l of logs) sum += Math.exp(l - max);
  return Float64Array.from(logs, (l) => Math.exp(l - max) / sum);
}

/** Poisson(mean) probabilities 0..J, by recursion from the mode in log space. */
function poissonWeights(mean: number, upto: number): Float64Array {
  const out = new Float64Array(upto + 1);
  let log = -mean;
  for (let j = 0; j <= upto; j++) {
    if (j > 0) log += Math.log(mean / j);
    out[j] = Math.exp(log);
  }
  return out;
}

/**
 * P(answered within `target` | an arrival finds `k` callers queued ahead), averaged over the arrival law `w`
 * (w[k] = P(k ahead)). The tagged caller moves up at rate Nμ + kθ and leaves at rate θ; uniformisation at rate Λ
 * turns that into a discrete chain, weighted by Poisson(Λ·target) steps.
 */
function answeredWithin(w: Float64Array, servers: number, mu: number, theta: number, target: number): number {
  const k = w.length;
  const rate = servers * mu + (k - 1) * theta + theta;
  const steps = Math.ceil(rate * target + 10 * Math.sqrt(rate * target) + 10);
  const weights = poissonWeights(rate * target, steps);
  let dist = Float64Array.from(w);
  let served = 0;
  let out = 0;
  let cumulative = 0;
  for (let j = 0; j <= steps; j++) {
    out += weights[j]! * served;
    cumulative += weights[j]!;
    const next = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      const p = dist[i]!;
      if (p === 0) continue;
      const up = (servers * mu + i * theta) / rate;
      const stay = 1 - up - theta / rate;
      if (i === 0) served += p * up;
      else next[i - 1]! += p * up;
      next[i]! += p * stay;
    }
    dist = next;
  }
  return out + (1 - cumulative) * served;
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
  const pi = stationary(servers, lambda, mu, theta);
  let wait = 0;
  let queue = 0;
  let busy = 0;
  for (let n = 0; n < pi.length; n++) {
    if (n >= servers) wait += pi[n]!;
    queue += Math.max(0, n - servers) * pi[n]!;
    busy += Math.min(n, servers) * pi[n]!;
  }
  const ahead = pi.slice(servers);
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
