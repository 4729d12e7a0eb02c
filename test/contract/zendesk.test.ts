import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { apiTokenAuth, createRateLimiter, createZendeskAdapter } from '../../src/index.js';
import { fakeZendesk } from '../adapters/zendesk-fake.js';
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
    exportPageSize: 2,
    // The fake has no export budget; Zendesk's own (10 a minute) is tested in the transport tests.
    rateLimiter: createRateLimiter(),
  });
});
