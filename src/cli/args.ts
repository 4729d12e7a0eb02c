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
      args: [...argv],
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
 * A string option, or undefined; `required` turns its absence into a UsageError.
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
  if (typeof value === 'string' && value !== '') return value;
  if (required) throw new UsageError(`--${name} is required`, `supportkit ${command} --help`);
  return undefined;
}
