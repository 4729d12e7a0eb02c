/**
 * How the cost of agentsFor grows with the offered load, and of classifyTicket with the text: times at n, 2n and
 * 4n and their ratios (about 2 means linear). agentsFor evaluates O(log) staffing levels, each O(agents) for
 * Erlang C (the Erlang B recursion) and O(states near the load) for Erlang A, whose service level is in closed
 * form — so its cost does not grow with the target or the patience either, which the last lines show. Runs in
 * a few seconds.
 *
 *   npx tsx bench/staffing.ts [load=10000] [textChars=200000]
 */
import { classifyTicket } from '../src/automations/index.js';
import { agentsFor } from '../src/index.js';
import { bestOf } from './lib/measure.js';

const load = Number(process.argv[2] ?? 10_000);
const chars = Number(process.argv[3] ?? 200_000);

function row(label: string, times: number[]) {
  const ratios = times.slice(1).map((t, i) => (t / times[i]!).toFixed(2));
  console.log(
    `${label.padEnd(44)} ${times.map((t) => `${t.toFixed(1)} ms`.padStart(10)).join('')}   ratios ${ratios.join(', ')}`,
  );
}

const staffing =
  (erlangs: number, extra: object = {}) =>
  () => {
    agentsFor({
      contacts: erlangs * 20,
      intervalMinutes: 60,
      ahtSeconds: 180,
      serviceLevel: 0.8,
      targetSeconds: 20,
      ...extra,
    });
  };

bestOf(staffing(100), 5); // warm up
console.log(`n = ${load} Erlangs, ${chars} characters of text`);
const sizes = [load, 2 * load, 4 * load];
row(
  'agentsFor, Erlang C (load n, 2n, 4n)',
  sizes.map((n) => bestOf(staffing(n))),
);
row(
  'agentsFor, Erlang A, patience 120 s',
  sizes.map((n) => bestOf(staffing(n, { patienceSeconds: 120 }))),
);
row(
  'agentsFor, Erlang A, target 20 s, 1 h, 1 day',
  [20, 3600, 86_400].map((t) => bestOf(staffing(load, { patienceSeconds: 120, targetSeconds: t }))),
);
row(
  'agentsFor, Erlang A, patience 1 s, 1 min, 1 h',
  [1, 60, 3600].map((p) => bestOf(staffing(load, { patienceSeconds: p }))),
);

const words = ['refund', 'invoice', 'delivery', 'late', 'e-mail', 'account', '...', 'password', 'è', 'ok'];
const textOf = (n: number) => {
  let text = '';
  for (let i = 0; text.length < n; i++) text += `${words[(i * 7) % words.length]} `;
  return text;
};
const rules =
  'billing: invoice, refund; shipping: delivery, tracking; login: password reset; other: never found';
row(
  'classifyTicket (text n, 2n, 4n characters)',
  [chars, 2 * chars, 4 * chars].map((n) => {
    const text = textOf(n);
    return bestOf(() => classifyTicket(text, rules));
  }),
);
