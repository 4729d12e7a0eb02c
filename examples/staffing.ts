// How many agents tomorrow? Forecast the phone queue hour by hour from past arrivals, size each hour by Erlang C
// (80% of calls answered within 20 s, 30% shrinkage), and compare with the roster. Offline: the arrivals come
// from supportkit's generated helpdesk.
import { agentsFor, erlangC, forecastVolume, staffingPlan } from 'supportkit-ts';
import { generateDataset } from 'supportkit-ts/testing';

const timeZone = 'Europe/Rome';
const dataset = generateDataset({ seed: 7, tickets: 2000, days: 28, startDate: '2026-03-01', timeZone });
// Ten times the generated volume, as a call centre's phone line might see.
const calls = dataset.tickets.flatMap((t) =>
  Array.from({ length: 10 }, (_, i) => new Date(t.createdAt.getTime() + i * 37_000)),
);

// The history ends at midnight after the 28 days, so the forecast is the next whole local day: 2026-03-29, when
// clocks go forward in Rome — a 23-hour day.
const next = forecastVolume(calls, {
  interval: 'hour',
  timeZone,
  horizon: 23,
  method: 'holt-winters',
  end: '2026-03-29T00:00:00+01:00',
});
// Sunday roster: 5 agents 08:00–20:00 local time, nobody at night.
const roster = next.points.map((p) => {
  const hour = Number(p.period.slice(11, 13));
  return hour >= 8 && hour < 20 ? 5 : 0;
});
const plan = staffingPlan(next, {
  channel: 'phone',
  ahtSeconds: 240,
  serviceLevel: 0.8,
  targetSeconds: 20,
  shrinkage: 0.3,
  roster,
});

console.log(
  `Phone forecast for ${next.points[0]!.period.slice(0, 10)} (${next.method}, ${next.points.length} local hours), agents per hour:`,
);
for (const row of plan.intervals) {
  if (row.contacts < 0.5) continue;
  const gap = row.gap! < 0 ? `short ${-row.gap!}` : `spare ${row.gap}`;
  console.log(
    `  ${row.period.slice(11, 16)}  ${row.contacts.toFixed(0).padStart(4)} calls  ${String(row.agents).padStart(3)} on the phones  ${String(row.scheduled).padStart(3)} to schedule (shrinkage)  ${String(row.roster).padStart(3)} rostered  (${gap})`,
  );
}
console.log(
  `Peak hours: ${plan.peaks.map((p) => p.period.slice(11, 16)).join(', ')}; short in ${plan.shortIntervals} hours`,
);

// The same hour as chat (3 chats per agent) and with callers who hang up after a minute on average (Erlang A).
const hour = { contacts: 120, intervalMinutes: 60, ahtSeconds: 300, serviceLevel: 0.8, targetSeconds: 30 };
console.log(`\n120 contacts an hour, 5-minute handling, 80/30:`);
console.log(`  phone (Erlang C):            ${agentsFor(hour).agents} agents`);
console.log(`  chat, 3 at once:             ${agentsFor({ ...hour, concurrency: 3 }).agents} agents`);
const impatient = agentsFor({ ...hour, patienceSeconds: 60 });
console.log(
  `  phone, 60 s patience (Erlang A): ${impatient.agents} agents, ${(impatient.achieved.abandonment * 100).toFixed(1)}% hang up`,
);
const overloaded = erlangC({
  contacts: 120,
  intervalMinutes: 60,
  ahtSeconds: 300,
  agents: 9,
  targetSeconds: 30,
});
console.log(`  with 9 agents: overloaded=${overloaded.overloaded}, ASA ${overloaded.asaSeconds}`);
