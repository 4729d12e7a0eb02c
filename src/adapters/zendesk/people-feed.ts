/**
 * The people in the change feed: users from the cursor-based user export (end users as customer cards with
 * every identity and their signed notes, agents and admins as agents; deleted users kept, marked), organizations
 * from the time-based organization export, and groups — which Zendesk cannot export incrementally — from a full
 * pass over the group list each run, of which only the groups changed since the last pass are fed.
 * https://developer.zendesk.com/api-reference/ticketing/ticket-management/incremental_exports/
 */
import type { RequestOptions } from '../contract.js';
import { ADAPTER, type ZendeskContext } from './context.js';
import type { FeedPosition } from './feed.js';
import { passBegun, passDone } from './feed.js';
import { type FeedSource, type FeedStep, passUntil, unixSeconds } from './feed-steps.js';
import type { ZendeskIncrementalExports } from './incremental.js';
import { groupFromZendesk, organizationFromZendesk } from './map/index.js';
import { type TimeExport, timeExportPages } from './time-export.js';
import { ZendeskExportedOrganization, ZendeskGroup, ZendeskOrganizationsPage } from './wire.js';

/**
 * Users changed since the position's cursor, a page of the user export per step. A user changed again later
 * comes again (a new version: its `updatedAt` moved).
 *
 * @example
 * ```ts
 * for await (const step of zendeskUserSource(incremental)(position)) store(step.records, step.position);
 * ```
 */
export function zendeskUserSource(incremental: ZendeskIncrementalExports): FeedSource {
  return async function* users(start: FeedPosition, opts?: RequestOptions): AsyncGenerator<FeedStep> {
    const from = start.users === null ? null : { adapter: ADAPTER, cursor: start.users };
    for await (const page of incremental.users(from, opts)) {
      yield {
        records: [
          ...page.customers.map((value) => ({ kind: 'customers' as const, value })),
          ...page.agents.map((value) => ({ kind: 'agents' as const, value })),
        ],
        position: { ...start, users: page.checkpoint.cursor === '' ? null : page.checkpoint.cursor },
      };
    }
  };
}

/** The time-based organization export, read by {@link timeExportPages}. */
function organizationExport(context: ZendeskContext): TimeExport<ZendeskExportedOrganization> {
  return {
    path: '/api/v2/incremental/organizations.json',
    name: 'organization',
    read(body) {
      const page = context.read(ZendeskOrganizationsPage, body);
      const organizations = (page.organizations ?? []).map((o) =>
        context.read(ZendeskExportedOrganization, o),
      );
      return {
        records: organizations.map((value) => ({
          id: value.id,
          timestamp: unixSeconds(value.updated_at) ?? 0,
          value,
        })),
        endTime: page.end_time,
        endOfStream: page.end_of_stream === true,
      };
    },
  };
}

/**
 * Organizations changed since the position's `start_time`, a page of the organization export per step; those
 * delivered at the boundary second are not delivered again (the export restarts at that second). An
 * organization changed twice within one second is seen once, with what Zendesk holds when the page is read.
 *
 * @example
 * ```ts
 * for await (const step of zendeskOrganizationSource(context)(position)) store(step.records, step.position);
 * ```
 */
export function zendeskOrganizationSource(context: ZendeskContext): FeedSource {
  const spec = organizationExport(context);
  return async function* organizations(start: FeedPosition, opts?: RequestOptions): AsyncGenerator<FeedStep> {
    for await (const page of timeExportPages(context, spec, start.organizations, opts))
      yield {
        records: page.fresh.map((wire) => ({
          kind: 'organizations' as const,
          value: organizationFromZendesk(wire),
        })),
        position: { ...start, organizations: page.position },
      };
  };
}

/**
 * Groups, read in full (Zendesk has no incremental group export), a page of the group list per step, of which
 * those changed since the last pass (`updated_at` at or after its bound; all on the first) are fed — a group
 * without an update time is always fed, and the sink writes an unchanged version once. Deleted groups are left
 * out (`exclude_deleted`): the Group model has no place to say so, so a deleted group stops coming and its last
 * version stays where it was written.
 *
 * @example
 * ```ts
 * for await (const step of zendeskGroupSource(context)(position)) store(step.records, step.position);
 * ```
 */
export function zendeskGroupSource(context: ZendeskContext): FeedSource {
  return async function* groups(start: FeedPosition, opts?: RequestOptions): AsyncGenerator<FeedStep> {
    let pass = passBegun(start.groups, passUntil());
    // A clock that went back since the last pass: nothing to read until it catches up.
    if (pass.since !== null && pass.until !== null && pass.since > pass.until) return;
    for (;;) {
      const page = await context.cursorPage<unknown>({
        path: '/api/v2/groups.json',
        key: 'groups',
        query: { exclude_deleted: 'true' },
        after: pass.after,
        ...(opts ? { options: opts } : {}),
      });
      const since = pass.since;
      const changed = page.items
        .map((wire) => context.read(ZendeskGroup, wire))
        .filter((g) => since === null || (unixSeconds(g.updated_at) ?? since) >= since);
      pass = page.after ? { ...pass, after: page.after } : passDone(pass);
      yield {
        records: changed.map((wire) => ({ kind: 'groups' as const, value: groupFromZendesk(wire) })),
        position: { ...start, groups: pass },
      };
      if (!page.after) return;
    }
  };
}
