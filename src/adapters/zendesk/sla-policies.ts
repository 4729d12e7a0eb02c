/**
 * SLA policies, with the conditions that say which tickets each applies to.
 * https://developer.zendesk.com/api-reference/ticketing/business-rules/sla_policies/
 */
import type { SlaPolicy } from '../../models/sla-policy.js';
import type { RequestOptions } from '../contract.js';
import type { ZendeskContext } from './context.js';
import { slaPolicyFromZendesk } from './map/index.js';
import { ZendeskSlaPolicy } from './wire.js';

/**
 * The SLA-policy resource of the Zendesk adapter: every policy in Zendesk's order, each read through its wire
 * schema and mapped by {@link slaPolicyFromZendesk} (conditions included).
 *
 * @example
 * ```ts
 * for await (const policy of zendeskSlaPolicies(context).list()) console.log(policy.title);
 * ```
 */
export function zendeskSlaPolicies(context: ZendeskContext) {
  return {
    async *list(opts?: RequestOptions): AsyncGenerator<SlaPolicy> {
      // The SLA-policy endpoint pages by offset only.
      const policies = context.offsetList<unknown>({
        path: '/api/v2/slas/policies.json',
        key: 'sla_policies',
        options: opts,
      });
      for await (const wire of policies) yield slaPolicyFromZendesk(context.read(ZendeskSlaPolicy, wire));
    },
  };
}
