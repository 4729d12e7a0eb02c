/**
 * How a Zendesk account is organised: groups of agents and organizations of customers.
 * https://developer.zendesk.com/api-reference/ticketing/groups/groups/
 * https://developer.zendesk.com/api-reference/ticketing/organizations/organizations/
 */
import type { Group } from '../../models/group.js';
import type { Organization } from '../../models/organization.js';
import type { RequestOptions } from '../contract.js';
import { path } from '../kit/index.js';
import type { ZendeskContext } from './context.js';
import { groupFromZendesk, organizationFromZendesk } from './map/index.js';
import { ZendeskGroup, ZendeskOrganization } from './wire.js';

/**
 * The group resource of the Zendesk adapter.
 *
 * @example
 * ```ts
 * const billing = await zendeskGroups(context).get('360001');
 * ```
 */
export function zendeskGroups(context: ZendeskContext) {
  return {
    async *list(opts?: RequestOptions): AsyncGenerator<Group> {
      const groups = context.cursorList<unknown>({
        path: '/api/v2/groups.json',
        key: 'groups',
        options: opts,
      });
      for await (const wire of groups) yield groupFromZendesk(context.read(ZendeskGroup, wire));
    },
    get: async (id: string, opts?: RequestOptions): Promise<Group> => {
      const body = await context.get<{ group: unknown }>(path`/api/v2/groups/${id}.json`, opts);
      return groupFromZendesk(context.read(ZendeskGroup, body.group));
    },
  };
}

/**
 * The organization resource of the Zendesk adapter.
 *
 * @example
 * ```ts
 * for await (const org of zendeskOrganizations(context).list()) console.log(org.name, org.domains);
 * ```
 */
export function zendeskOrganizations(context: ZendeskContext) {
  return {
    async *list(opts?: RequestOptions): AsyncGenerator<Organization> {
      const organizations = context.cursorList<unknown>({
        path: '/api/v2/organizations.json',
        key: 'organizations',
        options: opts,
      });
      for await (const wire of organizations)
        yield organizationFromZendesk(context.read(ZendeskOrganization, wire));
    },
    get: async (id: string, opts?: RequestOptions): Promise<Organization> => {
      const body = await context.get<{ organization: unknown }>(path`/api/v2/organizations/${id}.json`, opts);
      return organizationFromZendesk(context.read(ZendeskOrganization, body.organization));
    },
  };
}
