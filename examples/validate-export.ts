/**
 * Validate a helpdesk export before importing it: reads a JSON array of tickets (a file path as the first
 * argument, or a built-in sample with two broken rows), and prints, for every bad row, each failing field and
 * why — never the row's content, which may hold customer text.
 *
 *   npx tsx examples/validate-export.ts tickets.json
 */
import { readFileSync } from 'node:fs';
import { safeParse, Ticket } from 'supportkit-ts';

const sample = [
  {
    id: '1',
    subject: 'Refund please',
    status: 'open',
    requesterId: 'c1',
    createdAt: '2026-03-02T08:00:00Z',
    updatedAt: '2026-03-02T09:00:00Z',
  },
  {
    id: '2',
    subject: 'Broken',
    status: 'open',
    requesterId: 'c2',
    createdAt: '02/03/2026',
    updatedAt: '2026-03-02',
  },
  {
    id: '3',
    subject: 'Login',
    status: 'solved',
    priority: 5,
    requesterId: '',
    createdAt: 1772438400000,
    updatedAt: 1772438400000,
  },
];

const path = process.argv[2];
const rows: unknown = path ? JSON.parse(readFileSync(path, 'utf8')) : sample;
if (!Array.isArray(rows)) throw new TypeError('expected a JSON array of tickets');

let valid = 0;
rows.forEach((row, index) => {
  const result = safeParse(Ticket, row, `row ${index}`);
  if (result.success) valid++;
  else console.log(result.error.message);
});
console.log(`${valid} of ${rows.length} rows are valid tickets`);
