/** Zendesk's own measurements of a ticket (its metric set) in supportkit's terms. */
import type { ZendeskTicketMetricSet } from '../wire.js';

/**
 * Minutes in calendar time and within business hours, as Zendesk measured them; null = not measured yet.
 * @example `const { calendar, business }: MeasuredMinutes = metrics.firstReply;`
 */
export interface MeasuredMinutes {
  calendar: number | null;
  business: number | null;
}

/**
 * Zendesk's own measurements of a ticket (its Ticket Metrics): handy to check supportkit's metrics against
 * what Zendesk reports, ticket by ticket.
 * @example `const metrics: ZendeskTicketMetrics = await zendesk.ticketMetrics.get('35436');`
 */
export interface ZendeskTicketMetrics {
  ticketId: string;
  replies: number | null;
  reopens: number | null;
  assigneeStations: number | null;
  groupStations: number | null;
  firstReply: MeasuredMinutes;
  firstResolution: MeasuredMinutes;
  fullResolution: MeasuredMinutes;
  agentWait: MeasuredMinutes;
  requesterWait: MeasuredMinutes;
  onHold: MeasuredMinutes;
  assignedAt: Date | null;
  initiallyAssignedAt: Date | null;
  solvedAt: Date | null;
  latestCommentAt: Date | null;
  updatedAt: Date | null;
}

const minutes = (wire: { calendar?: number | null; business?: number | null } | null | undefined) => ({
  calendar: wire?.calendar ?? null,
  business: wire?.business ?? null,
});
const dateOrNull = (value: string | null | undefined) => (value ? new Date(value) : null);

/**
 * A TicketMetricObject as {@link ZendeskTicketMetrics}.
 *
 * @example
 * ```ts
 * ticketMetricsFromZendesk(ZendeskTicketMetricSet.parse(body.ticket_metric)).firstReply.business; // 42
 * ```
 */
export function ticketMetricsFromZendesk(wire: ZendeskTicketMetricSet): ZendeskTicketMetrics {
  return {
    ticketId: String(wire.ticket_id),
    replies: wire.replies ?? null,
    reopens: wire.reopens ?? null,
    assigneeStations: wire.assignee_stations ?? null,
    groupStations: wire.group_stations ?? null,
    firstReply: minutes(wire.reply_time_in_minutes),
    firstResolution: minutes(wire.first_resolution_time_in_minutes),
    fullResolution: minutes(wire.full_resolution_time_in_minutes),
    agentWait: minutes(wire.agent_wait_time_in_minutes),
    requesterWait: minutes(wire.requester_wait_time_in_minutes),
    onHold: minutes(wire.on_hold_time_in_minutes),
    assignedAt: dateOrNull(wire.assigned_at),
    initiallyAssignedAt: dateOrNull(wire.initially_assigned_at),
    solvedAt: dateOrNull(wire.solved_at),
    latestCommentAt: dateOrNull(wire.latest_comment_added_at),
    updatedAt: dateOrNull(wire.updated_at),
  };
}
