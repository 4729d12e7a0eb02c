/**
 * Worker: list every ticket of the export server (running in another process, at `url`) one way; print time,
 * count and peak RSS.
 */
import { createRequire } from 'node:module';
import { createZendeskAdapter } from '../../src/adapters/zendesk/index.js';
import { createRateLimiter } from '../../src/http/index.js';
import { apiTokenAuth } from '../../src/index.js';
import { peakRssMiB } from '../lib/measure.js';

const [way, totalText, server] = process.argv.slice(2) as [
  'supportkit' | 'node-zendesk' | 'bare',
  string,
  string,
];
const total = Number(totalText);
const url = `${server}/${total}`;

async function supportkit(): Promise<number> {
  // The local server is not Zendesk: no export budget to respect here.
  const zendesk = createZendeskAdapter({
    subdomain: 'acme',
    baseUrl: url,
    auth: apiTokenAuth({ email: 'a@b.c', token: 't' }),
    rateLimiter: createRateLimiter(),
  });
  let count = 0;
  for await (const page of zendesk.incremental.tickets(null)) count += page.tickets.length;
  return count;
}

async function nodeZendesk(): Promise<number> {
  const require = createRequire(import.meta.url);
  const zendeskClient = require('node-zendesk') as {
    createClient(o: Record<string, unknown>): { tickets: { incremental(start: number): Promise<unknown[]> } };
  };
  const client = zendeskClient.createClient({
    username: 'a@b.c',
    token: 't',
    endpointUri: `${url}/api/v2`,
    disableGlobalState: true,
  });
  return (await client.tickets.incremental(0)).length;
}

/** The floor: fetch and JSON.parse every page, nothing else. */
async function bare(): Promise<number> {
  let count = 0;
  for (let cursor: string | null = '0'; cursor !== null; ) {
    const body = (await (
      await fetch(`${url}/api/v2/incremental/tickets/cursor.json?cursor=${cursor}&per_page=1000`)
    ).json()) as { tickets: unknown[]; after_cursor: string; end_of_stream: boolean };
    count += body.tickets.length;
    cursor = body.end_of_stream ? null : body.after_cursor;
  }
  return count;
}

const started = performance.now();
const cpuBefore = process.cpuUsage();
const count = await { supportkit, 'node-zendesk': nodeZendesk, bare }[way]();
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
console.log(
  JSON.stringify({
    way,
    tickets: count,
    seconds: ms / 1000,
    ticketsPerSecond: (count / ms) * 1000,
    // This process's own CPU time (user + system): what the client spent, whatever the server and the
    // machine's other load did to the wall-clock time.
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMiB: peakRssMiB(),
  }),
);
