import type { Agent } from './agent.js';
import type { Article } from './article.js';
import type { Customer } from './customer.js';
import type { Dataset } from './dataset.js';
import type { Group } from './group.js';
import type { Message } from './message.js';
import type { Organization } from './organization.js';
import { parse } from './parse.js';
import { models } from './registry.js';
import type { Schedule } from './schedule.js';
import type { SlaPolicy } from './sla-policy.js';
import type { SopDocument } from './sop.js';
import type { CesResponse, CsatResponse, NpsResponse } from './survey.js';
import type { Ticket } from './ticket.js';
import type { TicketEvent } from './ticket-event.js';

/** Parses a ticket or throws a `ValidationError`. @example `const ticket = parseTicket(json);` */
export const parseTicket = (value: unknown): Ticket => parse(models.Ticket, value);
/** Parses a message or throws a `ValidationError`. @example `const message = parseMessage(json);` */
export const parseMessage = (value: unknown): Message => parse(models.Message, value);
/** Parses a ticket event or throws a `ValidationError`. @example `const event = parseTicketEvent(json);` */
export const parseTicketEvent = (value: unknown): TicketEvent => parse(models.TicketEvent, value);
/** Parses a customer card or throws a `ValidationError`. @example `const customer = parseCustomer(json);` */
export const parseCustomer = (value: unknown): Customer => parse(models.Customer, value);
/** Parses an agent or throws a `ValidationError`. @example `const agent = parseAgent(json);` */
export const parseAgent = (value: unknown): Agent => parse(models.Agent, value);
/** Parses an organization or throws a `ValidationError`. @example `const org = parseOrganization(json);` */
export const parseOrganization = (value: unknown): Organization => parse(models.Organization, value);
/** Parses a group or throws a `ValidationError`. @example `const group = parseGroup(json);` */
export const parseGroup = (value: unknown): Group => parse(models.Group, value);
/** Parses a CSAT response or throws a `ValidationError`. @example `const r = parseCsatResponse(json);` */
export const parseCsatResponse = (value: unknown): CsatResponse => parse(models.CsatResponse, value);
/** Parses an NPS response or throws a `ValidationError`. @example `const r = parseNpsResponse(json);` */
export const parseNpsResponse = (value: unknown): NpsResponse => parse(models.NpsResponse, value);
/** Parses a CES response or throws a `ValidationError`. @example `const r = parseCesResponse(json);` */
export const parseCesResponse = (value: unknown): CesResponse => parse(models.CesResponse, value);
/** Parses a schedule or throws a `ValidationError`. @example `const schedule = parseSchedule(json);` */
export const parseSchedule = (value: unknown): Schedule => parse(models.Schedule, value);
/** Parses an SLA policy or throws a `ValidationError`. @example `const policy = parseSlaPolicy(json);` */
export const parseSlaPolicy = (value: unknown): SlaPolicy => parse(models.SlaPolicy, value);
/** Parses an SOP document or throws a `ValidationError`. @example `const sop = parseSopDocument(json);` */
export const parseSopDocument = (value: unknown): SopDocument => parse(models.SopDocument, value);
/** Parses an article or throws a `ValidationError`. @example `const article = parseArticle(json);` */
export const parseArticle = (value: unknown): Article => parse(models.Article, value);
/** Parses a whole dataset or throws a `ValidationError`. @example `const dataset = parseDataset(json);` */
export const parseDataset = (value: unknown): Dataset => parse(models.Dataset, value);

/**
 * Sets `record[key] = value` as an own, enumerable property whatever the key: with plain assignment a key named
 * `__proto__` (a custom field or tag an admin typed) would replace the object's prototype instead of adding a
 * field. Mappers use it for every key that comes from vendor data.
 *
 * @example
 * ```ts
 * const fields: Record<string, unknown> = {};
 * setField(fields, '__proto__', 'gold'); // Object.keys(fields) → ['__proto__']
 * ```
 */
export function setField<V>(record: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
