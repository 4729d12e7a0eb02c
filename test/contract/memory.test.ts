import { createMemoryAdapter } from '../../src/index.js';
import { runContractSuite, seed } from './contract-suite.js';

let tick = Date.parse('2026-03-05T00:00:00Z');
const clock = () => {
  tick += 1000;
  return new Date(tick);
};
runContractSuite('memory', () => ({
  adapter: createMemoryAdapter(seed, { pageSize: 2, now: clock }),
  pageSize: 2,
}));
