/** Zendesk organizations and groups as canonical ones. */
import type { Group } from '../../../models/group.js';
import type { Organization } from '../../../models/organization.js';
import { ADAPTER } from '../context.js';
import type { ZendeskGroup, ZendeskOrganization } from '../wire.js';

/** A Zendesk organization. @example `organizationFromZendesk(org).domains` */
export function organizationFromZendesk(wire: ZendeskOrganization): Organization {
  return {
    id: String(wire.id),
    source: { adapter: ADAPTER, id: String(wire.id) },
    name: wire.name,
    domains: wire.domain_names ?? [],
    tags: wire.tags ?? [],
    customFields: Object.fromEntries(
      Object.entries(wire.organization_fields ?? {}).map(([k, v]) => [
        k,
        v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as string) : JSON.stringify(v),
      ]),
    ),
    ...(wire.created_at ? { createdAt: new Date(wire.created_at) } : {}),
    ...(wire.updated_at ? { updatedAt: new Date(wire.updated_at) } : {}),
  };
}

/** A Zendesk group. @example `groupFromZendesk(group).name` */
export function groupFromZendesk(wire: ZendeskGroup): Group {
  return {
    id: String(wire.id),
    source: { adapter: ADAPTER, id: String(wire.id) },
    name: wire.name,
    ...(wire.description ? { description: wire.description } : {}),
    scheduleId: null,
    ...(wire.updated_at ? { updatedAt: new Date(wire.updated_at) } : {}),
  };
}
