import { SupportkitError } from './base.js';
import { field, optionalText, strings, text } from './lenient.js';

/**
 * The caller's own `signal` aborted the call (or a wait between its retries). Nothing failed on the server's
 * side; `reason` is the signal's reason as the caller gave it.
 *
 * @example
 * ```ts
 * import { RequestAbortedError } from 'supportkit-ts';
 * const controller = new AbortController();
 * const pending = zendesk.tickets.get('35436', { signal: controller.signal });
 * controller.abort();
 * await pending.catch((error) => error instanceof RequestAbortedError); // true
 * ```
 */
export class RequestAbortedError extends SupportkitError {
  /** The adapter whose call was aborted. */
  readonly adapter: string | undefined;
  /** The signal's reason, as the caller gave it (never put in the message). */
  readonly reason: unknown;
  constructor(init: { adapter?: string | undefined; method?: string; reason?: unknown }) {
    const adapter = optionalText(field(init, 'adapter'));
    const method = optionalText(field(init, 'method'));
    const reason = field(init, 'reason');
    super(
      `${adapter ? `The ${adapter} adapter's` : 'The'}${method ? ` ${method}` : ''} call was aborted by the caller`,
      { code: 'aborted', cause: reason },
    );
    this.adapter = adapter;
    this.reason = reason;
  }
}

/**
 * A paginated list whose server handed back a cursor it had already returned: following it would loop forever.
 *
 * @example
 * ```ts
 * import { PaginationLoopError } from 'supportkit-ts';
 * try { for await (const t of helpdesk.tickets.list()) use(t); }
 * catch (error) { if (error instanceof PaginationLoopError) console.error('the server repeated a page'); }
 * ```
 */
export class PaginationLoopError extends SupportkitError {
  constructor() {
    super('pagination: the server returned a cursor it had already returned', { code: 'pagination_loop' });
  }
}

/**
 * A vendor's background job (Zendesk's bulk create) ended `failed` or `killed`, or was still running when the
 * wait ran out (`code` `job_timeout`; it may still finish in the helpdesk).
 *
 * @example
 * ```ts
 * import { JobFailedError } from 'supportkit-ts';
 * await zendesk.bulk.createTickets(inputs).catch((error) => {
 *   if (error instanceof JobFailedError) console.error(error.jobId, error.status);
 * });
 * ```
 */
export class JobFailedError extends SupportkitError {
  /** The adapter whose job it was (`zendesk`). */
  readonly adapter: string;
  /** The vendor's job id. */
  readonly jobId: string;
  /** The job's last status (`failed`, `killed`, or the running status it had when the wait ran out). */
  readonly status: string;
  constructor(init: { adapter: string; jobId: string; status: string; timedOut?: boolean }) {
    const adapter = text(field(init, 'adapter'), 'helpdesk');
    const jobId = text(field(init, 'jobId'), '(unknown)');
    const timedOut = field(init, 'timedOut') === true;
    const status = text(field(init, 'status'), timedOut ? 'running' : 'failed');
    super(
      timedOut
        ? `The ${adapter} adapter's job ${jobId} was still ${status} when the wait ran out`
        : `The ${adapter} adapter's job ${jobId} ${status}`,
      { code: timedOut ? 'job_timeout' : 'job_failed' },
    );
    this.adapter = adapter;
    this.jobId = jobId;
    this.status = status;
  }
}

/**
 * A vendor export that kept ending where it began (Zendesk's ticket-event export whose `end_time` stopped
 * advancing): reading on would loop forever.
 *
 * @example
 * ```ts
 * import { ExportStalledError } from 'supportkit-ts';
 * if (error instanceof ExportStalledError) console.error(error.export, 'stopped advancing');
 * ```
 */
export class ExportStalledError extends SupportkitError {
  /** The adapter whose export stalled (`zendesk`). */
  readonly adapter: string;
  /** Which export stalled, e.g. `ticket-event`. */
  readonly export: string;
  constructor(init: { adapter: string; export: string; detail: string }) {
    const adapter = text(field(init, 'adapter'), 'helpdesk');
    const name = text(field(init, 'export'), '(unknown)');
    const detail = text(field(init, 'detail'), 'no progress');
    super(`The ${adapter} adapter's ${name} export kept ending where it began: ${detail}`, {
      code: 'export_stalled',
    });
    this.adapter = adapter;
    this.export = name;
  }
}

/**
 * A write the helpdesk answered with success but did not (wholly) apply — Request Tracker answers 200 with a
 * refusal per field — (`code` `change_refused`), or one whose result it did not record (`not_recorded`).
 * `fields` names what did not take; values are never quoted.
 *
 * @example
 * ```ts
 * import { ChangeRefusedError } from 'supportkit-ts';
 * await rt.tickets.update('42', { status: 'solved' }).catch((error) => {
 *   if (error instanceof ChangeRefusedError) console.error('not applied:', error.fields.join(', '));
 * });
 * ```
 */
export class ChangeRefusedError extends SupportkitError {
  /** The fields (or, for `not_recorded`, the kind of record) the helpdesk did not apply. */
  readonly fields: readonly string[];
  constructor(init: { message: string; fields: readonly string[]; notRecorded?: boolean }) {
    const notRecorded = field(init, 'notRecorded') === true;
    super(
      text(
        field(init, 'message'),
        notRecorded ? 'The helpdesk did not record the change' : 'The helpdesk did not apply the change',
      ),
      { code: notRecorded ? 'not_recorded' : 'change_refused' },
    );
    this.fields = strings(field(init, 'fields'));
  }
}
