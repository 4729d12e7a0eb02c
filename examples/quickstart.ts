// The README quickstart, kept runnable: `npm test` runs this file as it is.
import { parseTicket, ValidationError } from 'supportkit-ts';
import { generateDataset } from 'supportkit-ts/testing';

const ticket = parseTicket({
  id: '1001',
  subject: 'Cannot log in',
  status: 'open',
  requesterId: 'c-17',
  createdAt: '2026-03-02T09:15:00+01:00',
  updatedAt: 1772443800000,
});
console.log(ticket.createdAt.toISOString(), ticket.priority); // 2026-03-02T08:15:00.000Z null (none set, none invented)

try {
  parseTicket({ ...ticket, status: 3, createdAt: '2026-03-02 09:15' });
} catch (error) {
  if (error instanceof ValidationError) console.log(error.message); // lists status and createdAt
}

const dataset = generateDataset({ seed: 42, tickets: 500, days: 30 });
console.log(`${dataset.tickets.length} tickets, ${dataset.messages.length} messages`);
