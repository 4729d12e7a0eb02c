import { z } from 'zod';
import { IanaTimeZone, Id, LanguageTag, openEnum, Source, Timestamp } from './primitives.js';

/**
 * A member of the support team.
 *
 * @example
 * ```ts
 * import { parseAgent } from 'supportkit-ts';
 * parseAgent({ id: 'agent-3', name: 'Marco', email: 'marco@acme.test', groupIds: ['g-billing'], timeZone: 'Europe/Rome' });
 * ```
 */
export const Agent = z.strictObject({
  id: Id,
  source: Source.optional(),
  name: z.string(),
  email: z.email().optional(),
  role: openEnum(['agent', 'lead', 'admin']).default('agent'),
  groupIds: z.array(Id).default([]),
  /** The schedule this agent works to (their shift), by {@link Schedule} id. */
  scheduleId: Id.nullable().default(null),
  timeZone: IanaTimeZone.optional(),
  languages: z.array(LanguageTag).default([]),
  active: z.boolean().default(true),
  createdAt: Timestamp.optional(),
  /** When the helpdesk last changed the agent: a sync writes each version once, by this time. */
  updatedAt: Timestamp.optional(),
});
/** A parsed agent. */
export type Agent = z.output<typeof Agent>;
/** What {@link Agent} accepts. */
export type AgentInput = z.input<typeof Agent>;
