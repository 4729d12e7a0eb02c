import type { AuthOption } from '../../http/auth.js';
import { createRateLimiter, type RateLimiter } from '../../http/rate-limit.js';
import type { TicketCreate } from '../../models/inputs.js';
import {
  type AdapterCapabilities,
  type Checkpoint,
  FULL_CAPABILITIES,
  type HelpdeskAdapter,
  type RequestOptions,
} from '../contract.js';
import {
  type AdapterTransportOptions,
  argumentChecks,
  guardArguments,
  guardCall,
  rateLimiterOptions,
} from '../kit/index.js';
import { type BulkOptions, zendeskBulk } from './bulk.js';
import { zendeskChanges } from './changes.js';
import { ADAPTER, createZendeskContext } from './context.js';
import { zendeskGroups, zendeskOrganizations } from './directory.js';
import { zendeskArticles } from './help-center.js';
import { type TicketExportPage, type UserExportPage, zendeskIncremental } from './incremental.js';
import type { BulkResult, ZendeskTicketMetrics } from './map/index.js';
import { zendeskSchedules } from './schedules.js';
import { zendeskSlaPolicies } from './sla-policies.js';
import { zendeskSurveys } from './surveys.js';
import { zendeskTicketMetrics } from './ticket-metrics.js';
import { zendeskTickets } from './tickets.js';
import { zendeskAgents, zendeskCustomers } from './users.js';

export type { BulkOptions, TicketExportPage, UserExportPage };

/**
 * The Zendesk adapter: the contract, plus what only Zendesk has.
 * @example `const zendesk: ZendeskAdapter = createZendeskAdapter({ subdomain: 'acme', auth });`
 */
export interface ZendeskAdapter extends HelpdeskAdapter {
  readonly bulk: {
    /**
     * Creates many tickets through background jobs (100 a job, one job at a time), polls each job to its end, and
     * reports every input's outcome in input order: an id, or the error Zendesk gave. Inputs are validated before
     * anything is sent.
     */
    createTickets(inputs: readonly TicketCreate[], options?: BulkOptions): Promise<BulkResult[]>;
  };
  readonly ticketMetrics: {
    /** Zendesk's measurements of one ticket (reply, resolution and wait times, reopens). */
    get(ticketId: string, options?: RequestOptions): Promise<ZendeskTicketMetrics>;
    /** Every ticket's measurements, newest ticket first. */
    list(options?: RequestOptions): AsyncGenerator<ZendeskTicketMetrics>;
  };
  readonly incremental: {
    /** Tickets changed since a checkpoint (null = from the beginning), page by page, one page at a time. */
    tickets(checkpoint?: Checkpoint | null, options?: RequestOptions): AsyncGenerator<TicketExportPage>;
    /** Users changed since a checkpoint: end users as customer cards, agents and admins as agents. */
    users(checkpoint?: Checkpoint | null, options?: RequestOptions): AsyncGenerator<UserExportPage>;
  };
}

/**
 * Options of {@link createZendeskAdapter}.
 * @example `const options: ZendeskAdapterOptions = { subdomain: 'acme', auth: { email, token }, pageSize: 50 };`
 */
export interface ZendeskAdapterOptions extends AdapterTransportOptions {
  /** The account's subdomain: `acme` for acme.zendesk.com. A bare DNS label. Required unless `baseUrl` is given. */
  subdomain?: string;
  /** A provider (oauthAuth, apiTokenAuth, …) or plain `{ email, token }` (API token) or `{ token }` (bearer). */
  auth: AuthOption;
  /**
   * Another base URL (a proxy, a test server, a host mapped to the account): an absolute http(s) URL. With it,
   * `subdomain` may be left out. @default https://{subdomain}.zendesk.com
   */
  baseUrl?: string;
  /** Records per page of lists. @default 100 */
  pageSize?: number;
  /** Tickets per page of the incremental export (Zendesk allows up to 1000). @default 1000 */
  exportPageSize?: number;
  /** Custom status id → its category (new, open, pending, hold, solved), for accounts that use custom statuses. */
  customStatuses?: Record<string, string>;
  /**
   * Replaces Zendesk's budgets (a test server, a proxy with limits of its own);
   * `zendeskRateLimiter({ nonBlocking: true })` throws RateLimitError instead of waiting. @default zendeskRateLimiter()
   */
  rateLimiter?: RateLimiter;
}

/**
 * Zendesk's rate-limit budgets: the account limit its headers report, and 10 incremental-export requests a
 * minute. https://developer.zendesk.com/api-reference/introduction/rate-limits/
 *
 * @example
 * ```ts
 * createZendeskAdapter({ subdomain: 'acme', auth, rateLimiter: zendeskRateLimiter({ nonBlocking: true }) });
 * ```
 */
export function zendeskRateLimiter(options: { nonBlocking?: boolean } = {}): RateLimiter {
  const { nonBlocking } = rateLimiterOptions('zendeskRateLimiter', options);
  return createRateLimiter({
    budgets: { incremental: { limit: 10, windowMs: 60_000 } },
    budgetsFor: (_method, path) => (path.includes('/incremental/') ? ['incremental'] : []),
    nonBlocking,
  });
}

const CAPABILITIES: AdapterCapabilities = { ...FULL_CAPABILITIES, surveys: { csat: true, nps: false } };
const checkpointArgument: Parameters<typeof guardCall>[2] = [['checkpoint', argumentChecks.checkpoint]];

/**
 * The Zendesk Support adapter: tickets, comments (authors' roles from side-loaded users), ticket history from
 * audits, users as customer cards and agents, organizations, groups, satisfaction ratings, schedules with
 * holidays, SLA policies, Help Center articles, and a resumable change feed over the incremental exports.
 *
 * @example
 * ```ts
 * import { createZendeskAdapter, oauthAuth } from 'supportkit';
 * const zendesk = createZendeskAdapter({ subdomain: 'acme', auth: oauthAuth({ ... }) });
 * for await (const ticket of zendesk.tickets.list({ status: ['open'] })) console.log(ticket.subject);
 * ```
 */
export function createZendeskAdapter(options: ZendeskAdapterOptions): ZendeskAdapter {
  const context = createZendeskContext(options, zendeskRateLimiter);
  const incremental = zendeskIncremental(context);
  const ticketMetrics = zendeskTicketMetrics(context);
  return guardArguments<ZendeskAdapter>({
    name: ADAPTER,
    capabilities: CAPABILITIES,
    incremental: {
      tickets: guardCall(ADAPTER, 'incremental.tickets', checkpointArgument, incremental.tickets, {
        list: true,
      }),
      users: guardCall(ADAPTER, 'incremental.users', checkpointArgument, incremental.users, { list: true }),
    },
    bulk: {
      createTickets: guardCall(
        ADAPTER,
        'bulk.createTickets',
        [['inputs', argumentChecks.list]],
        zendeskBulk(context).createTickets,
        { extraOptions: ['pollIntervalMs', 'jobTimeoutMs'] },
      ),
    },
    ticketMetrics: {
      get: guardCall(ADAPTER, 'ticketMetrics.get', [['ticketId', argumentChecks.id]], ticketMetrics.get),
      list: ticketMetrics.list,
    },
    tickets: zendeskTickets(context),
    customers: zendeskCustomers(context),
    agents: zendeskAgents(context),
    groups: zendeskGroups(context),
    organizations: zendeskOrganizations(context),
    surveys: zendeskSurveys(context),
    schedules: zendeskSchedules(context),
    slaPolicies: zendeskSlaPolicies(context),
    articles: zendeskArticles(context),
    changes: zendeskChanges(context, incremental),
  });
}
