/**
 * The `supportkit` command: picks the command, parses its arguments, runs it, and turns whatever it throws into
 * one line, a hint and an exit code (0 ok, 1 failed, 2 wrong command line). The only place in supportkit that
 * touches process and stdout is the bin around it; tests call {@link main} in-process with string streams.
 *
 * @packageDocumentation
 */
import packageJson from '../../package.json' with { type: 'json' };
import { parseCommandArgs } from './args.js';
import { describeError, UsageError } from './errors.js';
import { commandHelp, mainHelp } from './help.js';
import { type CliIo, painter } from './io.js';
import { COMMANDS } from './registry.js';

/** The package version `--version` prints. */
export const VERSION: string = packageJson.version;

/**
 * Runs one command line and returns its exit code.
 *
 * @example
 * ```ts
 * import { main, processIo } from './cli/index.js';
 * process.exitCode = await main(process.argv.slice(2), processIo());
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  const json = argv.includes('--json');
  try {
    return await dispatch(argv, io, json);
  } catch (error) {
    const report = describeError(error);
    if (json) {
      const { message, hint, code } = report;
      io.stderr.write(`${JSON.stringify({ error: { code, message, ...(hint ? { hint } : {}) } })}\n`);
    } else {
      const paint = painter(io.stderr, io.env, argv.includes('--no-color'));
      io.stderr.write(`${paint.red('supportkit:')} ${report.message}\n`);
      if (report.hint) io.stderr.write(`${paint.dim(`hint: ${report.hint}`)}\n`);
    }
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return report.exitCode;
  }
}

async function dispatch(argv: readonly string[], io: CliIo, json: boolean): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write(topic ? commandHelp(topic) : mainHelp(VERSION));
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(json ? `${JSON.stringify({ version: VERSION })}\n` : `${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    const near = COMMANDS.find((c) => c.name.startsWith(first.slice(0, 2)));
    throw new UsageError(
      `unknown command "${first.slice(0, 40)}"`,
      near ? `did you mean \`supportkit ${near.name}\`? (supportkit --help)` : 'supportkit --help',
    );
  }
  const args = parseCommandArgs(command.name, rest, command.options);
  if (args.values.help) {
    io.stdout.write(commandHelp(command));
    return 0;
  }
  const run = await command.load();
  const code = await run({ io, args, json, log: (line) => io.stderr.write(`${line}\n`) });
  return code ?? 0;
}
