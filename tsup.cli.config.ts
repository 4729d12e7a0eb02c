import { defineConfig } from 'tsup';

/**
 * The `supportkit` bin, built after the library (`npm run build`): ESM only, with a shebang, in dist/bin, apart
 * from the library's entries so that none of them shares a chunk with the command line. Each command is a
 * dynamic import (its own chunk), so `supportkit --help` loads little.
 */
export default defineConfig({
  entry: { cli: 'src/cli/bin.ts', 'report-worker': 'src/cli/commands/report-worker.ts' },
  format: ['esm'],
  dts: false,
  clean: false,
  sourcemap: true,
  target: 'node20',
  splitting: true,
  treeshake: true,
  outDir: 'dist/bin',
  banner: { js: '#!/usr/bin/env node' },
});
