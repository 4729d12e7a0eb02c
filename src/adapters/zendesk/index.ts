import type { AuthOption } from '../../http/auth.js';
import { createRateLimiter, type RateLimiter } from '../../http/rate-limit.js';
import { type AdapterCapabilities, FULL_CAPABILITIES, type HelpdeskAdapter } from '../contract.js';
import { type AdapterTransportOptions, guardArguments, rateLimiterOptions } from '../kit/index.js';
import { type BulkOptions, type ZendeskBulk, zendeskBulk } from './bulk.js';
import { zendeskChanges } from './changes.js';
import { ADAPTER, createZendeskContext } from './context.js';
import type { CustomStatuses } from './custom-statuses.js';
import { zendeskGroups, zendeskOrganizations } from './directory.js';
import { zendeskArticles } from './help-center.js';
import {
  type TicketExportPage,
  type UserExportPage,
  type ZendeskIncrementalExports,
  zendeskIncremental,
} from './incremental.js';
import { zendeskSchedules } from './schedules.js';
import { zendeskSlaPolicies } from './sla-policies.js';
import { zendeskSurveys } from './surveys.js';
import { type ZendeskTicketMetricsResource, zendeskTicketMetrics } from './ticket-metrics.js';
import { zendeskTickets } from './tickets.js';
import { zendeskAgents, zendeskCustomers } from './users.js';

export type {
  BulkOptions,
  CustomStatuses,
  TicketExportPage,
  UserExportPage,
  ZendeskBulk,
  ZendeskIncrementalExports,
  ZendeskTicketMetricsResource,
};

/**
 * The Zendesk adapter: the contract, plus what only Zendesk has.
 * @example `const zendesk: ZendeskAdapter = createZendeskAdapter({ subdomain: 'acme', auth });`
 */
export interface ZendeskAdapter extends HelpdeskAdapter {
  readonly bulk: ZendeskBulk;
  readonly ticketMetrics: ZendeskTicketMetricsResource;
  readonly incremental: ZendeskIncrementalExports;
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
  /**
   * Custom status id → its category (new, open, pending, hold, solved), for accounts that use custom statuses: a
   * `Map` or a plain record (`{ '7788': 'pending' }`, or JSON). Anything else is a ValidationError naming the option.
   */
  customStatuses?: CustomStatuses;
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

/**
 * The Zendesk Support adapter: tickets, comments (authors' roles from side-loaded users), ticket history from
 * audits, users as customer cards and agents, organizations, groups, satisfaction ratings, schedules with
 * holidays, SLA policies, Help Center articles, and a resumable change feed over the incremental exports.
 *
 * @example
 * ```ts
 * import { createZendeskAdapter, oauthAuth } from 'supportkit-ts';
 * const zendesk = createZendeskAdapter({ subdomain: 'acme', auth: oauthAuth({ ... }) });
 * for await (const ticket of zendesk.tickets.list({ status: ['open'] })) console.log(ticket.subject);
 * ```
 */
export function createZendeskAdapter(options: ZendeskAdapterOptions): ZendeskAdapter {
  const context = createZendeskContext(options, zendeskRateLimiter);
  const incremental = zendeskIncremental(context);
  return guardArguments<ZendeskAdapter>({
    name: ADAPTER,
    capabilities: CAPABILITIES,
    incremental,
    bulk: zendeskBulk(context),
    ticketMetrics: zendeskTicketMetrics(context),
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
