/**
 * The demo's acknowledgement section: the automatic reply a customer writing on the evening of the last generated
 * day would get, and how well the reply-time promise would have been kept over the generated history.
 */
import { acknowledgement, coverage, type Dataset, promiseBacktest, promiseReplyBy } from 'supportkit-ts';

const pct = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
const hours = (minutes: number | null | undefined) =>
  minutes === null || minutes === undefined ? '—' : `${(minutes / 60).toFixed(1)}h`;

/**
 * Prints one acknowledgement and the promise backtest, with and without the SLA policy.
 * @example `acknowledgementSection(dataset, '2026-02-01T00:00:00Z')`
 */
export function acknowledgementSection(dataset: Dataset, backtestSince: string): void {
  const title = 'Acknowledgements: a promise the team keeps';
  console.log(`\n${title}\n${'─'.repeat(title.length)}`);
  const schedule = dataset.schedules.find((s) => s.id === 'sched-team') ?? dataset.schedules[0]!;
  const last = dataset.tickets.findLast((t) => t.channel === 'email' && t.priority === 'normal')!;
  const promise = promiseReplyBy(last, { schedule, history: dataset });
  const ack = acknowledgement(last, {
    locale: 'it',
    promise,
    coverage: coverage(schedule, last.createdAt, { locale: 'it' }),
    articles: [{ title: 'Dove si trova il mio pacco?', url: 'https://help.example.com/it/pacco' }],
    brand: 'Acme',
    customer: { name: 'Ada', timeZone: schedule.timeZone },
  });
  console.log(`  rule: ${promise.rule}`);
  console.log(`  Subject: ${ack.subject}`);
  for (const line of ack.text.split('\n')) console.log(`  │ ${line}`);
  for (const [label, policies] of [
    ['history p90', []],
    ['SLA targets', dataset.slaPolicies],
  ] as const) {
    const r = promiseBacktest(dataset, { schedule, policies, since: backtestSince });
    console.log(
      `  backtest ${label.padEnd(12)} kept ${pct(r.keptShare).padStart(6)} of ${r.decided}  promised median ${hours(r.promisedMinutes?.median)}` +
        `  slack median ${hours(r.slackBusinessMinutes?.median)} p90 ${hours(r.slackBusinessMinutes?.p90)} (business)`,
    );
  }
}
