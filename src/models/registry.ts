import type { z } from 'zod';
import { Agent } from './agent.js';
import { Article } from './article.js';
import { Customer } from './customer.js';
import { CustomerCard } from './customer-card.js';
import { Dataset } from './dataset.js';
import { Group } from './group.js';
import { Message } from './message.js';
import { MetricsReport } from './metrics-report.js';
import { Organization } from './organization.js';
import { nameModel } from './parse.js';
import { Schedule } from './schedule.js';
import { SlaPolicy } from './sla-policy.js';
import { SopDocument } from './sop.js';
import { CesResponse, CsatResponse, NpsResponse } from './survey.js';
import { Ticket } from './ticket.js';
import { TicketEvent } from './ticket-event.js';

/**
 * Every top-level model by name: what the JSON Schema build iterates over, and a lookup for tools that pick a
 * model at run time.
 *
 * @example
 * ```ts
 * import { models, parse } from 'supportkit-ts';
 * const value = parse(models.Ticket, input);
 * ```
 */
export const models = {
  Ticket,
  Message,
  TicketEvent,
  Customer,
  CustomerCard,
  Agent,
  Organization,
  Group,
  CsatResponse,
  NpsResponse,
  CesResponse,
  Schedule,
  SlaPolicy,
  SopDocument,
  Article,
  Dataset,
  MetricsReport,
} as const satisfies Record<string, z.ZodType>;

/** The name of a top-level model. */
export type ModelName = keyof typeof models;

for (const [name, schema] of Object.entries(models)) nameModel(schema, name);
