import {
  type BigIntStats,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { UsageError } from './errors.js';
import type { CommandContext } from './registry.js';

/**
 * A command's result: to --out (creating its folder; a line on stderr says where) or to stdout. The file is
 * replaced, never written through: other hard links to the old file keep the old content.
 *
 * @example
 * ```ts
 * writeResult(context, renderReport(data, { format: 'html' }), stringOption(args.values, 'out', 'report'));
 * ```
 */
export function writeResult(context: CommandContext, text: string, out: string | undefined): void {
  if (out === undefined) {
    context.io.stdout.write(text);
    return;
  }
  const file = realPath(resolve(context.io.cwd, out));
  mkdirSync(dirname(file), { recursive: true });
  // Written beside it, then renamed over it: the name gets a new file, so a file that was also known under
  // another name (a hard link) keeps its content, and a reader never sees half a report.
  const temporary = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
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

const stat = (path: string): BigIntStats | undefined => {
  try {
    return statSync(path, { bigint: true });
  } catch {
    return undefined;
  }
};

/** The files a command reads from `input`: the file itself, or every file directly in the folder. */
function inputFiles(input: string, isFolder: boolean): string[] {
  if (!isFolder) return [input];
  try {
    return readdirSync(input, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => resolve(input, entry.name));
  } catch {
    return [];
  }
}

/**
 * Refuses an --out that would overwrite the command's input: the input file itself, a file inside the input
 * folder, or any of those under another name — a symbolic link (followed) or a hard link (the same device and
 * inode as an input file, or as one of `others`, e.g. a --schedule file). A usage error, exit code 2, before
 * anything is read or written. An existing --out that is some other file with several names is allowed:
 * {@link writeResult} replaces the name rather than writing through it, so the other names keep their content.
 *
 * @example
 * ```ts
 * refuseOverwrite(io.cwd, 'helpdesk/', 'helpdesk/records.jsonl', 'report'); // throws a UsageError
 * ```
 */
export function refuseOverwrite(
  cwd: string,
  input: string,
  out: string,
  command: string,
  others: readonly string[] = [],
): void {
  const from = realPath(resolve(cwd, input));
  const to = realPath(resolve(cwd, out));
  const isFolder = stat(from)?.isDirectory() === true;
  const inside = isFolder && !relative(from, to).startsWith('..') && relative(from, to) !== '';
  const hint = `supportkit ${command} --help: choose an --out outside the input`;
  if (to === from || inside) throw new UsageError(`--out ${out} would overwrite the input ${input}`, hint);
  const target = stat(to);
  if (target === undefined || !target.isFile()) return;
  const inputs = [...inputFiles(from, isFolder), ...others.map((other) => resolve(cwd, other))];
  for (const file of inputs) {
    const source = stat(file);
    if (source && source.dev === target.dev && source.ino === target.ino) {
      const shown = file === from ? input : relative(cwd, file) || file;
      throw new UsageError(`--out ${out} is the input ${shown} under another name (a hard link)`, hint);
    }
  }
}
