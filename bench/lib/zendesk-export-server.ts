/**
 * A local Zendesk incremental-export server for the benchmark: tickets are generated from their index on the fly
 * (nothing held), served 1000 per page through both the cursor export (supportkit, the bare loop) and the
 * time-based export with next_page (node-zendesk's `tickets.incremental`).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

function ticketAt(i: number) {
  const created = Date.UTC(2025, 0, 1) + i * 60_000;
  return {
    id: i + 1,
    url: `https://acme.zendesk.com/api/v2/tickets/${i + 1}.json`,
    subject: `Ticket number ${i + 1} about a printer that is on fire again`,
    description: 'The printer is on fire. Again. Please send help and a fire extinguisher.',
    status: ['new', 'open', 'pending', 'solved', 'closed'][i % 5],
    priority: ['low', 'normal', 'high', 'urgent'][i % 4],
    type: 'question',
    via: { channel: 'email', source: { from: {}, to: {}, rel: null } },
    requester_id: 1000 + (i % 5000),
    submitter_id: 1000 + (i % 5000),
    assignee_id: 10 + (i % 20),
    group_id: 100 + (i % 4),
    organization_id: 500 + (i % 50),
    tags: ['printer', i % 3 === 0 ? 'fire' : 'smoke'],
    custom_fields: [{ id: 27642, value: String(i % 7) }],
    created_at: new Date(created).toISOString().replace('.000Z', 'Z'),
    updated_at: new Date(created + 3_600_000).toISOString().replace('.000Z', 'Z'),
    due_at: null,
  };
}

export async function startExportServer(
  total: number,
  perPage = 1000,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://127.0.0.1');
    const page = (start: number) =>
      Array.from({ length: Math.max(0, Math.min(perPage, total - start)) }, (_, k) => ticketAt(start + k));
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/api/v2/incremental/tickets/cursor.json') {
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const tickets = page(start);
      const end = start + tickets.length >= total;
      res.end(
        JSON.stringify({
          tickets,
          after_cursor: String(start + tickets.length),
          before_cursor: null,
          end_of_stream: end,
        }),
      );
      return;
    }
    if (url.pathname === '/api/v2/incremental/tickets.json') {
      const start = Number(url.searchParams.get('start_time') ?? 0);
      const tickets = page(start);
      const next = start + tickets.length;
      res.end(
        JSON.stringify({
          tickets,
          count: tickets.length,
          end_time: next,
          end_of_stream: next >= total,
          next_page:
            next >= total
              ? null
              : `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2/incremental/tickets.json?start_time=${next}`,
        }),
      );
      return;
    }
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
