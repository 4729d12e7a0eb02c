import { defineConfig } from 'tsup';

/** One entry per public subpath; each is emitted as ESM (.js) and CJS (.cjs) with its own types. */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'models/index': 'src/models/index.ts',
    'metrics/index': 'src/metrics/index.ts',
    'testing/index': 'src/testing/index.ts',
    'webhooks/index': 'src/webhooks/index.ts',
    'sync/index': 'src/sync/index.ts',
    'sync/summarize-worker': 'src/sync/summarize-worker.ts',
    'transport/index': 'src/http/index.ts',
    'zendesk/index': 'src/adapters/zendesk/public.ts',
    'request-tracker/index': 'src/adapters/request-tracker/public.ts',
    'trello/index': 'src/adapters/trello/public.ts',
    'care/index': 'src/care/index.ts',
    'automations/index': 'src/automations/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  splitting: true,
  treeshake: true,
});
