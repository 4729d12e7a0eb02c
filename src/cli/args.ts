import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

/** One option of a command, for util.parseArgs and the help text. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in --help. */
  description: string;
  /** The placeholder shown in --help, e.g. `<file>`. */
  value?: string;
  multiple?: boolean;
}

/** Options every command takes. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  json: { type: 'boolean', description: 'print the result as JSON on stdout (for scripts)' },
  debug: { type: 'boolean', description: 'print the stack trace of an error' },
  'no-color': { type: 'boolean', description: 'no colour (also: the NO_COLOR environment variable)' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

/** Parsed command line: options by name, positional arguments in order. */
export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * `--tickets -5` as `--tickets=-5`: util.parseArgs takes a value starting with "-" for an option and calls it
 * ambiguous; a negative number after a string option is that option's value, so the command's own check can
 * say what it must be.
 */
function negativeValuesJoined(argv: readonly string[], options: Readonly<Record<string, OptionSpec>>) {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/**
 * util.parseArgs with the command's options plus the common ones; its errors become a UsageError (exit 2)
 * naming the option, with the command's help as the hint.
 *
 * @example
 * ```ts
 * const { values, positionals } = parseCommandArgs('nps', argv, { column: { type: 'string', description: '' } });
 * ```
 */
export function parseCommandArgs(
  command: string,
  argv: readonly string[],
  options: Readonly<Record<string, OptionSpec>>,
): ParsedArgs {
  const all = { ...options, ...COMMON_OPTIONS };
  const config = Object.fromEntries(
    Object.entries(all).map(([name, spec]) => [
      name,
      {
        type: spec.type,
        ...(spec.short ? { short: spec.short } : {}),
        ...(spec.multiple ? { multiple: true } : {}),
      },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({
      args: negativeValuesJoined(argv, all),
      options: config,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new UsageError(message.replace(/\. To specify.*$/, ''), `supportkit ${command} --help`);
  }
}

/**
 * A string option, or undefined; `required` turns its absence into a UsageError, and an empty value (`--tz ''`)
 * is a UsageError rather than the default.
 *
 * @example
 * ```ts
 * const column = stringOption(values, 'column', 'nps', true);
 * ```
 */
export function stringOption(
  values: ParsedArgs['values'],
  name: string,
  command: string,
  required: true,
): string;
export function stringOption(
  values: ParsedArgs['values'],
  name: string,
  command: string,
  required?: boolean,
): string | undefined;
export function stringOption(
  values: ParsedArgs['values'],
  name: string,
  command: string,
  required = false,
): string | undefined {
  const value = values[name];
  if (value === '' || (typeof value === 'string' && value.trim() === ''))
    throw new UsageError(
      `--${name} is empty: give it a value or leave it out`,
      `supportkit ${command} --help`,
    );
  if (typeof value === 'string') return value;
  if (required) throw new UsageError(`--${name} is required`, `supportkit ${command} --help`);
  return undefined;
}
