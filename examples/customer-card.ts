// A caller on the phone: find their card across two helpdesks and print it. The people are generated.
import { createMemoryAdapter, type Dataset, type DatasetRecord, parseDataset } from 'supportkit-ts';
import { buildCardIndex, customerCard, renderCard } from 'supportkit-ts/care';
import { callbackSink, sync } from 'supportkit-ts/sync';
import { collectDataset, datasetAsOf, streamHelpdesks } from 'supportkit-ts/testing';

// Two helpdesks with the same customers spelled differently: an e-mail desk (Zendesk) and a phone desk (Request
// Tracker). Phones in E.164, as adapters hand them over; e-mails in whatever case each desk has them.
const options = { seed: 12, tickets: 400, days: 30, phoneFormat: 'e164' as const };
const both = collectDataset(streamHelpdesks(options));

/** One desk's share of the generated data: its customers, tickets and what hangs off them, plus the team. */
function deskData(adapter: string): Dataset {
  const tickets = both.tickets.filter((t) => t.source?.adapter === adapter);
  const ids = new Set(tickets.map((t) => t.id));
  return parseDataset({
    ...both,
    customers: both.customers.filter((c) => c.sources[0]?.adapter === adapter),
    tickets,
    messages: both.messages.filter((m) => ids.has(m.ticketId)),
    events: both.events.filter((e) => ids.has(e.ticketId)),
    csat: both.csat.filter((s) => ids.has(s.ticketId ?? '')),
    nps: both.nps.filter((s) => ids.has(s.ticketId ?? '')),
    ces: both.ces.filter((s) => ids.has(s.ticketId ?? '')),
  });
}

const records: DatasetRecord[] = [];
for (const helpdesk of [deskData('zendesk'), deskData('request-tracker')].map((data) =>
  createMemoryAdapter(data),
)) {
  // The change feed carries tickets, messages and history; the customers come from the customer list.
  await sync(helpdesk, { sink: callbackSink(async (batch) => void records.push(...batch)) });
  for await (const customer of helpdesk.customers.list())
    records.push({ kind: 'customers', value: customer });
  for await (const agent of helpdesk.agents.list()) records.push({ kind: 'agents', value: agent });
}
const index = await buildCardIndex(records, { defaultRegion: 'IT' });

// The caller ID shows a national number (`06 1000016`): the first caller known to both desks, with requests on both.
const callerIds = both.customers
  .filter((c) => c.sources[0]?.adapter === 'request-tracker')
  .flatMap((c) => c.identities.filter((i) => i.kind === 'phone').map((i) => i.value.replace(/^\+39/, '')));
const cardId = callerIds
  .map((phone) => index.find({ phone }))
  .find((id) => {
    const desks = new Set(index.collect(id ?? '')?.tickets.map((t) => t.source?.adapter));
    return desks.size === 2;
  });
if (!cardId) throw new Error('no caller known to both helpdesks');
const card = customerCard(index, cardId, { asOf: datasetAsOf(options) });
console.log(renderCard(card, { format: 'text', locale: 'it-IT', timeZone: 'Europe/Rome' }));
for (const merge of index.explain(cardId)) {
  // Which identity joined which records: every merge is explainable.
  console.log(`${merge.identity} ← ${merge.records.map((r) => `${r.adapter}/${r.id}`).join(', ')}`);
}
