/**
 * Bulk writes through Zendesk's background jobs: tickets go 100 a job, each job polled to its end.
 * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#create-many-tickets
 */
import { JobFailedError } from '../../errors/operations.js';
import { TicketCreate } from '../../models/inputs.js';
import { parse } from '../../models/parse.js';
import type { RequestOptions } from '../contract.js';
import { argumentChecks, guardCall, path, waitOrAbort } from '../kit/index.js';
import { ADAPTER, type ZendeskContext } from './context.js';
import { type BulkResult, bulkResults, ticketCreateToZendesk } from './map/index.js';
import { ZendeskJobStatus } from './wire.js';

/**
 * Options of a bulk write: the job is polled until it completes.
 * @example `zendesk.bulk.createTickets(inputs, { pollIntervalMs: 500, jobTimeoutMs: 120_000 })`
 */
export interface BulkOptions extends RequestOptions {
  /** First wait between polls of the job status, doubling up to 10 s. @default 1000 */
  pollIntervalMs?: number;
  /** Give up on a job still running after this long (it may still finish in Zendesk). @default 600000 */
  jobTimeoutMs?: number;
}

/**
 * Zendesk's bulk writes (the adapter's `bulk`).
 * @example `const results = await zendesk.bulk.createTickets(inputs, { jobTimeoutMs: 120_000 });`
 */
export interface ZendeskBulk {
  /**
   * Creates many tickets through background jobs (100 a job, one job at a time), polls each job to its end, and
   * reports every input's outcome in input order: an id, or the error Zendesk gave. Inputs are validated before
   * anything is sent.
   */
  createTickets(inputs: readonly TicketCreate[], options?: BulkOptions): Promise<BulkResult[]>;
}

/** Zendesk takes at most 100 tickets a job. */
const JOB_SIZE = 100;

/**
 * The bulk resource of the Zendesk adapter.
 *
 * @example
 * ```ts
 * const results = await zendeskBulk(context).createTickets([{ subject: 'Help', requesterId: '20978392' }]);
 * ```
 */
export function zendeskBulk(context: ZendeskContext): ZendeskBulk {
  /** Polls a job status until it completes or fails, waiting longer between polls (1 s, 2 s, … up to 10 s). */
  async function awaitJob(id: string, opts: BulkOptions = {}): Promise<ZendeskJobStatus> {
    const deadline = Date.now() + (opts.jobTimeoutMs ?? 10 * 60_000);
    let wait = opts.pollIntervalMs ?? 1000;
    for (;;) {
      const body = await context.get<{ job_status: unknown }>(path`/api/v2/job_statuses/${id}.json`, opts);
      const job = context.read(ZendeskJobStatus, body.job_status);
      if (job.status === 'completed') return job;
      if (job.status === 'failed' || job.status === 'killed')
        throw new JobFailedError({ adapter: ADAPTER, jobId: id, status: job.status });
      if (Date.now() + wait > deadline)
        throw new JobFailedError({ adapter: ADAPTER, jobId: id, status: job.status, timedOut: true });
      await waitOrAbort(ADAPTER, wait, opts.signal);
      wait = Math.min(wait * 2, 10_000);
    }
  }

  /** Queues one job of up to 100 tickets; each job gets its own idempotency key, derived from the caller's. */
  async function queueJob(tickets: unknown[], job: number, opts: BulkOptions): Promise<string> {
    const { idempotencyKey, ...rest } = opts;
    const queued = await context.write<{ job_status: unknown }>({
      method: 'POST',
      path: '/api/v2/tickets/create_many.json',
      body: { tickets },
      options: { ...rest, ...(idempotencyKey ? { idempotencyKey: `${idempotencyKey}:${job}` } : {}) },
    });
    return context.read(ZendeskJobStatus, queued.job_status).id;
  }

  async function createTickets(
    inputs: readonly TicketCreate[],
    opts: BulkOptions = {},
  ): Promise<BulkResult[]> {
    const tickets = inputs.map(
      (input, index) =>
        ticketCreateToZendesk(parse(TicketCreate, input, `tickets to create[${index}]`)).ticket,
    );
    const results: BulkResult[] = [];
    // The jobs run one after another to stay inside the account's job limit.
    for (let offset = 0; offset < tickets.length; offset += JOB_SIZE) {
      const chunk = tickets.slice(offset, offset + JOB_SIZE);
      const job = await awaitJob(await queueJob(chunk, offset / JOB_SIZE, opts), opts);
      results.push(...bulkResults(job, offset, chunk.length));
    }
    return results;
  }

  // Inputs must be a list; `pollIntervalMs` and `jobTimeoutMs` are this call's own options.
  return {
    createTickets: guardCall(
      ADAPTER,
      'bulk.createTickets',
      [['inputs', argumentChecks.list]],
      createTickets,
      {
        extraOptions: ['pollIntervalMs', 'jobTimeoutMs'],
      },
    ),
  };
}
