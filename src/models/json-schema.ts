import { z } from 'zod';
import { invalidArgument } from '../errors/validation.js';
import { primitiveJsonSchemas } from './primitives.js';
import { type ModelName, models } from './registry.js';

/**
 * The JSON Schema (draft 2020-12) of a model's JSON form: what a no-code tool or another language should send.
 * Timestamps are ISO 8601 strings with offset or epoch milliseconds; fields with defaults are optional. The
 * package also ships these pre-built as `supportkit-ts/schemas/<Model>.json`.
 *
 * @example
 * ```ts
 * import { modelJsonSchema } from 'supportkit-ts';
 * const schema = modelJsonSchema('Ticket');
 * schema.required; // ['id', 'subject', 'status', 'requesterId', 'createdAt', 'updatedAt']
 * ```
 */
export function modelJsonSchema(name: ModelName): Record<string, unknown> {
  if (typeof name !== 'string' || !Object.hasOwn(models, name)) {
    throw invalidArgument('modelJsonSchema()', 'name', `expected one of ${Object.keys(models).join(', ')}`);
  }
  const schema = z.toJSONSchema(models[name], {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (ctx) => {
      const replacement = primitiveJsonSchemas.get(ctx.zodSchema as unknown as z.ZodType);
      if (replacement) {
        for (const key of Object.keys(ctx.jsonSchema))
          delete (ctx.jsonSchema as Record<string, unknown>)[key];
        Object.assign(ctx.jsonSchema, structuredClone(replacement));
      }
    },
  }) as Record<string, unknown>;
  return { $id: `https://supportkit.dev/schemas/${name}.json`, title: name, ...schema };
}
