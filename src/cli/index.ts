/**
 * The `supportkit` command line, for in-process use (tests, embedding). Not a public subpath: the package's
 * library entries never import it.
 *
 * @packageDocumentation
 */
export { type CliIo, type CliStream, processIo } from './io.js';
export { main, VERSION } from './main.js';
