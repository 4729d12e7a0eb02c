/**
 * Zendesk users as canonical customer cards (end users) and agents (agents and admins), and a customer to
 * create or change as Zendesk's user body.
 */
import type { Agent } from '../../../models/agent.js';
import type { Customer } from '../../../models/customer.js';
import { Customer as CustomerSchema } from '../../../models/customer.js';
import type { CustomerCreate, CustomerPatch } from '../../../models/inputs.js';
import { parse } from '../../../models/parse.js';
import { notesFromText } from '../../kit/notes.js';
import { ADAPTER } from '../context.js';
import { idOrNull } from '../fields.js';
import { type ZendeskUser, type ZendeskUserIdentity, ZendeskUserRole } from '../wire.js';
import { identitiesByUser, identitiesFromZendesk } from './identities.js';
import { ianaZoneFromZendesk } from './time.js';

/**
 * Whether a Zendesk user role is staff.
 *
 * @example
 * ```ts
 * isStaff('admin'); // true
 * ```
 */
export const isStaff = (role: unknown) => role === 'agent' || role === 'admin';

/** Whether Zendesk still lets the user in: not deleted (`active: false`) and not suspended. */
const isActive = (wire: ZendeskUser) => wire.active !== false && wire.suspended !== true;

/** A user's zone: `iana_time_zone` when Zendesk sends it, else the Rails `time_zone` mapped to IANA. */
const userZone = (wire: ZendeskUser): string | undefined =>
  wire.iana_time_zone ?? (wire.time_zone ? ianaZoneFromZendesk(wire.time_zone) : undefined);

/**
 * A Zendesk end user as a canonical customer card: every identity (the side-loaded ones when given, see
 * {@link identitiesFromZendesk}), the signed notes supportkit appended to the user's `notes`, and the user's
 * state.
 *
 * A deleted user (`active: false`, as the user export keeps it) is `deleted: true` and inactive; a suspended one
 * is inactive only. A user merged into another is deleted the same way, and `mergedIntoId` stays unset: none of
 * Zendesk's pull APIs names the user it went into. The user export shows the merged user as deleted; the
 * receiving user arrives again, changed, holding the merged user's e-mail identities; the merged user's tickets
 * arrive again with the receiving user as requester. Only Zendesk's push events (`zen:event-type:user.merged`)
 * report the merge itself.
 * https://support.zendesk.com/hc/en-us/articles/4408887695898 (how user data is merged)
 *
 * @example
 * ```ts
 * customerFromZendesk(user).identities; // e-mail, phone and the Zendesk id
 * customerFromZendesk(user, identitiesOfThatUser).identities; // every e-mail, phone and handle as well
 * ```
 */
export function customerFromZendesk(
  wire: ZendeskUser,
  identities?: readonly ZendeskUserIdentity[],
): Customer {
  const id = String(wire.id);
  const zone = userZone(wire);
  return parse(
    CustomerSchema,
    {
      id,
      sources: [{ adapter: ADAPTER, id }],
      name: wire.name ?? '',
      identities: identitiesFromZendesk(wire, identities),
      organizationId: idOrNull(wire.organization_id),
      active: isActive(wire),
      ...(wire.active === false ? { deleted: true } : {}),
      ...(wire.locale ? { language: wire.locale } : {}),
      ...(zone ? { timeZone: zone } : {}),
      tags: wire.tags ?? [],
      // The signed notes supportkit appended (`customers.addNote`); other text in the field is left out.
      notes: notesFromText(wire.notes),
      createdAt: wire.created_at,
      ...(wire.updated_at ? { updatedAt: wire.updated_at } : {}),
    },
    'Zendesk user',
  );
}

/** A Zendesk agent or admin as a canonical Agent. @example `agentFromZendesk(user).role // 'admin'` */
export function agentFromZendesk(wire: ZendeskUser): Agent {
  return {
    id: String(wire.id),
    source: { adapter: ADAPTER, id: String(wire.id) },
    name: wire.name ?? '',
    ...(wire.email ? { email: wire.email } : {}),
    role: wire.role === 'admin' ? 'admin' : 'agent',
    groupIds: idOrNull(wire.default_group_id) ? [String(wire.default_group_id)] : [],
    scheduleId: null,
    ...(userZone(wire) ? { timeZone: userZone(wire) } : {}),
    languages: wire.locale ? [wire.locale] : [],
    active: isActive(wire),
    createdAt: new Date(wire.created_at),
    ...(wire.updated_at ? { updatedAt: new Date(wire.updated_at) } : {}),
  };
}

/**
 * Adds the staff among side-loaded users (`include=users`) to `into`: comment authors' roles come that way, not
 * with the comments. An entry that is not a user is skipped.
 *
 * @example
 * ```ts
 * const agents = new Set<string>();
 * addStaffIds(body.users, agents);
 * ```
 */
export function addStaffIds(users: unknown, into: Set<string>): void {
  for (const user of Array.isArray(users) ? users : []) {
    const parsed = ZendeskUserRole.safeParse(user);
    if (parsed.success && isStaff(parsed.data.role)) into.add(String(parsed.data.id));
  }
}

/**
 * A page of the user export split the way the canonical model splits people: end users as customer cards (with
 * the identities side-loaded beside them, matched by `user_id`), agents and admins as agents.
 *
 * @example
 * ```ts
 * const { customers, agents } = usersFromZendesk(body.users.map((u) => ZendeskUser.parse(u)), body.identities);
 * ```
 */
export function usersFromZendesk(
  users: readonly ZendeskUser[],
  identities: readonly ZendeskUserIdentity[] = [],
): { customers: Customer[]; agents: Agent[] } {
  const byUser = identitiesByUser(identities);
  return {
    customers: users
      .filter((u) => !isStaff(u.role))
      .map((u) => customerFromZendesk(u, byUser.get(String(u.id)))),
    agents: users.filter((u) => isStaff(u.role)).map(agentFromZendesk),
  };
}

/** A canonical organization id as Zendesk takes it: a number when it reads as one. */
const organizationId = (id: string) => Number(id) || id;

/**
 * A canonical customer to create as Zendesk's `{ user }` body: an end user.
 *
 * @example
 * ```ts
 * customerCreateToZendesk({ name: 'Ada', email: 'ada@example.com' });
 * // { user: { name: 'Ada', role: 'end-user', email: 'ada@example.com' } }
 * ```
 */
export function customerCreateToZendesk(input: CustomerCreate): { user: Record<string, unknown> } {
  return {
    user: {
      name: input.name,
      role: 'end-user',
      ...(input.email ? { email: input.email } : {}),
      ...(input.phone ? { phone: input.phone } : {}),
      ...(input.organizationId ? { organization_id: organizationId(input.organizationId) } : {}),
      ...(input.language ? { locale: input.language } : {}),
      ...(input.tags ? { tags: input.tags } : {}),
    },
  };
}

/**
 * A canonical customer change as Zendesk's `{ user }` body: only what the patch sets; a null organization
 * removes the user from theirs.
 *
 * @example
 * ```ts
 * customerPatchToZendesk({ organizationId: null }); // { user: { organization_id: null } }
 * ```
 */
export function customerPatchToZendesk(patch: CustomerPatch): { user: Record<string, unknown> } {
  const user: Record<string, unknown> = {};
  if (patch.name !== undefined) user.name = patch.name;
  if (patch.email !== undefined) user.email = patch.email;
  if (patch.phone !== undefined) user.phone = patch.phone;
  if (patch.organizationId !== undefined)
    user.organization_id = patch.organizationId === null ? null : organizationId(patch.organizationId);
  if (patch.language !== undefined) user.locale = patch.language;
  if (patch.tags !== undefined) user.tags = patch.tags;
  return { user };
}
