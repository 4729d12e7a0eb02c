/**
 * A Zendesk user's identities as canonical customer identities: every e-mail address, phone number, social or
 * channel handle Zendesk keeps for the user (side-loaded with `include=identities`), the user's own `email`,
 * `phone` and `external_id`, and the Zendesk id itself.
 * https://developer.zendesk.com/api-reference/ticketing/users/user_identities/
 */
import { CustomerIdentity } from '../../../models/customer.js';
import { ADAPTER } from '../context.js';
import type { ZendeskUser, ZendeskUserIdentity } from '../wire.js';

/**
 * The channel a handle names when it holds the user's id in the account's own systems (`external_id`).
 * @example `card.identities.find((i) => i.kind === 'handle' && i.channel === EXTERNAL_ID_CHANNEL)?.value`
 */
export const EXTERNAL_ID_CHANNEL = 'external_id';

/** A candidate identity, before the model checks it. */
type Candidate = Record<string, unknown> & { kind: string; value: string };

/**
 * A Zendesk identity type as what the model calls it: e-mail and phone by name, anything else (twitter,
 * facebook, google, any_channel, foreign, sdk, messaging…) as a handle on a channel of that name.
 */
function candidateOf(type: string, value: string, primary: boolean): Candidate {
  if (type === 'email') return { kind: 'email', value, primary };
  if (type === 'phone_number') return { kind: 'phone', value, primary };
  return { kind: 'handle', channel: type, value, primary };
}

/**
 * The identity the model accepts for a candidate: an e-mail address or phone number the model cannot read (a
 * local number, an address Zendesk took but the model refuses) is kept as a handle on the `email` or `phone`
 * channel rather than lost; a value that is empty is dropped.
 */
function checked(candidate: Candidate): CustomerIdentity | undefined {
  if (candidate.value.trim() === '') return undefined;
  const parsed = CustomerIdentity.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const channel = candidate.kind === 'email' ? 'email' : candidate.kind === 'phone' ? 'phone' : undefined;
  if (!channel) return undefined;
  const handle = CustomerIdentity.safeParse({ ...candidate, kind: 'handle', channel });
  return handle.success ? handle.data : undefined;
}

/** The key the Customer model refuses to see twice (kind, adapter, value without case). */
const keyOf = (identity: CustomerIdentity) =>
  `${identity.kind}:${'adapter' in identity ? identity.adapter : ''}:${identity.value.toLowerCase()}`;

/**
 * The identities of one Zendesk user, each once: the side-loaded identities in Zendesk's order (primary flags
 * as Zendesk sets them), then the user's `email` and `phone` when no identity holds them already (a user read
 * without side-loads has only these), its `external_id` as a handle on the `external_id` channel, and its
 * Zendesk id as an external identity.
 *
 * @example
 * ```ts
 * identitiesFromZendesk(user, [{ user_id: 7, type: 'twitter', value: 'ada' }]);
 * // [{ kind: 'handle', channel: 'twitter', value: 'ada', primary: false }, …, { kind: 'external', adapter: 'zendesk', value: '7' }]
 * ```
 */
export function identitiesFromZendesk(
  user: ZendeskUser,
  sideloaded: readonly ZendeskUserIdentity[] = [],
): CustomerIdentity[] {
  const id = String(user.id);
  const candidates: Candidate[] = [
    ...sideloaded
      .filter((identity) => identity.value !== null && identity.value !== undefined)
      .map((identity) => candidateOf(identity.type, String(identity.value), identity.primary === true)),
    ...(user.email ? [candidateOf('email', user.email, sideloaded.length === 0)] : []),
    ...(user.phone ? [candidateOf('phone_number', user.phone, false)] : []),
    ...(user.external_id !== null && user.external_id !== undefined
      ? [{ kind: 'handle', channel: EXTERNAL_ID_CHANNEL, value: String(user.external_id), primary: false }]
      : []),
    { kind: 'external', adapter: ADAPTER, value: id, primary: false },
  ];
  const seen = new Set<string>();
  const out: CustomerIdentity[] = [];
  for (const candidate of candidates) {
    const identity = checked(candidate);
    if (!identity || seen.has(keyOf(identity))) continue;
    seen.add(keyOf(identity));
    out.push(identity);
  }
  return out;
}

/**
 * Side-loaded identities grouped by the user they belong to (a Map: user ids come from the account's data).
 *
 * @example
 * ```ts
 * identitiesByUser(body.identities).get('7'); // that user's identities, in Zendesk's order
 * ```
 */
export function identitiesByUser(
  identities: readonly ZendeskUserIdentity[],
): Map<string, ZendeskUserIdentity[]> {
  const byUser = new Map<string, ZendeskUserIdentity[]>();
  for (const identity of identities) {
    const key = String(identity.user_id);
    const list = byUser.get(key);
    if (list) list.push(identity);
    else byUser.set(key, [identity]);
  }
  return byUser;
}
