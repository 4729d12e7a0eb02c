/**
 * Zendesk's own measurements of tickets (Ticket Metrics), to check supportkit's metrics against.
 * https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metrics/
 */
import type { RequestOptions } from '../contract.js';
import { argumentChecks, guardCall, path } from '../kit/index.js';
import { ADAPTER, type ZendeskContext } from './context.js';
import { ticketMetricsFromZendesk, type ZendeskTicketMetrics } from './map/index.js';
import { ZendeskTicketMetricSet } from './wire.js';

/**
 * Zendesk's measurements of tickets (the adapter's `ticketMetrics`).
 * @example `(await zendesk.ticketMetrics.get('35436')).reopens`
 */
export interface ZendeskTicketMetricsResource {
  /** Zendesk's measurements of one ticket (reply, resolution and wait times, reopens). */
  get(ticketId: string, options?: RequestOptions): Promise<ZendeskTicketMetrics>;
  /** Every ticket's measurements, newest ticket first. */
  list(options?: RequestOptions): AsyncGenerator<ZendeskTicketMetrics>;
}

/**
 * The ticket-metrics resource of the Zendesk adapter.
 *
 * @example
 * ```ts
 * (await zendeskTicketMetrics(context).get('35436')).firstReply.business; // 42
 * ```
 */
export function zendeskTicketMetrics(context: ZendeskContext): ZendeskTicketMetricsResource {
  async function get(ticketId: string, opts?: RequestOptions): Promise<ZendeskTicketMetrics> {
    const body = await context.get<{ ticket_metric: unknown }>(
      path`/api/v2/tickets/${ticketId}/metrics.json`,
      opts,
    );
    // Zendesk answers with an object; its OpenAPI description says a one-item array. Either is read.
    const wire = Array.isArray(body.ticket_metric) ? body.ticket_metric[0] : body.ticket_metric;
    return ticketMetricsFromZendesk(context.read(ZendeskTicketMetricSet, wire));
  }
  return {
    get: guardCall(ADAPTER, 'ticketMetrics.get', [['ticketId', argumentChecks.id]], get),
    list: guardCall(
      ADAPTER,
      'ticketMetrics.list',
      [],
      async function* list(opts?: RequestOptions): AsyncGenerator<ZendeskTicketMetrics> {
        const metrics = context.cursorList<unknown>({
          path: '/api/v2/ticket_metrics.json',
          key: 'ticket_metrics',
          options: opts,
        });
        for await (const wire of metrics)
          yield ticketMetricsFromZendesk(context.read(ZendeskTicketMetricSet, wire));
      },
      { list: true },
    ),
  };
}
