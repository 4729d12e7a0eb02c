import { parseDataset } from '../../models/helpers.js';
import { renderReport } from '../../report/index.js';
import { generateDataset } from '../../testing/generator.js';
import { type ParsedArgs, stringOption } from '../args.js';
import { UsageError } from '../errors.js';
import { reportRecords } from '../input.js';
import { writeResult } from '../output.js';
import type { CommandRun } from '../registry.js';
import { collectReport } from './report.js';

/** The helpdesk `npm run demo` (examples/demo.ts) generates: the same seed, size and months. */
export const DEMO_DATASET = {
  seed: 2026,
  tickets: 6000,
  days: 91,
  startDate: '2026-01-05',
  timeZone: 'Europe/Rome',
} as const;

function formatOf(values: ParsedArgs['values'], json: boolean) {
  const format = json ? 'json' : (stringOption(values, 'format', 'demo') ?? 'text');
  if (format !== 'text' && format !== 'json' && format !== 'md' && format !== 'html')
    throw new UsageError('--format must be text, json, md or html', 'supportkit demo --help');
  return format;
}

/**
 * `supportkit demo`: the demo's generated helpdesk (no account, no network), validated through the models as
 * an app receiving it over the wire would, then reported like any other input.
 *
 * @example
 * ```ts
 * await demoCommand(context);
 * ```
 */
export const demoCommand: CommandRun = async (context) => {
  const { args, json, log } = context;
  if (args.positionals.length > 0) throw new UsageError('demo takes no arguments', 'supportkit demo --help');
  const format = formatOf(args.values, json);
  const text = stringOption(args.values, 'tickets', 'demo');
  const tickets = text === undefined ? DEMO_DATASET.tickets : Number(text);
  if (!Number.isInteger(tickets) || tickets < 1 || tickets > 1_000_000)
    throw new UsageError('--tickets must be a whole number 1..1000000', 'supportkit demo --help');
  log(`generating ${tickets} tickets over ${DEMO_DATASET.days} days (seed ${DEMO_DATASET.seed})…`);
  const dataset = parseDataset(JSON.parse(JSON.stringify(generateDataset({ ...DEMO_DATASET, tickets }))));
  const data = await collectReport(
    { kind: 'dataset', dataset, records: reportRecords(dataset) },
    {
      timeZone: DEMO_DATASET.timeZone,
      interval: 'week',
      from: undefined,
      to: undefined,
      asOf: undefined,
      format,
      schedule: undefined,
      recentPeriods: 2,
    },
    `demo helpdesk (seed ${DEMO_DATASET.seed})`,
  );
  writeResult(context, renderReport(data, format), stringOption(args.values, 'out', 'demo'));
  return 0;
};
