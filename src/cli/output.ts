import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CommandContext } from './registry.js';

/**
 * A command's result: to --out (creating its folder; a line on stderr says where) or to stdout.
 *
 * @example
 * ```ts
 * writeResult(context, renderReport(data, 'html'), stringOption(args.values, 'out', 'report'));
 * ```
 */
export function writeResult(context: CommandContext, text: string, out: string | undefined): void {
  if (out === undefined) {
    context.io.stdout.write(text);
    return;
  }
  const file = resolve(context.io.cwd, out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  context.log(`wrote ${out} (${Math.max(1, Math.round(Buffer.byteLength(text) / 1024))} KB)`);
}
