import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { invalidArgument, invalidOption } from '../errors/validation.js';
import type { Customer } from '../models/customer.js';
import type { Dataset, DatasetRecord } from '../models/dataset.js';
import { checkpointAdapter, RECORDS_FILE } from './folder.js';
import { type FolderNote, notesOfRecord, readFolderNotes } from './folder-notes.js';
import { readJsonlRange } from './jsonl-reader.js';

/** The Dataset lists, in the order {@link readDataset} fills them. */
const LISTS = [
  'tickets',
  'messages',
  'events',
  'customers',
  'agents',
  'organizations',
  'groups',
  'csat',
  'nps',
  'ces',
  'schedules',
  'slaPolicies',
  'sops',
  'articles',
] as const satisfies readonly DatasetRecord['kind'][];

/** A record kind {@link readDataset} can be asked for. */
export type DatasetKind = (typeof LISTS)[number];

/**
 * Options of {@link readDataset}.
 * @example `readDataset('helpdesk/', { kinds: ['customers', 'agents', 'groups'] })`
 */
export interface ReadDatasetOptions {
  /** Only these lists are read (the others come back empty): the people alone read a fraction of the file. */
  kinds?: readonly DatasetKind[];
}

const version = (value: { updatedAt?: Date }) =>
  value.updatedAt instanceof Date ? value.updatedAt.getTime() : Number.NEGATIVE_INFINITY;

/**
 * Reads a synced folder (what `supportkit sync` or `supportkit import csv` wrote; or one JSONL file) as the
 * helpdesk stands now: the latest version of each record — a ticket, a customer, an agent, a group or an
 * organization written again after a change replaces the older one (by `updatedAt`, else by the later line) —
 * and the card notes the folder keeps (`notes.jsonl`) on the customers they belong to. Deleted and merged
 * customers are kept, marked as the helpdesk said. A customer, ticket or survey answer without a source is
 * given the folder's helpdesk (the checkpoint's adapter, else its tickets'), so records of several folders keep
 * apart in a card index. The result is what `buildCardIndex`, `customerCard` and the
 * metrics take.
 *
 * The whole dataset is held in memory: for a report over millions of tickets use `summarizeJsonlFile`, which
 * streams; pass `kinds` to read only some lists. Records are revived, not re-validated (they are the sync's own).
 *
 * @example
 * ```ts
 * import { buildCardIndex, customerCard } from 'supportkit-ts/care';
 * import { readDataset } from 'supportkit-ts/sync';
 * const dataset = await readDataset('helpdesk/');
 * const index = await buildCardIndex(dataset, { defaultRegion: 'IT', trusted: true });
 * const cardId = index.find({ email: 'ada@example.com' });
 * if (cardId) console.log(customerCard(index, cardId, { asOf: new Date() }).state);
 * ```
 */
export async function readDataset(path: string, options: ReadDatasetOptions = {}): Promise<Dataset> {
  if (typeof path !== 'string' || path === '')
    throw invalidArgument('readDataset()', 'path', 'expected a synced folder or a JSONL file');
  if (typeof options !== 'object' || options === null)
    throw invalidOption('readDataset', '', 'must be an object');
  const kinds = options.kinds ?? LISTS;
  if (!Array.isArray(kinds) || kinds.some((kind) => !(LISTS as readonly string[]).includes(kind)))
    throw invalidOption('readDataset', 'kinds', `expected some of ${LISTS.join(', ')}`);
  const full = resolve(path);
  if (!existsSync(full)) throw invalidArgument('readDataset()', 'path', 'names nothing on disk');
  const folder = statSync(full).isDirectory();
  const file = folder ? join(full, RECORDS_FILE) : full;
  if (folder && !existsSync(file))
    throw invalidArgument('readDataset()', 'path', `is a folder without ${RECORDS_FILE}`);
  const wanted = new Set<string>(kinds);
  const latest = new Map<string, Map<string, { id?: string; updatedAt?: Date }>>(
    LISTS.map((kind) => [kind, new Map()]),
  );
  const range = { start: 0, tolerateTornTail: folder, kinds: wanted };
  for await (const batch of readJsonlRange(file, range)) {
    for (const record of batch) {
      if (!wanted.has(record.kind)) continue;
      const byId = latest.get(record.kind)!;
      const value = record.value as { id?: string; updatedAt?: Date };
      const id = value.id ?? '';
      const known = byId.get(id);
      // The later line wins unless it is an older version (a batch re-sent after a restart).
      if (known === undefined || version(value) >= version(known)) byId.set(id, value);
    }
  }
  const dataset = Object.fromEntries(
    LISTS.map((kind) => [kind, [...latest.get(kind)!.values()]]),
  ) as unknown as Dataset;
  const adapter =
    (folder ? checkpointAdapter(full) : undefined) ?? dataset.tickets.find((t) => t.source)?.source?.adapter;
  if (adapter !== undefined) withSources(dataset, adapter);
  if (folder && wanted.has('customers')) withFolderNotes(dataset.customers, readFolderNotes(full));
  return dataset;
}

/**
 * Gives records without a source the folder's helpdesk: customers (`sources`), tickets and survey answers
 * (`source`), so that a card index over several folders files each where it belongs.
 */
function withSources(dataset: Dataset, adapter: string): void {
  dataset.customers = dataset.customers.map((c) =>
    c.sources.length > 0 ? c : { ...c, sources: [{ adapter, id: c.id }] },
  );
  dataset.tickets = dataset.tickets.map((t) => (t.source ? t : { ...t, source: { adapter, id: t.id } }));
  dataset.csat = dataset.csat.map((v) => (v.source ? v : { ...v, source: { adapter, id: v.id } }));
  dataset.nps = dataset.nps.map((v) => (v.source ? v : { ...v, source: { adapter, id: v.id } }));
  dataset.ces = dataset.ces.map((v) => (v.source ? v : { ...v, source: { adapter, id: v.id } }));
}

/** Puts the folder's notes on their customers, after the notes the helpdesk keeps (same id: the folder's wins). */
function withFolderNotes(customers: Customer[], notes: readonly FolderNote[]): void {
  if (notes.length === 0) return;
  for (let i = 0; i < customers.length; i++) {
    const customer = customers[i]!;
    const kept = notesOfRecord(notes, customer.sources[0]?.adapter ?? 'default', customer.id);
    if (kept.length === 0) continue;
    const ids = new Set(kept.map((n) => n.id));
    customers[i] = { ...customer, notes: [...customer.notes.filter((n) => !ids.has(n.id)), ...kept] };
  }
}
