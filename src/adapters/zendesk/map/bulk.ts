/** The per-item outcomes of a Zendesk background job (bulk create). */
import type { ZendeskJobStatus } from '../wire.js';

/**
 * The outcome of one item of a bulk job: created with its id, or failed with Zendesk's error code.
 * @example `const failed = results.filter((r): r is Extract<BulkResult, { ok: false }> => !r.ok);`
 */
export type BulkResult =
  | { index: number; ok: true; id: string }
  | { index: number; ok: false; error: string; details?: string };

/**
 * The per-item results of a completed job, in input order; `offset` places a chunk's items in the whole batch.
 * An item the job does not mention is reported failed (`missing_result`), never dropped.
 *
 * @example
 * ```ts
 * bulkResults(ZendeskJobStatus.parse(body.job_status), 0, 2);
 * // → [{ index: 0, ok: true, id: '244' }, { index: 1, ok: false, error: 'RecordInvalid' }]
 * ```
 */
export function bulkResults(job: ZendeskJobStatus, offset: number, count: number): BulkResult[] {
  const entries = Array.isArray(job.results) ? job.results : [];
  const byIndex = new Map<number, Record<string, unknown>>();
  entries.forEach((entry, position) => {
    const index = typeof entry.index === 'number' ? entry.index : position;
    byIndex.set(index, entry);
  });
  return Array.from({ length: count }, (_, i): BulkResult => {
    const entry = byIndex.get(i);
    const index = offset + i;
    if (!entry) return { index, ok: false, error: 'missing_result' };
    if (entry.success === false || entry.error !== undefined || entry.id === undefined || entry.id === null)
      return {
        index,
        ok: false,
        error: String(entry.error ?? 'failed'),
        ...(typeof entry.details === 'string' ? { details: entry.details } : {}),
      };
    return { index, ok: true, id: String(entry.id) };
  });
}
