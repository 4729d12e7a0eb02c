import * as schemas from './model-schemas.js';

/** The schemas metrics validate input with (./model-schemas.ts). */
export type ModelSchemas = typeof schemas;

/**
 * The zod schemas metrics validate input with. From source (tests, tsx) they are imported with this module; the
 * published build replaces this module with ./schemas-lazy.ts (tsup.config.ts), which loads them on first call.
 * @example `modelSchemas().Ticket.safeParse(json)`
 */
export function modelSchemas(): ModelSchemas {
  return schemas;
}
