/** Worker: list every ticket of the local export server one way; print time, count and peak RSS. */
import { createRequire } from 'node:module';
import { createZendeskAdapter } from '../../src/adapters/zendesk/index.js';
import { createRateLimiter } from '../../src/http/index.js';
import { apiTokenAuth } from '../../src/index.js';
import { peakRssMiB } from '../lib/measure.js';
import { startExportServer } from '../lib/zendesk-export-server.js';

const [way, totalText] = process.argv.slice(2) as ['supportkit' | 'node-zendesk' | 'bare', string];
const total = Number(totalText);
const { url, server } = await startExportServer(total);
const started = performance.now();
let count = 0;
if (way === 'supportkit') {
  // The local server is not Zendesk: no export budget to respect here.
  const zendesk = createZendeskAdapter({
    subdomain: 'acme',
    baseUrl: url,
    auth: apiTokenAuth({ email: 'a@b.c', token: 't' }),
    rateLimiter: createRateLimiter(),
  });
  for await (const page of zendesk.incremental.tickets(null)) count += page.tickets.length;
} else if (way === 'node-zendesk') {
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
  const tickets = await client.tickets.incremental(0);
  count = tickets.length;
} else {
  for (let cursor: string | null = '0'; cursor !== null; ) {
    const body = (await (
      await fetch(`${url}/api/v2/incremental/tickets/cursor.json?cursor=${cursor}&per_page=1000`)
    ).json()) as {
      tickets: unknown[];
      after_cursor: string;
      end_of_stream: boolean;
    };
    count += body.tickets.length;
    cursor = body.end_of_stream ? null : body.after_cursor;
  }
}
const ms = performance.now() - started;
server.close();
console.log(
  JSON.stringify({
    way,
    tickets: count,
    seconds: ms / 1000,
    ticketsPerSecond: (count / ms) * 1000,
    peakRssMiB: peakRssMiB(),
  }),
);
