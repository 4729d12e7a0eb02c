import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^supportkit$/, replacement: src('index.ts') },
      { find: /^supportkit\/transport$/, replacement: src('http/index.ts') },
      { find: /^supportkit\/(zendesk|request-tracker|trello)$/, replacement: src('adapters/$1/public.ts') },
      { find: /^supportkit\/(.*)$/, replacement: src('$1/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    pool: 'threads',
  },
});
