import { ValidationError } from '../../errors/validation.js';
import { Dataset, type DatasetInput } from '../../models/dataset.js';
import { parse } from '../../models/parse.js';
import { FULL_CAPABILITIES, type HelpdeskAdapter } from '../contract.js';
import { checkOptions, guardArguments, sinceFilter } from '../kit/index.js';
import { memoryChanges } from './changes.js';
import { memoryCustomers } from './customers.js';
import { ADAPTER, createStore } from './store.js';
import { memoryTickets } from './tickets.js';

/** Options of {@link createMemoryAdapter}. */
export interface MemoryAdapterOptions {
  /** The clock for created and updated times. @default () => new Date() */
  now?: () => Date;
  /** Records per page of a list, and per change batch (people, tickets with their records, surveys). @default 100 */
  pageSize?: number;
  /**
   * The agent who writes a message added without `authorId` — the memory adapter's "authenticated user".
   * @default the first agent of the dataset
   */
  defaultAuthorId?: string;
}

/**
 * The in-memory reference adapter: every operation of the contract over a Dataset held in memory. It is the
 * embedded default for demos and the test double for users' own tests: writes record TicketEvents for status,
 * priority, assignee, group and tag changes, idempotency keys are honoured, and `changes()` is a resumable feed of
 * the people, the tickets with their records, and the survey answers. The dataset is taken as the models take it
 * ({@link DatasetInput}): an agent needs an `id` and a `name`, times may be ISO strings, and what the models
 * default (`role`, `active`, `groupIds`, …) is filled in.
 *
 * @example
 * ```ts
 * import { createMemoryAdapter } from 'supportkit-ts';
 * import { generateDataset } from 'supportkit-ts/testing';
 * const helpdesk = createMemoryAdapter(generateDataset({ tickets: 100 }));
 * const team = createMemoryAdapter({ agents: [{ id: 'a1', name: 'Ada' }] }); // role, groups, active: defaults
 * const ticket = await helpdesk.tickets.create({ subject: 'Printer on fire', requesterId: 'c-1' }, { idempotencyKey: 'k1' });
 * await helpdesk.tickets.update(ticket.id, { status: 'solved' });
 * ```
 */
export function createMemoryAdapter(
  dataset?: Partial<DatasetInput>,
  options: MemoryAdapterOptions = {},
): HelpdeskAdapter {
  checkOptions('createMemoryAdapter', options, {
    now: (value) => (value === undefined || typeof value === 'function' ? undefined : 'expected a function'),
    pageSize: (value) =>
      value === undefined || (Number.isSafeInteger(value) && (value as number) >= 1)
        ? undefined
        : 'expected an integer ≥ 1',
    defaultAuthorId: (value) =>
      value === undefined || (typeof value === 'string' && value !== '') ? undefined : 'expected an agent id',
  });
  // The adapter owns its copy: a caller's later edits to the dataset do not reach it.
  const data: Dataset = structuredClone(parse(Dataset, dataset ?? {}, 'memory adapter dataset'));
  if (options.defaultAuthorId !== undefined && !data.agents.some((a) => a.id === options.defaultAuthorId))
    throw new ValidationError('createMemoryAdapter options', [
      {
        path: ['defaultAuthorId'],
        code: 'invalid_value',
        message: 'expected the id of an agent of the dataset',
      },
    ]);
  const store = createStore(data, {
    now: options.now ?? (() => new Date()),
    pageSize: options.pageSize ?? 100,
    defaultAuthorId: options.defaultAuthorId ?? data.agents[0]?.id,
  });
  const all =
    <T>(list: readonly T[]) =>
    () =>
      store.pages(() => list);
  const since =
    <T extends { createdAt: Date }>(list: readonly T[], operation: string) =>
    (filter?: { since?: Date | string | number }) =>
      store.pages(() => store.since(list, sinceFilter(filter, operation).since));
  return guardArguments<HelpdeskAdapter>({
    name: ADAPTER,
    capabilities: FULL_CAPABILITIES,
    tickets: memoryTickets(store),
    customers: memoryCustomers(store),
    agents: { list: all(data.agents), get: store.byId(data.agents, 'agents') },
    groups: { list: all(data.groups), get: store.byId(data.groups, 'groups') },
    organizations: { list: all(data.organizations), get: store.byId(data.organizations, 'organizations') },
    surveys: { listCsat: since(data.csat, 'surveys.listCsat'), listNps: since(data.nps, 'surveys.listNps') },
    schedules: { list: all(data.schedules) },
    slaPolicies: { list: all(data.slaPolicies) },
    articles: { list: since(data.articles, 'articles.list'), get: store.byId(data.articles, 'articles') },
    changes: memoryChanges(store),
  });
}
