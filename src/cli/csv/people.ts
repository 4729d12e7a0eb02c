import { fold } from '../../automations/text.js';
import { Agent } from '../../models/agent.js';
import { Customer, CustomerIdentity } from '../../models/customer.js';
import type { DatasetRecord } from '../../models/dataset.js';
import { Group } from '../../models/group.js';
import { Organization } from '../../models/organization.js';

/**
 * An id made from a name, stable across imports of the same export: `agent-` + the name folded (no case, no
 * accents) with every run of other characters as one `-`. `Niccolò Bianchi` and `niccolo bianchi` are one
 * agent; letters of any script are kept. Null when the name has no letter or digit.
 *
 * @example
 * ```ts
 * idFromName('agent', 'Niccolò Bianchi'); // 'agent-niccolo-bianchi'
 * ```
 */
export function idFromName(prefix: string, name: string): string | null {
  const slug = fold(name)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return slug === '' ? null : `${prefix}-${slug}`;
}

/** What a row says about its requester: the customer record is made from the first name and e-mail seen. */
interface Requester {
  name: string | undefined;
  email: string | undefined;
  organizationId: string | null;
  firstSeen: number;
}

/**
 * The people and teams the rows name — agents, groups, organizations and requesters — each once, by id, in the
 * order first seen; the first non-blank name wins. Records of each, checked by their models, at the end.
 *
 * @example
 * ```ts
 * const people = peopleBook();
 * people.name('agents', 'agent-marco', 'Marco');
 * [...people.records()];
 * ```
 */
export function peopleBook() {
  const named = {
    agents: new Map<string, string>(),
    groups: new Map<string, string>(),
    organizations: new Map<string, string>(),
  };
  const requesters = new Map<string, Requester>();
  return {
    /** Notes the name of an agent, group or organization id (the first one stays). */
    name(kind: keyof typeof named, id: string, name: string): void {
      if (!named[kind].has(id)) named[kind].set(id, name);
    },
    /** Notes a requester; the earliest ticket is when the customer was first seen. */
    requester(id: string, seen: Omit<Requester, 'firstSeen'>, at: number): void {
      const known = requesters.get(id);
      if (!known) {
        requesters.set(id, { ...seen, firstSeen: at });
        return;
      }
      known.name ??= seen.name;
      known.email ??= seen.email;
      if (known.organizationId === null) known.organizationId = seen.organizationId;
      known.firstSeen = Math.min(known.firstSeen, at);
    },
    /** How many of each there are. */
    counts(): Record<string, number> {
      return {
        agents: named.agents.size,
        groups: named.groups.size,
        organizations: named.organizations.size,
        customers: requesters.size,
      };
    },
    *records(): Generator<DatasetRecord> {
      for (const [id, name] of named.agents) yield { kind: 'agents', value: Agent.parse({ id, name }) };
      for (const [id, name] of named.groups) yield { kind: 'groups', value: Group.parse({ id, name }) };
      for (const [id, name] of named.organizations)
        yield { kind: 'organizations', value: Organization.parse({ id, name }) };
      for (const [id, requester] of requesters)
        yield {
          kind: 'customers',
          value: Customer.parse({
            id,
            name: requester.name ?? requester.email ?? id,
            identities: requester.email ? [{ kind: 'email', value: requester.email, primary: true }] : [],
            organizationId: requester.organizationId,
            createdAt: requester.firstSeen,
          }),
        };
    },
  };
}

/** A people book, as {@link peopleBook} makes it. */
export type PeopleBook = ReturnType<typeof peopleBook>;

/**
 * Whether an e-mail cell is an address the customer model takes (checked per row, so a bad one is a bad cell).
 * @example `isEmail('ada@example.com') // true`
 */
export const isEmail = (value: string): boolean =>
  CustomerIdentity.safeParse({ kind: 'email', value }).success;
