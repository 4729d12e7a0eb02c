import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { HelpdeskAdapter } from '../../adapters/contract.js';
import { createEventBus, type HelpdeskEventBus } from '../../events/index.js';
import { checkpointFile } from '../../sync/checkpoint.js';
import { jsonlFileSink } from '../../sync/jsonl-sink.js';
import { type SyncProgress, sync } from '../../sync/sync.js';
import { type ParsedArgs, stringOption } from '../args.js';
import { SETTINGS, settingsFor } from '../credentials.js';
import { UsageError } from '../errors.js';
import { CHECKPOINT_FILE, RECORDS_FILE } from '../input.js';
import { syncProgress } from '../progress.js';
import type { CommandRun } from '../registry.js';

/** Thrown from the progress callback when Ctrl-C was pressed: the batch is written and its checkpoint saved. */
class Interrupted extends Error {}

/** The record kinds that are people and teams, as the summary counts them. */
const PEOPLE = ['customers', 'agents', 'groups', 'organizations'] as const;

/** Exit code of a sync stopped by Ctrl-C (128 + SIGINT), as shells report it. */
export const INTERRUPTED_EXIT_CODE = 130;

function positiveInteger(values: ParsedArgs['values'], name: string, fallback: number): number {
  const text = stringOption(values, name, 'sync');
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--${name} must be a whole number ≥ 1`, 'supportkit sync --help');
  return n;
}

/**
 * The adapter, built from settings that came from the environment or the config file (never from flags). Each
 * vendor's code is imported only when it is the one asked for.
 */
async function adapterFor(
  name: string,
  settings: Map<string, string>,
  values: ParsedArgs['values'],
  bus: HelpdeskEventBus,
): Promise<HelpdeskAdapter> {
  const get = (key: string) => settings.get(key)!;
  switch (name) {
    case 'zendesk': {
      const [{ createZendeskAdapter }, { apiTokenAuth }] = await Promise.all([
        import('../../adapters/zendesk/index.js'),
        import('../../http/auth.js'),
      ]);
      const auth = apiTokenAuth({ email: get('email'), token: get('token') });
      return createZendeskAdapter({ subdomain: get('subdomain'), auth, bus });
    }
    case 'trello': {
      const { createTrelloAdapter } = await import('../../adapters/trello/index.js');
      return createTrelloAdapter({ key: get('key'), token: get('token'), boardId: get('boardId'), bus });
    }
    case 'request-tracker': {
      const [{ createRequestTrackerAdapter }, { tokenAuth }] = await Promise.all([
        import('../../adapters/request-tracker/index.js'),
        import('../../http/auth.js'),
      ]);
      const queues = settings
        .get('queues')
        ?.split(',')
        .map((q) => q.trim())
        .filter(Boolean);
      return createRequestTrackerAdapter({
        baseUrl: get('baseUrl'),
        auth: tokenAuth(get('token')),
        bus,
        ...(queues ? { queues } : {}),
      });
    }
    default: {
      const [{ createMemoryAdapter }, { generateDataset }] = await Promise.all([
        import('../../adapters/memory/index.js'),
        import('../../testing/generator.js'),
      ]);
      const dataset = generateDataset({
        seed: positiveInteger(values, 'seed', 2026),
        tickets: positiveInteger(values, 'tickets', 500),
        days: 91,
        startDate: '2026-01-05',
        timeZone: 'Europe/Rome',
      });
      return createMemoryAdapter(dataset, { pageSize: positiveInteger(values, 'page-size', 100) });
    }
  }
}

/**
 * `supportkit sync <adapter> --out <dir>`: the adapter's change feed into `<dir>/records.jsonl`, its checkpoint
 * in `<dir>/checkpoint.json` after every batch; run again, it resumes. Ctrl-C stops after the current batch.
 *
 * @example
 * ```ts
 * await syncCommand(context);
 * ```
 */
export const syncCommand: CommandRun = async ({ io, args, json, log }) => {
  const [name, extra] = args.positionals;
  if (!name || !SETTINGS.has(name))
    throw new UsageError(
      'sync needs an adapter: zendesk, trello, request-tracker or memory',
      'supportkit sync memory --out helpdesk/',
    );
  if (extra !== undefined) throw new UsageError('sync takes one adapter', 'supportkit sync --help');
  const outOption = stringOption(args.values, 'out', 'sync', true);
  const settings = settingsFor(name, io.env, io.cwd, stringOption(args.values, 'config', 'sync'));
  const bus = createEventBus();
  const adapter = await adapterFor(name, settings, args.values, bus);
  const dir = resolve(io.cwd, outOption);
  mkdirSync(dir, { recursive: true });
  const saved = checkpointFile(join(dir, CHECKPOINT_FILE));
  const start = saved.load();
  if (start) log(`resuming ${name} from ${relative(io.cwd, saved.path) || saved.path}`);
  const sink = jsonlFileSink(join(dir, RECORDS_FILE));
  io.stopCleanlyOnInterrupt?.();
  const progress = syncProgress(io, bus);
  let result: SyncProgress | undefined;
  let last: SyncProgress = { batches: 0, records: 0, duplicates: 0, checkpoint: start };
  let interrupted = false;
  try {
    result = await sync(adapter, {
      sink,
      checkpoint: start,
      onCheckpoint: async (checkpoint) => {
        saved.save(checkpoint);
        // Let a pending Ctrl-C in: an adapter without network waits (memory) never yields to the event loop.
        await new Promise((resolve) => setImmediate(resolve));
      },
      onProgress: (p) => {
        last = p;
        progress.update(p);
        if (io.signal?.aborted) throw new Interrupted();
      },
    });
  } catch (error) {
    if (!(error instanceof Interrupted)) throw error;
    interrupted = true;
  } finally {
    progress.stop();
    await sink.close();
  }
  const done = result ?? last;
  const out = relative(io.cwd, join(dir, RECORDS_FILE)) || join(dir, RECORDS_FILE);
  if (interrupted)
    log(
      `interrupted after batch ${done.batches}: everything up to it is saved; run the same command to resume`,
    );
  const written = sink.writtenByKind;
  const people = PEOPLE.reduce((sum, kind) => sum + (written[kind] ?? 0), 0);
  const summary = {
    adapter: name,
    out,
    records: done.records,
    batches: done.batches,
    duplicates: done.duplicates,
    resumed: start !== null,
    interrupted,
    written,
    people,
  };
  if (json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else {
    const ofPeople = PEOPLE.map((kind) => `${written[kind] ?? 0} ${kind}`).join(', ');
    io.stdout.write(
      `${interrupted ? 'stopped' : 'synced'}: ${done.records} records in ${done.batches} batches into ${out}${start ? ' (resumed)' : ''}\n` +
        `wrote ${written.tickets ?? 0} tickets and ${people} people (${ofPeople})\n`,
    );
  }
  return interrupted ? INTERRUPTED_EXIT_CODE : 0;
};
