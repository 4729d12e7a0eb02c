import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createTrelloAdapter } from '../../src/adapters/trello/index.js';
import { createRateLimiter } from '../../src/http/index.js';
import { fakeTrello } from '../adapters/trello/fake.js';
import { runContractSuite, seed } from './contract-suite.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

runContractSuite('trello', () => {
  // A fresh fake board per test, so writes in one test do not leak into another.
  const fake = fakeTrello(seed);
  server.resetHandlers(...fake.handlers);
  return {
    adapter: createTrelloAdapter({
      key: 'trello-key-1234',
      token: 'trello-token-secret',
      boardId: fake.boardId,
      rateLimiter: createRateLimiter(),
    }),
    id: (seedId) => fake.ids.get(seedId) ?? seedId,
  };
});
