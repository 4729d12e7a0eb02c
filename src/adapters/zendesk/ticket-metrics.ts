/**
 * Zendesk's own measurements of tickets (Ticket Metrics), to check supportkit's metrics against.
 * https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metrics/
 */
import type { RequestOptions } from '../contract.js';
import { path } from '../kit/index.js';
import type { ZendeskContext } from './context.js';
import { ticketMetricsFromZendesk, type ZendeskTicketMetrics } from './map/index.js';
import { ZendeskTicketMetricSet } from './wire.js';

/**
 * The ticket-metrics resource of the Zendesk adapter.
 *
 * @example
 * ```ts
 * (await zendeskTicketMetrics(context).get('35436')).firstReply.business; // 42
 * ```
 */
export function zendeskTicketMetrics(context: ZendeskContext) {
  return {
    async get(ticketId: string, opts?: RequestOptions): Promise<ZendeskTicketMetrics> {
      const body = await context.get<{ ticket_metric: unknown }>(
        path`/api/v2/tickets/${ticketId}/metrics.json`,
        opts,
      );
      // Zendesk answers with an object; its OpenAPI description says a one-item array. Either is read.
      const wire = Array.isArray(body.ticket_metric) ? body.ticket_metric[0] : body.ticket_metric;
      return ticketMetricsFromZendesk(context.read(ZendeskTicketMetricSet, wire));
    },
    async *list(opts?: RequestOptions): AsyncGenerator<ZendeskTicketMetrics> {
      const metrics = context.cursorList<unknown>({
        path: '/api/v2/ticket_metrics.json',
        key: 'ticket_metrics',
        options: opts,
      });
      for await (const wire of metrics)
        yield ticketMetricsFromZendesk(context.read(ZendeskTicketMetricSet, wire));
    },
  };
}
