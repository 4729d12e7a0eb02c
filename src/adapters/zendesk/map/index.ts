/**
 * Pure mapping between Zendesk's wire shapes and the canonical models, both directions: Zendesk field names
 * stop here, so metrics, sync and care code never learn them. One file per kind of record; resources fetch and
 * hand what they read to these functions.
 */
export { channelFromVia, idOrNull } from '../fields.js';
export * from './bulk.js';
export * from './directory.js';
export * from './events.js';
export * from './help-center.js';
export * from './identities.js';
export * from './messages.js';
export * from './schedules.js';
export * from './sla.js';
export * from './surveys.js';
export * from './ticket-metrics.js';
export * from './tickets.js';
export * from './time.js';
export * from './users.js';
