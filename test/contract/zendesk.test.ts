import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createRateLimiter } from '../../src/http/index.js';
import { apiTokenAuth, createZendeskAdapter } from '../../src/index.js';
import { fakeZendesk } from '../adapters/zendesk/fake.js';
import { runContractSuite, seed } from './contract-suite.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

runContractSuite('zendesk', () => {
  // A fresh fake account per test, so writes in one test do not leak into another.
  server.resetHandlers(...fakeZendesk(seed).handlers);
  return createZendeskAdapter({
    subdomain: 'acme',
    auth: apiTokenAuth({ email: 'agent@acme.test', token: 'secret-token' }),
    pageSize: 2,
    // Four per export page still pages both exports (the 7 tickets in 2 pages, their events in 3, each page ending
    // on a whole second), so the feed has checkpoints inside the ticket export, between the two and inside the
    // event export; the change-feed test restarts from every one (a full read per batch): 22 requests instead of
    // 90 at 2, which took 4.5–9 s of its 5 s budget on two busy cores.
    exportPageSize: 4,
    // The fake has no export budget; Zendesk's own (10 a minute) is tested in the transport tests.
    rateLimiter: createRateLimiter(),
  });
});
