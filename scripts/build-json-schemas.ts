/**
 * Writes the JSON Schema of every model into dist/schemas/<Model>.json (zod 4's z.toJSONSchema), so no-code tools
 * and other languages can validate supportkit's JSON without running JavaScript. Runs after tsup in `npm run build`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ModelName, modelJsonSchema, models } from '../src/models/index.js';

const out = join(import.meta.dirname, '..', 'dist', 'schemas');
mkdirSync(out, { recursive: true });
const names = Object.keys(models) as ModelName[];
for (const name of names) {
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify(modelJsonSchema(name), null, 2)}\n`);
}
console.log(`wrote ${names.length} JSON Schemas to dist/schemas`);
