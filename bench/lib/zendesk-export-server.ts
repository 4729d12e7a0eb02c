/**
 * A local Zendesk incremental-export server for the benchmark: tickets are generated from their index on the fly
 * (nothing held), served 1000 per page through both the cursor export (supportkit, the bare loop) and the
 * time-based export with next_page (node-zendesk's `tickets.incremental`). The number of tickets is the first
 * path segment (`/200000/api/v2/...`), so one server serves every size of a run.
 *
 * It runs in its own process (`startExportServerProcess`), so the client measured does not pay for generating
 * and serialising the pages on its own CPU; `npx tsx bench/lib/zendesk-export-server.ts` serves on a free port
 * and prints its URL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

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

/** The body of one page of either export, or undefined for any other path. */
function pageBody(origin: string, total: number, rest: string, query: URLSearchParams, perPage: number) {
  const page = (start: number) =>
    Array.from({ length: Math.max(0, Math.min(perPage, total - start)) }, (_, k) => ticketAt(start + k));
  if (rest === '/api/v2/incremental/tickets/cursor.json') {
    const start = Number(query.get('cursor') ?? 0);
    const tickets = page(start);
    const end = start + tickets.length >= total;
    return { tickets, after_cursor: String(start + tickets.length), before_cursor: null, end_of_stream: end };
  }
  if (rest === '/api/v2/incremental/tickets.json') {
    const start = Number(query.get('start_time') ?? 0);
    const tickets = page(start);
    const next = start + tickets.length;
    return {
      tickets,
      count: tickets.length,
      end_time: next,
      end_of_stream: next >= total,
      next_page:
        next >= total ? null : `${origin}/${total}/api/v2/incremental/tickets.json?start_time=${next}`,
    };
  }
  return undefined;
}

/** Serves the exports on 127.0.0.1 on a free port, in this process. */
export async function startExportServer(perPage = 1000): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://127.0.0.1');
    const [, totalText, ...rest] = url.pathname.split('/');
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const body = pageBody(origin, Number(totalText), `/${rest.join('/')}`, url.searchParams, perPage);
    res.setHeader('content-type', 'application/json');
    if (body === undefined) res.statusCode = 404;
    res.end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/**
 * Starts the server in a child process and answers with its URL (append `/<tickets>`) and a way to stop it.
 * @example `const { url, stop } = await startExportServerProcess(); fetch(`${url}/50000/api/v2/...`); stop();`
 */
export async function startExportServerProcess(): Promise<{ url: string; stop: () => void }> {
  // node itself with tsx's loader (not the tsx wrapper), so stopping it stops the server.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', import.meta.filename], {
    cwd: join(import.meta.dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`export server exited with ${code}`)));
    lines.once('line', resolve);
  });
  return { url, stop: () => child.kill() };
}

if (process.argv[1] === import.meta.filename) {
  const { url } = await startExportServer();
  console.log(url);
}
