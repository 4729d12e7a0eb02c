/**
 * SLA policies, with the conditions that say which tickets each applies to.
 * https://developer.zendesk.com/api-reference/ticketing/business-rules/sla_policies/
 */
import type { HttpClient } from '../../http/client.js';
import type { SlaPolicy } from '../../models/sla-policy.js';
import type { RequestOptions } from '../contract.js';
import { callOptions, wireReader } from '../kit/index.js';
import { offsetList } from './endpoints.js';
import { slaPolicyFromZendesk } from './map.js';
import { ZendeskSlaPolicy } from './wire.js';

const fromWire = wireReader('Zendesk');

/**
 * The SLA-policy resource of the Zendesk adapter: every policy in Zendesk's order, each read through its wire
 * schema and mapped by {@link slaPolicyFromZendesk} (conditions included).
 *
 * @example
 * ```ts
 * for await (const policy of zendeskSlaPolicies({ http, pageSize: 100 }).list()) console.log(policy.title);
 * ```
 */
export function zendeskSlaPolicies(context: { http: HttpClient; pageSize: number }) {
  return {
    async *list(opts?: RequestOptions): AsyncGenerator<SlaPolicy> {
      for await (const wire of offsetList<unknown>(
        context.http,
        '/api/v2/slas/policies.json',
        'sla_policies',
        context.pageSize,
        callOptions(opts),
      ))
        yield slaPolicyFromZendesk(fromWire(ZendeskSlaPolicy, wire));
    },
  };
}
