import { z } from 'zod';
import { invalidArgument } from '../errors/validation.js';
import { Agent } from './agent.js';
import { Article } from './article.js';
import { Customer } from './customer.js';
import { Group } from './group.js';
import { Message } from './message.js';
import { Organization } from './organization.js';
import { Timestamp } from './primitives.js';
import { Schedule } from './schedule.js';
import { SlaPolicy } from './sla-policy.js';
import { SopDocument } from './sop.js';
import { CesResponse, CsatResponse, NpsResponse } from './survey.js';
import { Ticket } from './ticket.js';
import { TicketEvent } from './ticket-event.js';

/**
 * A bundle of support data: the unit metrics and reports take, and what adapters and the generator produce.
 * Every list may be omitted. Parsing checks what one record cannot: ticket ids are unique, and every message
 * and event belongs to a ticket in the bundle.
 *
 * @example
 * ```ts
 * import { parseDataset } from 'supportkit-ts';
 * const dataset = parseDataset({
 *   tickets: [{ id: '1', subject: 'Hi', status: 'new', requesterId: 'c1',
 *               createdAt: '2026-03-02T08:00:00Z', updatedAt: '2026-03-02T08:00:00Z' }],
 *   messages: [{ id: 'm1', ticketId: '1', authorId: 'c1', authorRole: 'end-user', public: true,
 *                body: 'Hello', createdAt: '2026-03-02T08:00:00Z' }],
 * });
 * dataset.agents; // []
 * ```
 */
export const Dataset = z
  .strictObject({
    /** The moment the data describes ("as of"): metrics that need a clock use it. */
    asOf: Timestamp.optional(),
    tickets: z.array(Ticket).default([]),
    messages: z.array(Message).default([]),
    events: z.array(TicketEvent).default([]),
    customers: z.array(Customer).default([]),
    agents: z.array(Agent).default([]),
    organizations: z.array(Organization).default([]),
    groups: z.array(Group).default([]),
    csat: z.array(CsatResponse).default([]),
    nps: z.array(NpsResponse).default([]),
    ces: z.array(CesResponse).default([]),
    schedules: z.array(Schedule).default([]),
    slaPolicies: z.array(SlaPolicy).default([]),
    sops: z.array(SopDocument).default([]),
    articles: z.array(Article).default([]),
  })
  .superRefine((dataset, ctx) => {
    const ticketIds = new Set<string>();
    dataset.tickets.forEach((ticket, index) => {
      if (ticketIds.has(ticket.id)) {
        ctx.addIssue({ code: 'custom', path: ['tickets', index, 'id'], message: 'duplicate ticket id' });
      }
      ticketIds.add(ticket.id);
    });
    for (const key of ['messages', 'events'] as const) {
      dataset[key].forEach((record, index) => {
        if (!ticketIds.has(record.ticketId)) {
          ctx.addIssue({
            code: 'custom',
            path: [key, index, 'ticketId'],
            message: 'names a ticket that is not in the dataset',
          });
        }
      });
    }
  });
/** A parsed dataset. */
export type Dataset = z.output<typeof Dataset>;
/** What {@link Dataset} accepts. */
export type DatasetInput = z.input<typeof Dataset>;

/**
 * One record of a dataset, tagged with the Dataset list it belongs to: how streams (the generator, sync, JSONL
 * files) carry a dataset without holding it whole.
 *
 * @example
 * ```ts
 * const record: DatasetRecord = { kind: 'tickets', value: ticket };
 * ```
 */
export type DatasetRecord = {
  [K in Exclude<keyof Dataset, 'asOf'>]: { kind: K; value: Dataset[K][number] };
}[Exclude<keyof Dataset, 'asOf'>];

/**
 * Every record of a dataset as `{ kind, value }`, list by list (`asOf` is not a record): what `buildCardIndex`
 * and a sink take. Several helpdesks' datasets (one `readDataset` per synced folder) become one stream by
 * concatenating theirs.
 *
 * @example
 * ```ts
 * import { datasetRecords } from 'supportkit-ts';
 * const records = [...datasetRecords(zendeskDataset), ...datasetRecords(rtDataset)];
 * const index = await buildCardIndex(records, { defaultRegion: 'IT' });
 * ```
 */
export function datasetRecords(dataset: Partial<Omit<Dataset, 'asOf'>>): Generator<DatasetRecord> {
  if (typeof dataset !== 'object' || dataset === null || Array.isArray(dataset))
    throw invalidArgument('datasetRecords()', 'dataset', 'expected a Dataset (an object of record lists)');
  return recordsOf(dataset);
}

function* recordsOf(dataset: object): Generator<DatasetRecord> {
  for (const [kind, list] of Object.entries(dataset)) {
    if (kind === 'asOf' || !Array.isArray(list)) continue;
    for (const value of list) yield { kind, value } as DatasetRecord;
  }
}
