import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SupportkitError } from '../errors/base.js';
import type { ModelSchemas } from './schemas.js';

let loaded: ModelSchemas | undefined;

/** The built file of ./model-schemas.ts next to this build: ESM where Node can `require()` it, else CommonJS. */
function schemasFile(require: NodeJS.Require, here: string): string {
  const root = dirname(require.resolve('supportkit-ts/package.json'));
  // An ESM build on a Node with require(esm) (20.19+, 22.12+) loads the ESM file, so that the schemas and zod are
  // the very instances `import 'supportkit-ts/models'` gives; the CommonJS build, or an older Node, loads the CJS one.
  const esm =
    !here.endsWith('.cjs') && (process.features as { require_module?: boolean }).require_module === true;
  return join(root, 'dist', 'internal', esm ? 'model-schemas.js' : 'model-schemas.cjs');
}

/**
 * The zod schemas metrics validate input with, loaded on first call. The published build uses this module in
 * place of ./schemas.ts (see tsup.config.ts): zod and the model schemas cost more to load than the rest of
 * `supportkit-ts/metrics` together, and a metric handed already-parsed models never needs them.
 * @example `modelSchemas().Ticket.safeParse(json)`
 */
export function modelSchemas(): ModelSchemas {
  if (loaded) return loaded;
  try {
    // This module's file: `import.meta.url` in ESM; `__filename` in CommonJS, where a bundler's output leaves
    // `import.meta.url` empty. Not `__filename` first: `node -e` defines a global one ('[eval]') that an ES
    // module would read.
    const url: unknown = import.meta.url;
    const here = typeof url === 'string' && url !== '' ? url : __filename;
    const require = createRequire(here);
    loaded = require(schemasFile(require, here)) as ModelSchemas;
  } catch (cause) {
    throw new SupportkitError(
      'supportkit metrics load their input schemas from the installed package at run time: keep supportkit-ts in node_modules (do not bundle it)',
      { code: 'unsupported', cause },
    );
  }
  return loaded;
}
