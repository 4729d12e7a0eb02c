import { dirname, resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

const metricsDir = resolve('src/metrics');
/**
 * In the build, metrics reach the zod schemas through ./schemas-lazy.ts (loaded on first use) instead of
 * ./schemas.ts (a static import), so that importing `supportkit-ts/metrics` does not load zod. Source and tests keep
 * the static import; both modules export the same `modelSchemas()`.
 */
const lazyMetricSchemas: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'lazy-metric-schemas',
  setup(build) {
    build.onResolve({ filter: /^\.\/schemas\.js$/ }, (args) =>
      dirname(args.importer) === metricsDir ? { path: resolve(metricsDir, 'schemas-lazy.ts') } : undefined,
    );
  },
};

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
    'report/index': 'src/report/index.ts',
    // Not a public subpath: the schemas metrics load on first use (src/metrics/schemas-lazy.ts).
    'internal/model-schemas': 'src/metrics/model-schemas.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  splitting: true,
  treeshake: true,
  esbuildPlugins: [lazyMetricSchemas],
});
