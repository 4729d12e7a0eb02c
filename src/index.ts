/**
 * supportkit: typed models, helpdesk adapters and support metrics.
 *
 * @example
 * ```ts
 * import { parseTicket, ValidationError } from 'supportkit';
 * ```
 * @packageDocumentation
 */
export * from './adapters/index.js';
export * from './errors/index.js';
export * from './http/index.js';
export * from './metrics/index.js';
export * from './models/index.js';
export * from './webhooks/index.js';
