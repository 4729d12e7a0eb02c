import { COMMON_OPTIONS, type OptionSpec } from './args.js';
import { COMMANDS, type CommandSpec } from './registry.js';

const optionLines = (options: Readonly<Record<string, OptionSpec>>) => {
  const rows = Object.entries(options).map(([name, spec]) => [
    `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`,
    spec.description,
  ]);
  const width = Math.max(...rows.map(([left]) => left!.length));
  return rows.map(([left, right]) => `  ${left!.padEnd(width)}  ${right}`);
};

/**
 * `supportkit --help`: every command with its summary, and examples.
 *
 * @example
 * ```ts
 * io.stdout.write(mainHelp('0.2.0'));
 * ```
 */
export function mainHelp(version: string): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    `supportkit ${version} — support metrics and reports from the command line`,
    '',
    'Usage: supportkit <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    ...optionLines({
      ...COMMON_OPTIONS,
      version: { type: 'boolean', short: 'v', description: 'print the version' },
    }),
    '',
    'Examples:',
    '  supportkit demo --format html --out demo.html',
    '  supportkit sync memory --out helpdesk/ && supportkit report helpdesk/ --tz Europe/Rome',
    '  supportkit nps survey.csv --column score',
    '',
    'Run `supportkit <command> --help` for a command’s options and examples.',
    'Exit codes: 0 ok, 1 the command failed, 2 the command line was wrong.',
    '',
  ].join('\n');
}

/**
 * `supportkit <command> --help`: usage, options and examples of one command.
 *
 * @example
 * ```ts
 * io.stdout.write(commandHelp(COMMANDS[0]!));
 * ```
 */
export function commandHelp(command: CommandSpec): string {
  return [
    `supportkit ${command.name} — ${command.summary}`,
    '',
    `Usage: ${command.usage}`,
    '',
    'Options:',
    ...optionLines({ ...command.options, ...COMMON_OPTIONS }),
    '',
    'Examples:',
    ...command.examples.map((example) => `  ${example}`),
    '',
  ].join('\n');
}
