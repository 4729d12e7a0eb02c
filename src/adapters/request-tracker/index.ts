import { type AdapterCapabilities, FULL_CAPABILITIES, type HelpdeskAdapter } from '../contract.js';
import {
  checkOptions,
  guardArguments,
  httpUrlProblem,
  integerProblem,
  transportOptionChecks,
} from '../kit/index.js';
import { createChanges } from './changes.js';
import { ADAPTER, createRtContext, type RequestTrackerAdapterOptions } from './context.js';

import { createHistory } from './history.js';
import { createMessages } from './messages.js';
import { createQueues } from './queues.js';
import { createTickets } from './tickets.js';
import { unsupportedByRt } from './unsupported.js';

export type { RequestTrackerAdapterOptions } from './context.js';

import { createAgents, createCustomers } from './users.js';

/**
 * RT has no organizations (a user's `Organization` is free text) and no surveys (no CSAT, NPS or CES); card notes
 * are kept in each user's `Comments`.
 */
const CAPABILITIES: AdapterCapabilities = {
  ...FULL_CAPABILITIES,
  organizations: false,
  surveys: { csat: false, nps: false },
  schedules: false,
  slaPolicies: false,
  articles: false,
};

const name = (what: string) => (value: unknown) =>
  value === undefined || (typeof value === 'string' && value.trim() !== '') ? undefined : `expected ${what}`;

/**
 * The Request Tracker 5 adapter over REST2: queues as groups, privileged users as agents and the others as
 * customer cards (signed notes appended to the user's `Comments`), tickets searched with TicketSQL, messages and
 * history from transactions (Create = the opening message, Correspond = a public reply, Comment = a private
 * note; status, owner, queue, priority and tag changes), and a change feed over the transaction ids, which only
 * grow, followed by the users and queues changed since the last run. RT has no organizations, surveys,
 * schedules, SLA policies or articles in REST2: those throw UnsupportedError.
 *
 * @example
 * ```ts
 * import { createRequestTrackerAdapter } from 'supportkit-ts/request-tracker';
 * import { tokenAuth } from 'supportkit-ts';
 * const rt = createRequestTrackerAdapter({ baseUrl: 'https://rt.example.org', auth: tokenAuth(process.env.RT_TOKEN!), queues: ['Support'] });
 * for await (const ticket of rt.tickets.list({ status: ['open'] })) console.log(ticket.subject);
 * ```
 */
export function createRequestTrackerAdapter(options: RequestTrackerAdapterOptions): HelpdeskAdapter {
  checkOptions('createRequestTrackerAdapter', options, {
    ...transportOptionChecks,
    baseUrl: httpUrlProblem,
    auth: (value) => (value ? undefined : 'required'),
    tagsField: name('a custom field name'),
    defaultQueue: name('a queue name or id'),
    pageSize: (value) => integerProblem(value, 1, 100),
    queues: (value) =>
      value === undefined ||
      (Array.isArray(value) && value.every((q) => typeof q === 'string' && q.trim() !== ''))
        ? undefined
        : 'expected a list of queue names or ids',
  });
  const context = createRtContext(options);
  const tickets = createTickets(context);
  const messages = createMessages(context);
  const history = createHistory(context);
  return guardArguments({
    name: ADAPTER,
    capabilities: CAPABILITIES,
    tickets: {
      list: tickets.list,
      get: tickets.get,
      create: tickets.create,
      update: tickets.update,
      addMessage: messages.addMessage,
      listMessages: messages.listMessages,
      listEvents: history.listEvents,
    },
    customers: createCustomers(context),
    agents: createAgents(context),
    groups: createQueues(context),
    ...unsupportedByRt,
    changes: createChanges(context),
  });
}
