import { z } from 'zod';
import { CustomFields, Id, Source, Timestamp } from './primitives.js';

/**
 * A customer's company.
 *
 * @example
 * ```ts
 * import { parseOrganization } from 'supportkit-ts';
 * parseOrganization({ id: 'o-1', name: 'Acme S.p.A.', domains: ['acme.it'] });
 * ```
 */
export const Organization = z.strictObject({
  id: Id,
  source: Source.optional(),
  name: z.string(),
  domains: z
    .array(
      z
        .string()
        .regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i, { message: 'expected a domain name' }),
    )
    .default([]),
  tags: z.array(z.string().min(1)).default([]),
  customFields: CustomFields.default({}),
  createdAt: Timestamp.optional(),
  /** When the helpdesk last changed the organization: a sync writes each version once, by this time. */
  updatedAt: Timestamp.optional(),
});
/** A parsed organization. */
export type Organization = z.output<typeof Organization>;
/** What {@link Organization} accepts. */
export type OrganizationInput = z.input<typeof Organization>;
