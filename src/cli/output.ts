import { mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { UsageError } from './errors.js';
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

/** A path with its symbolic links resolved, as far as it exists (the rest appended as it is). */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : resolve(realPath(parent), basename(path));
  }
}

/**
 * Refuses an --out that would overwrite the command's input: the input file itself, or a file inside the input
 * folder (a usage error, exit code 2, before anything is read or written). Symbolic links are followed.
 *
 * @example
 * ```ts
 * refuseOverwrite(io.cwd, 'helpdesk/', 'helpdesk/records.jsonl', 'report'); // throws a UsageError
 * ```
 */
export function refuseOverwrite(cwd: string, input: string, out: string, command: string): void {
  const from = realPath(resolve(cwd, input));
  const to = realPath(resolve(cwd, out));
  const isFolder = (() => {
    try {
      return statSync(from).isDirectory();
    } catch {
      return false;
    }
  })();
  const inside = isFolder && !relative(from, to).startsWith('..') && relative(from, to) !== '';
  if (to === from || inside)
    throw new UsageError(
      `--out ${out} would overwrite the input ${input}`,
      `supportkit ${command} --help: choose an --out outside the input`,
    );
}
