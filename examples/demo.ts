/**
 * `npm run demo`: generates three months of a realistic helpdesk in memory (no account, no network),
 * validates every record through the models, and prints the report a support lead would read.
 */
import { type MetricsReport, parseDataset, summarize } from 'supportkit-ts';
import { generateDataset } from 'supportkit-ts/testing';
import { acknowledgementSection } from './demo/acknowledgement.js';
import { cardsSection } from './demo/cards.js';
import { forecastDemo } from './demo/forecast.js';
import { knowledgeBaseDemo } from './demo/knowledge-base.js';
import { sopsDemo } from './demo/sops.js';

const options = { seed: 2026, tickets: 6000, days: 91, startDate: '2026-01-05', timeZone: 'Europe/Rome' };
const generated = generateDataset(options);
// Through JSON and back: exactly what an app receiving this data over the wire would validate.
const dataset = parseDataset(JSON.parse(JSON.stringify(generated)));
const report = summarize(dataset, { timeZone: options.timeZone, interval: 'week', recentPeriods: 2 });

const fmt = (n: number | null | undefined, digits = 1) =>
  n === null || n === undefined ? '—' : n.toFixed(digits);
const dur = (minutes: number | null | undefined) => {
  if (minutes === null || minutes === undefined) return '—';
  if (minutes < 60) return `${minutes.toFixed(0)}m`;
  if (minutes < 1440) return `${(minutes / 60).toFixed(1)}h`;
  return `${(minutes / 1440).toFixed(1)}d`;
};
const bar = (value: number, max: number, width = 28) =>
  '█'.repeat(Math.round((value / Math.max(1, max)) * width));
const title = (text: string) => console.log(`\n${text}\n${'─'.repeat(text.length)}`);
const durations = (label: string, d: MetricsReport['firstReply']) =>
  console.log(
    `  ${label.padEnd(18)} median ${dur(d.calendarMinutes.median).padStart(6)}  p90 ${dur(d.calendarMinutes.p90).padStart(6)}` +
      `   business: median ${dur(d.businessMinutes?.median).padStart(6)}  p90 ${dur(d.businessMinutes?.p90).padStart(6)}`,
  );

console.log(`supportkit demo — a generated helpdesk (seed ${options.seed}), validated through the models`);
console.log(
  `${dataset.tickets.length} tickets · ${dataset.messages.length} messages · ${dataset.events.length} events · ` +
    `${dataset.customers.length} customers · ${dataset.agents.length} agents, ${options.startDate} → ${report.asOf.toISOString().slice(0, 10)} (${options.timeZone})`,
);

title('Weekly volume');
const maxCreated = Math.max(...report.volumes.map((v) => v.created));
for (const v of report.volumes) {
  console.log(
    `  ${v.period}  ${String(v.created).padStart(4)} ${bar(v.created, maxCreated).padEnd(28)} solved ${String(v.solved).padStart(4)}  backlog ${v.backlog}`,
  );
}

title('Speed');
durations('First reply', { ...report.firstReply });
durations('Every reply', { ...report.replyTimes, replied: 0, unreplied: 0 });
durations('First resolution', { ...report.resolution.first, replied: 0, unreplied: 0 });
console.log(
  `  unanswered now: ${report.firstReply.unreplied} · reopened tickets: ${report.tickets.reopenedTickets} · agent-created: ${report.tickets.agentCreated}`,
);

title('Service levels (attainment = achieved ÷ decided)');
for (const s of report.sla.filter((x) => x.achieved + x.breached + x.active > 0)) {
  console.log(
    `  ${s.metric.padEnd(14)} ${fmt(s.attainment)}%   achieved ${s.achieved} · breached ${s.breached} · running ${s.active}`,
  );
}

title('How customers feel');
const { csat, nps, ces } = report;
console.log(
  `  CSAT  ${fmt(csat.score)}%  (${csat.positive} good / ${csat.negative} bad; ${csat.unanswered} surveys unanswered)`,
);
console.log(
  `  NPS   ${fmt(nps.score)}  ± ${fmt(nps.marginOfError)} (95%), adjusted-Wald ${fmt(nps.interval?.[0])}…${fmt(nps.interval?.[1])}, n = ${nps.n}`,
);
console.log(`  CES   mean ${fmt(ces.mean, 2)} / 7, ${fmt(ces.easyShare)}% found it easy, n = ${ces.n}`);

title('By channel');
for (const row of report.breakdowns.channel) {
  console.log(
    `  ${row.key.padEnd(8)} ${String(row.tickets).padStart(5)} tickets   first reply median ${dur(row.firstReply.calendarMinutes.median).padStart(6)}  p90 ${dur(row.firstReply.calendarMinutes.p90).padStart(6)}   CSAT ${fmt(row.csat.score)}%`,
  );
}

title(`Contact trends: last 2 weeks vs the ${report.tagTrends.periods.length - 2} before`);
const rising = report.tagTrends.tags
  .filter((t) => t.rising)
  .sort((a, b) => (b.growth ?? 0) - (a.growth ?? 0));
for (const t of rising) {
  console.log(
    `  ▲ ${t.tag.padEnd(18)} ${fmt(t.baselineShare)}% → ${fmt(t.recentShare)}%  (×${fmt(t.growth)}, p = ${t.pValue?.toExponential(1)})`,
  );
}
if (rising.length === 0) console.log('  nothing is rising significantly');
const top = [...report.tagTrends.tags]
  .sort((a, b) => (b.recentShare ?? 0) - (a.recentShare ?? 0))
  .slice(0, 5);
console.log(`  top now: ${top.map((t) => `${t.tag} ${fmt(t.recentShare)}%`).join(' · ')}`);
const pair = report.tagTrends.cooccurrence.filter((p) => p.lift > 1.2)[0];
if (pair)
  console.log(
    `  often together: ${pair.tags.join(' + ')} (${pair.count} tickets, lift ${fmt(pair.lift, 2)})`,
  );

await cardsSection(options, title);
acknowledgementSection(dataset, '2026-02-01T00:00:00Z');
await knowledgeBaseDemo();
sopsDemo();
forecastDemo(dataset, options.timeZone, report.asOf);
