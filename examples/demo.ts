/**
 * `npm run demo`: generates a realistic support dataset in memory (no account, no network), validates every
 * record through the models, and prints what it holds.
 */
import { deriveCardState, parseDataset, type Ticket } from 'supportkit';
import { generateDataset } from 'supportkit/testing';

const options = { seed: 2026, tickets: 3000, days: 90, startDate: '2026-01-05', timeZone: 'Europe/Rome' };
const generated = generateDataset(options);
// Through JSON and back: exactly what an app receiving this data over the wire would validate.
const dataset = parseDataset(JSON.parse(JSON.stringify(generated)));

const count = <T>(items: readonly T[], key: (item: T) => string | null | undefined) => {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item) ?? '(none)';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
};
const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
const line = (label: string, rows: [string, number][], of: number) =>
  console.log(`  ${label.padEnd(12)} ${rows.map(([k, n]) => `${k} ${pct(n, of)}`).join(' · ')}`);

const first = dataset.tickets[0]!.createdAt;
console.log(`supportkit demo — a generated helpdesk, validated through the models (seed ${options.seed})`);
console.log(
  `  period       ${first.toISOString().slice(0, 10)} → ${dataset.asOf?.toISOString().slice(0, 10)} (${options.timeZone})`,
);
console.log(
  `  records      ${dataset.tickets.length} tickets · ${dataset.messages.length} messages · ${dataset.events.length} events · ${dataset.customers.length} customers · ${dataset.agents.length} agents · ${dataset.groups.length} groups`,
);
console.log(
  `  reference    ${dataset.schedules.length} schedules · ${dataset.slaPolicies.length} SLA policy · ${dataset.sops.length} SOPs · ${dataset.articles.length} articles`,
);
const n = dataset.tickets.length;
line(
  'status',
  count(dataset.tickets, (t) => t.status),
  n,
);
line(
  'channel',
  count(dataset.tickets, (t) => t.channel),
  n,
);
line(
  'priority',
  count(dataset.tickets, (t) => t.priority),
  n,
);
line(
  'top tags',
  count(
    dataset.tickets.flatMap((t) => t.tags),
    (tag) => tag,
  ).slice(0, 6),
  n,
);
line('languages', count(dataset.customers, (c) => c.language).slice(0, 6), dataset.customers.length);

const publicShare = dataset.messages.filter((m) => m.public).length;
console.log(
  `  messages     ${pct(publicShare, dataset.messages.length)} public, ${pct(dataset.messages.length - publicShare, dataset.messages.length)} private notes`,
);
const answered = dataset.csat.filter((r) => r.rating !== null);
console.log(
  `  surveys      CSAT offered ${dataset.csat.length}, answered ${answered.length} (${pct(answered.length, dataset.csat.length)}) · NPS ${dataset.nps.length} · CES ${dataset.ces.length}`,
);

const byCustomer = new Map<string, Ticket[]>();
for (const t of dataset.tickets) byCustomer.set(t.requesterId, [...(byCustomer.get(t.requesterId) ?? []), t]);
const cards = count(dataset.customers, (c) => deriveCardState(byCustomer.get(c.id) ?? []) ?? 'no tickets');
line('card states', cards, dataset.customers.length);
console.log('All records validated. Next: metrics (first reply, CSAT, NPS, SLA) over this dataset.');
