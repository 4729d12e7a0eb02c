import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^supportkit-ts$/, replacement: src('index.ts') },
      { find: /^supportkit-ts\/transport$/, replacement: src('http/index.ts') },
      {
        find: /^supportkit-ts\/(zendesk|request-tracker|trello)$/,
        replacement: src('adapters/$1/public.ts'),
      },
      { find: /^supportkit-ts\/(.*)$/, replacement: src('$1/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    pool: 'threads',
    // Vitest's default (one worker fewer than the cores) runs the files one by one on a 2-core machine; the live
    // Request Tracker test spends most of its two minutes waiting on the server, so a second worker overlaps it:
    // 253 s instead of 389–415 s for the whole suite on the project's 2-core machines.
    maxWorkers: Math.max(availableParallelism() - 1, 2),
  },
});
