/**
 * Every command's name, help and options, kept apart from the commands' code: `supportkit --help` and
 * `supportkit <command> --help` load only this file, so help is fast; a command's code (and its dependencies)
 * is imported only when it runs.
 */
import type { OptionSpec, ParsedArgs } from './args.js';
import type { CliIo } from './io.js';

/** What a running command gets. */
export interface CommandContext {
  io: CliIo;
  args: ParsedArgs;
  /** --json: results as JSON on stdout. */
  json: boolean;
  /** A line on stderr (logs, warnings); silent lines are not a thing: results go to stdout. */
  log(line: string): void;
}

/** A command's code: returns the exit code (0 when it returns nothing). */
export type CommandRun = (context: CommandContext) => Promise<number | undefined>;

/** A command as the registry knows it. */
export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  options: Readonly<Record<string, OptionSpec>>;
  examples: readonly string[];
  load: () => Promise<CommandRun>;
}

const format: OptionSpec = {
  type: 'string',
  value: '<text|json|md|html>',
  description: 'output format (default text; --json is the same as --format json)',
};
const out: OptionSpec = { type: 'string', value: '<file>', description: 'write to this file, not stdout' };

/** The report's language and the staffing section's figures, shared by report and demo. */
const reportLanguage: Readonly<Record<string, OptionSpec>> = {
  locale: {
    type: 'string',
    value: '<en|it|es|fr|de>',
    description:
      'language of every label; numbers and dates follow it (default en; a tag such as it-CH works)',
  },
  aht: {
    type: 'string',
    value: '<minutes>',
    description: 'agents per hour: handling minutes per request (default 8)',
  },
  'reply-within': {
    type: 'string',
    value: '<minutes>',
    description: 'agents per hour: every request answered within (default 240)',
  },
  shrinkage: {
    type: 'string',
    value: '<percent>',
    description: 'agents per hour: paid time not on requests, breaks and absence (default 30)',
  },
};

const delimiter: OptionSpec = {
  type: 'string',
  value: '<char>',
  description: 'the CSV delimiter: , ; | or tab (default: detected from the header line)',
};

const surveyCommand = (name: 'nps' | 'csat' | 'ces', scale: string): CommandSpec => ({
  name,
  summary: `${name.toUpperCase()} of one column of a CSV export (${scale})`,
  usage: `supportkit ${name} <file.csv> --column <name> [--lenient]`,
  options: {
    column: { type: 'string', value: '<name>', description: 'the header of the column with the answers' },
    delimiter,
    lenient: {
      type: 'boolean',
      description: 'skip bad cells and count them (default: stop at the first, naming its line)',
    },
    ...(name === 'nps'
      ? {}
      : {
          threshold: {
            type: 'string' as const,
            value: '<n>',
            description:
              name === 'csat'
                ? 'lowest satisfied rating on 1..5 (default 4)'
                : 'lowest "easy" score (default 5)',
          },
        }),
  },
  examples: [
    `supportkit ${name} survey.csv --column score`,
    `supportkit ${name} survey.csv --column "How likely" --lenient --json`,
  ],
  load: async () => (await import('./commands/survey.js')).surveyCommand(name),
});

/** The commands, in the order --help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'report',
    summary: 'a support report from a sync output, a JSONL file or a dataset JSON',
    usage:
      'supportkit report <input> [--from <date>] [--to <date>] [--tz <zone>] [--locale <lang>] [--format …] [--out <file>]',
    options: {
      from: {
        type: 'string',
        value: '<date>',
        description: 'tickets created on or after (ISO date or time)',
      },
      to: {
        type: 'string',
        value: '<date>',
        description: 'tickets created before; also the moment the report describes',
      },
      'as-of': {
        type: 'string',
        value: '<time>',
        description:
          'the moment the report describes; nothing after it counts (default: --to, the dataset’s asOf, an import’s latest time or the last sync, else now)',
      },
      tz: {
        type: 'string',
        value: '<zone>',
        description: 'IANA time zone of periods and dates (default UTC)',
      },
      interval: {
        type: 'string',
        value: '<day|week|month>',
        description: 'period of volumes and trends (default week)',
      },
      schedule: { type: 'string', value: '<file>', description: 'business hours: a Schedule JSON file' },
      country: {
        type: 'string',
        value: '<code>',
        description: 'add this country’s public holidays (ISO code, e.g. IT) to the business hours',
      },
      workers: {
        type: 'string',
        value: '<n>',
        description: 'threads reading a JSONL input of 8 MiB or more (default: every core; 1 = one thread)',
      },
      ...reportLanguage,
      format,
      out,
    },
    examples: [
      'supportkit report helpdesk/ --tz Europe/Rome',
      'supportkit report helpdesk/ --from 2026-01-01 --to 2026-04-01 --format html --out q1.html',
      'supportkit report dataset.json --country IT --format md > report.md',
      'supportkit report helpdesk/ --tz Europe/Rome --locale it --format html --out report.html',
      'supportkit report helpdesk/records.jsonl --json | jq .report.nps',
    ],
    load: async () => (await import('./commands/report.js')).reportCommand,
  },
  {
    name: 'sync',
    summary: 'copy a helpdesk into a folder (JSONL + checkpoint), resuming where the last run stopped',
    usage: 'supportkit sync <zendesk|trello|request-tracker|memory> --out <dir> [--config <file>]',
    options: {
      out: { type: 'string', value: '<dir>', description: 'folder for records.jsonl and checkpoint.json' },
      config: {
        type: 'string',
        value: '<file>',
        description:
          'JSON file with the adapter’s settings and credentials (instead of environment variables)',
      },
      tickets: {
        type: 'string',
        value: '<n>',
        description: 'memory only: size of the demo helpdesk (default 500)',
      },
      seed: {
        type: 'string',
        value: '<n>',
        description: 'memory only: seed of the demo helpdesk (default 2026)',
      },
      'page-size': {
        type: 'string',
        value: '<n>',
        description: 'memory only: tickets per batch (default 100)',
      },
    },
    examples: [
      'ZENDESK_SUBDOMAIN=acme ZENDESK_EMAIL=me@acme.com ZENDESK_TOKEN=… supportkit sync zendesk --out helpdesk/',
      'TRELLO_KEY=… TRELLO_TOKEN=… TRELLO_BOARD=kV2cF3Yq supportkit sync trello --out board/',
      'supportkit sync request-tracker --config rt.json --out rt/',
      'supportkit sync memory --out demo/ --tickets 2000',
    ],
    load: async () => (await import('./commands/sync.js')).syncCommand,
  },
  {
    name: 'card',
    summary: 'a customer’s card (tickets, notes, state) from one or several synced folders',
    usage:
      'supportkit card <dir> [<dir>…] (--email <address> | --phone <number> | --ticket <id>) [--locale it|en] [--format …]',
    options: {
      email: { type: 'string', value: '<address>', description: 'find the customer by an e-mail address' },
      phone: {
        type: 'string',
        value: '<number>',
        description: 'find the customer by a phone number (any format; see --region)',
      },
      ticket: { type: 'string', value: '<id>', description: 'find the customer who asked this ticket' },
      adapter: {
        type: 'string',
        value: '<name>',
        description: 'with --ticket and several folders: the helpdesk the ticket id belongs to',
      },
      region: {
        type: 'string',
        value: '<code>',
        description: 'country of phone numbers written without +prefix (e.g. IT)',
      },
      locale: { type: 'string', value: '<it|en>', description: 'language of the card (default en)' },
      tz: { type: 'string', value: '<zone>', description: 'IANA time zone of the times shown (default UTC)' },
      'as-of': {
        type: 'string',
        value: '<time>',
        description: 'the moment the card describes (default now)',
      },
      note: {
        type: 'string',
        value: '<text>',
        description: 'add a signed note to the card, kept in the folder (needs --author)',
      },
      author: { type: 'string', value: '<name>', description: 'who signs the --note' },
      format: {
        type: 'string',
        value: '<text|md|html|json>',
        description: 'output format (default text; --json is the same as --format json)',
      },
      out,
    },
    examples: [
      'supportkit card helpdesk/ --email ada@example.com',
      'supportkit card zendesk/ rt/ --phone "347 123 4567" --region IT --locale it --format html --out card.html',
      'supportkit card helpdesk/ --ticket 1042 --note "Prefers calls after 5 pm" --author Marco',
    ],
    load: async () => (await import('./commands/card.js')).cardCommand,
  },
  {
    name: 'import',
    summary: 'CSV exports (tickets or survey answers) into canonical records, with a column mapping',
    usage:
      'supportkit import csv <file.csv> --map <mapping.json> --out <dir> [--tz <zone>] [--date-order <order>] [--lenient]',
    options: {
      map: { type: 'string', value: '<file>', description: 'the column mapping (see docs/cli.md)' },
      out: { type: 'string', value: '<dir>', description: 'folder for records.jsonl' },
      tz: {
        type: 'string',
        value: '<zone>',
        description: 'time zone of dates without an offset (else such dates are bad cells)',
      },
      'date-order': {
        type: 'string',
        value: '<iso|day-first|month-first>',
        description:
          'how 02/03/2026 reads: day-first (2 March) or month-first (default iso: only 2026-03-02)',
      },
      lenient: {
        type: 'boolean',
        description:
          'import the good rows and list the bad ones (default: any bad row and nothing is written)',
      },
      delimiter,
    },
    examples: [
      'supportkit import csv tickets.csv --map zendesk-export.json --tz Europe/Rome --out helpdesk/',
      'supportkit import csv ticket-export.csv --map it-map.json --tz Europe/Rome --date-order day-first --out helpdesk/',
      'supportkit import csv nps.csv --map nps-map.json --out surveys/ --lenient',
    ],
    load: async () => (await import('./commands/import-csv.js')).importCommand,
  },
  surveyCommand('nps', 'scores 0..10'),
  surveyCommand('csat', 'good/bad or ratings 1..5'),
  surveyCommand('ces', 'scores 1..7'),
  {
    name: 'demo',
    summary: 'the report of a generated helpdesk (no account, no network)',
    usage: 'supportkit demo [--format text|json|md|html] [--locale <lang>] [--out <file>]',
    options: {
      format,
      out,
      ...reportLanguage,
      tickets: { type: 'string', value: '<n>', description: 'size of the generated helpdesk (default 6000)' },
    },
    examples: [
      'supportkit demo',
      'supportkit demo --format html --out demo.html',
      'supportkit demo --locale it --format html --out demo-it.html',
      'supportkit demo --tickets 50000 --json',
    ],
    load: async () => (await import('./commands/demo.js')).demoCommand,
  },
];
