// A caller on the phone: find their card across two helpdesks and print it. The people are made up.
import { createMemoryAdapter, type DatasetRecord, parseDataset } from 'supportkit';
import { buildCardIndex, customerCard, renderCard } from 'supportkit/care';
import { callbackSink, sync } from 'supportkit/sync';

const at = (time: string) => `2026-03-02T${time}:00Z`;
// Helpdesk one (e-mail desk): Ada Verdi with an upper-case e-mail and an international phone number.
const emailDesk = createMemoryAdapter(
  parseDataset({
    customers: [
      {
        id: 'z1',
        sources: [{ adapter: 'zendesk', id: 'z1' }],
        name: 'Ada Verdi',
        identities: [
          { kind: 'email', value: 'Ada.Verdi@Example.COM' },
          { kind: 'phone', value: '+393471234567' },
        ],
        language: 'it',
        timeZone: 'Europe/Rome',
        createdAt: at('08:00'),
      },
    ],
    tickets: [
      {
        id: '900',
        source: { adapter: 'zendesk', id: '900' },
        subject: 'Fattura sbagliata',
        status: 'open',
        channel: 'email',
        requesterId: 'z1',
        tags: ['billing'],
        createdAt: at('08:00'),
        updatedAt: at('09:00'),
      },
    ],
    messages: [
      {
        id: 'm1',
        ticketId: '900',
        authorId: 'z1',
        authorRole: 'end-user',
        public: true,
        body: 'La fattura di febbraio è sbagliata.',
        createdAt: at('08:00'),
      },
      {
        id: 'm2',
        ticketId: '900',
        authorId: 'ag1',
        authorRole: 'agent',
        public: true,
        body: 'Verifichiamo subito.',
        createdAt: at('09:00'),
      },
    ],
    agents: [{ id: 'ag1', name: 'Marco', email: 'marco@shop.example' }],
  }),
);
// Helpdesk two (phone desk): the same person, lower-case e-mail, national phone format.
const phoneDesk = createMemoryAdapter(
  parseDataset({
    customers: [
      {
        id: 'r9',
        sources: [{ adapter: 'rt', id: 'r9' }],
        name: 'A. Verdi',
        identities: [{ kind: 'email', value: 'ada.verdi@example.com' }],
        createdAt: at('10:00'),
      },
    ],
    tickets: [
      {
        id: '55',
        source: { adapter: 'rt', id: '55' },
        subject: 'Richiamata',
        status: 'new',
        channel: 'phone',
        requesterId: 'r9',
        createdAt: at('10:30'),
        updatedAt: at('10:30'),
      },
    ],
  }),
);

const records: DatasetRecord[] = [];
for (const helpdesk of [emailDesk, phoneDesk]) {
  // The change feed carries tickets, messages and history; the customers come from the customer list.
  await sync(helpdesk, { sink: callbackSink(async (batch) => void records.push(...batch)) });
  for await (const customer of helpdesk.customers.list())
    records.push({ kind: 'customers', value: customer });
  for await (const agent of helpdesk.agents.list()) records.push({ kind: 'agents', value: agent });
}
const index = await buildCardIndex(records, { defaultRegion: 'IT' });
const cardId = index.find({ phone: '347 123 4567' }); // as the caller ID shows it
if (!cardId) throw new Error('no card for this caller');
const card = customerCard(index, cardId, { asOf: at('11:00') });
console.log(renderCard(card, { format: 'text', locale: 'it-IT', timeZone: 'Europe/Rome' }));
console.log(JSON.stringify(index.explain(cardId))); // which identity joined which records
