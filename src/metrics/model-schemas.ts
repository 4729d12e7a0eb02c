/**
 * Every zod schema the metrics validate their input with, in one module that metrics never import directly:
 * they reach it through `modelSchemas()` (./schemas.ts), which the published build loads on first use, so that
 * `import('supportkit-ts/metrics')` does not load zod (≈100 ms of a one-second automation step) until a metric is
 * handed data that is not already parsed. The build emits this module as its own file, dist/internal/model-schemas.
 */
import { z } from 'zod';
import { Id } from '../models/primitives.js';
import { Channel, TicketPriority } from '../models/ticket.js';

export { Group } from '../models/group.js';
export { Message } from '../models/message.js';
export { Timestamp } from '../models/primitives.js';
export { Schedule } from '../models/schedule.js';
export { SlaPolicy } from '../models/sla-policy.js';
export { CesResponse, CsatResponse, NpsResponse } from '../models/survey.js';
export { Ticket } from '../models/ticket.js';
export { TicketEvent } from '../models/ticket-event.js';

/**
 * The fields SLA conditions read, as the Ticket model reads them (a ticket's JSON, or a parsed ticket).
 * @example `SlaMatchTicketInput.parse({ priority: 'High', tags: ['vip'] }).priority; // 'high'`
 */
export const SlaMatchTicketInput = z.looseObject({
  priority: TicketPriority.nullable().default(null),
  channel: Channel.default('other'),
  type: z.string().nullable().optional(),
  groupId: Id.nullable().default(null),
  organizationId: Id.nullable().default(null),
  assigneeId: Id.nullable().default(null),
  requesterId: Id.optional(),
  tags: z.array(z.string()).default([]),
});
