/**
 * Writes the JSON Schema of every model into dist/schemas/<Model>.json (zod 4's z.toJSONSchema), so no-code tools
 * and other languages can validate supportkit's JSON without running JavaScript, and each automation helper's
 * input and output schemas with a worked example into dist/schemas/automations/<helper>.json. Runs after tsup in
 * `npm run build`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { automationSchemas } from '../src/automations/index.js';
import { type ModelName, modelJsonSchema, models } from '../src/models/index.js';

const out = join(import.meta.dirname, '..', 'dist', 'schemas');
mkdirSync(out, { recursive: true });
const names = Object.keys(models) as ModelName[];
for (const name of names) {
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify(modelJsonSchema(name), null, 2)}\n`);
}
console.log(`wrote ${names.length} JSON Schemas to dist/schemas`);

const automations = join(out, 'automations');
mkdirSync(automations, { recursive: true });
for (const [name, schemas] of Object.entries(automationSchemas)) {
  const file = { $id: `https://supportkit.dev/schemas/automations/${name}.json`, title: name, ...schemas };
  writeFileSync(join(automations, `${name}.json`), `${JSON.stringify(file, null, 2)}\n`);
}
console.log(`wrote ${Object.keys(automationSchemas).length} automation schemas to dist/schemas/automations`);
