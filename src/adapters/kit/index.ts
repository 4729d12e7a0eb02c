/**
 * The adapter kit: what every vendor adapter needs the same way, written once — the transport built from the
 * shared options, factory-option and argument checks, ticket filters, checkpoints, cached reads, encoded paths,
 * vendor-record readers and guarded public mappers. Internal (not exported from the package); how a new
 * adapter uses each piece is in docs/adapters.md, "Writing an adapter".
 */
export * from './arguments.js';
export * from './cache.js';
export * from './calls.js';
export * from './checkpoint.js';
export * from './filters.js';
export * from './notes.js';
export * from './options.js';
export * from './path.js';
export * from './transport.js';
export * from './wire.js';
