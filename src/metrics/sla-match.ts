/**
 * Which SLA policy applies to a ticket: Zendesk's rule — policies in order of `position`, the first whose
 * conditions match — with a third answer for policies whose conditions the canonical ticket cannot settle
 * (a brand, a ticket form, a custom field…): "undecided", never "matches everything".
 * https://developer.zendesk.com/api-reference/ticketing/business-rules/sla_policies/
 */
import { invalidArgument, ValidationError } from '../errors/validation.js';
import { toValidationIssues } from '../models/parse.js';
import type { SlaCondition, SlaPolicy } from '../models/sla-policy.js';
import type { Ticket } from '../models/ticket.js';
import type { TicketEvent } from '../models/ticket-event.js';
import { policyArg } from './input.js';
import { modelSchemas } from './schemas.js';

/**
 * Whether a policy's conditions hold for a ticket: `undecided` when the answer hangs on unmapped conditions.
 * @example `const match: SlaPolicyMatch = matchSlaPolicy(policy, ticket);`
 */
export type SlaPolicyMatch = 'match' | 'noMatch' | 'undecided';

/**
 * The ticket fields SLA conditions read (a ticket, or anything with those fields).
 * @example `const t: SlaMatchTicket = { priority: 'high', channel: 'email', groupId: null, organizationId: null, assigneeId: null, requesterId: '1', tags: [] };`
 */
export type SlaMatchTicket = Pick<
  Ticket,
  'priority' | 'channel' | 'groupId' | 'organizationId' | 'assigneeId' | 'requesterId' | 'tags'
> & { type?: string | null | undefined };

/** Three-valued truth: true, false, or unknown (null). */
type Truth = boolean | null;

const PRIORITY_ORDER: ReadonlyMap<string, number> = new Map([
  ['low', 0],
  ['normal', 1],
  ['high', 2],
  ['urgent', 3],
]);

/** Kleene conjunction: false wins, then unknown. */
function and(values: Iterable<Truth>): Truth {
  let out: Truth = true;
  for (const v of values) {
    if (v === false) return false;
    if (v === null) out = null;
  }
  return out;
}

/** Kleene disjunction: true wins, then unknown. */
function or(values: Iterable<Truth>): Truth {
  let out: Truth = false;
  for (const v of values) {
    if (v === true) return true;
    if (v === null) out = null;
  }
  return out;
}

function fieldValue(ticket: SlaMatchTicket, field: SlaCondition['field']): string | null {
  switch (field) {
    case 'priority':
      return ticket.priority ?? null;
    case 'channel':
      return ticket.channel;
    case 'type':
      return ticket.type ?? null;
    case 'groupId':
      return ticket.groupId;
    case 'organizationId':
      return ticket.organizationId;
    case 'assigneeId':
      return ticket.assigneeId;
    case 'requesterId':
      return ticket.requesterId;
    case 'tags':
      return null;
  }
}

/**
 * One canonical condition on a ticket. Unknown only when a priority comparison meets a priority outside
 * low/normal/high/urgent (or none), whose place in the order is not known.
 */
function conditionHolds(condition: SlaCondition, ticket: SlaMatchTicket): Truth {
  const { operator, values } = condition;
  if (operator === 'includesAny' || operator === 'includesNone') {
    const has = values.some((tag) => tag !== null && ticket.tags.includes(tag));
    return operator === 'includesAny' ? has : !has;
  }
  const value = fieldValue(ticket, condition.field);
  if (operator === 'is') return values.includes(value);
  if (operator === 'isNot') return !values.includes(value);
  const mine = value === null ? undefined : PRIORITY_ORDER.get(value);
  const theirs = values[0] === null || values[0] === undefined ? undefined : PRIORITY_ORDER.get(values[0]);
  if (mine === undefined || theirs === undefined) return null;
  return operator === 'lessThan' ? mine < theirs : mine > theirs;
}

/** The filter's lists (the original, simpler form): each non-empty list must match. */
function listsHold(policy: SlaPolicy, ticket: SlaMatchTicket): boolean {
  const f = policy.filter;
  return (
    (f.priorities.length === 0 || (ticket.priority != null && f.priorities.includes(ticket.priority))) &&
    (f.channels.length === 0 || f.channels.includes(ticket.channel)) &&
    (f.groupIds.length === 0 || (ticket.groupId !== null && f.groupIds.includes(ticket.groupId))) &&
    (f.organizationIds.length === 0 ||
      (ticket.organizationId !== null && f.organizationIds.includes(ticket.organizationId))) &&
    (f.tags.length === 0 || f.tags.some((t) => ticket.tags.includes(t)))
  );
}

/**
 * Whether a policy's conditions hold for a ticket. Every `all` condition must hold; when `any` conditions exist
 * at least one must. An unmapped condition counts as unknown, so the answer is `undecided` only when it hangs on
 * one: a failing `all` condition still rules the policy out, a holding `any` condition still satisfies `any`.
 *
 * @example
 * ```ts
 * import { matchSlaPolicy } from 'supportkit-ts';
 * matchSlaPolicy(policy, ticket); // 'match' | 'noMatch' | 'undecided'
 * ```
 */
export function matchSlaPolicy(policy: SlaPolicy, ticket: SlaMatchTicket): SlaPolicyMatch {
  return matchSlaPolicyOf(policyArg(policy, 'matchSlaPolicy'), matchTicketArg(ticket, 'matchSlaPolicy'));
}

/** A public entry's ticket: what the conditions read, parsed (case-folded enums, numeric ids as strings). */
function matchTicketArg(value: unknown, fn: string): SlaMatchTicket {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalidArgument(`${fn}()`, 'ticket', 'expected a ticket');
  const parsed = modelSchemas().SlaMatchTicketInput.safeParse(value);
  if (!parsed.success) throw new ValidationError(`${fn}() ticket`, toValidationIssues(parsed.error.issues));
  return parsed.data as SlaMatchTicket;
}

/** {@link matchSlaPolicy} on a parsed policy and ticket (summarize's path: no second check). */
export function matchSlaPolicyOf(policy: SlaPolicy, ticket: SlaMatchTicket): SlaPolicyMatch {
  if (!listsHold(policy, ticket)) return 'noMatch';
  const unmapped = policy.filter.unmappedConditions ?? [];
  const all = [
    ...(policy.filter.all ?? []).map((c) => conditionHolds(c, ticket)),
    ...unmapped.filter((c) => c.group === 'all').map((): Truth => null),
  ];
  const anyValues = [
    ...(policy.filter.any ?? []).map((c) => conditionHolds(c, ticket)),
    ...unmapped.filter((c) => c.group === 'any').map((): Truth => null),
  ];
  const result = and([and(all), anyValues.length === 0 ? true : or(anyValues)]);
  return result === null ? 'undecided' : result ? 'match' : 'noMatch';
}

/**
 * Which policy applies to a ticket, as {@link selectSlaPolicy} decides it.
 * @example `if (selection.outcome === 'undecided') console.log(selection.candidates.map((p) => p.title));`
 */
export type SlaPolicySelection =
  | { outcome: 'policy'; policy: SlaPolicy }
  | { outcome: 'none' }
  /**
   * The first policy not ruled out is undecided: it, or a later one, or none may apply. `candidates` are that
   * policy and every later one not ruled out, in order.
   */
  | { outcome: 'undecided'; candidates: SlaPolicy[] };

/**
 * The policy that applies to a ticket: policies in order of `position` (ties keep the given order), the first
 * that matches. When the first policy not ruled out is undecided, so is the choice — the ticket is not measured
 * under any policy rather than under a wrong one.
 *
 * @example
 * ```ts
 * import { selectSlaPolicy } from 'supportkit-ts';
 * const choice = selectSlaPolicy(policies, ticket);
 * if (choice.outcome === 'policy') console.log(choice.policy.title);
 * ```
 */
export function selectSlaPolicy(policies: readonly SlaPolicy[], ticket: SlaMatchTicket): SlaPolicySelection {
  if (!Array.isArray(policies))
    throw invalidArgument('selectSlaPolicy()', 'policies', 'expected an array of SLA policies');
  return selectSlaPolicyOf(
    policies.map((policy) => policyArg(policy, 'selectSlaPolicy')),
    matchTicketArg(ticket, 'selectSlaPolicy'),
  );
}

/** {@link selectSlaPolicy} on parsed policies and ticket (summarize's path: no second check). */
export function selectSlaPolicyOf(
  policies: readonly SlaPolicy[],
  ticket: SlaMatchTicket,
): SlaPolicySelection {
  const ordered = policies
    .map((policy, index) => ({ policy, index }))
    .sort((a, b) => a.policy.position - b.policy.position || a.index - b.index)
    .map((p) => p.policy);
  for (const [index, policy] of ordered.entries()) {
    const match = matchSlaPolicyOf(policy, ticket);
    if (match === 'match') return { outcome: 'policy', policy };
    if (match === 'undecided')
      return {
        outcome: 'undecided',
        candidates: [
          policy,
          ...ordered.slice(index + 1).filter((p) => matchSlaPolicyOf(p, ticket) !== 'noMatch'),
        ],
      };
  }
  return { outcome: 'none' };
}

/**
 * The policy a ticket is measured under: the one its `sla` event says the helpdesk applied — none when that
 * policy is not among `policies`, since measuring it under another would be wrong — else the one
 * {@link selectSlaPolicy} chooses from its fields. Events in time order; parsed models (summarize's path).
 *
 * @example
 * ```ts
 * const selection = appliedSlaPolicyOf(policies, ticket, sortedEvents);
 * if (selection.outcome === 'policy') slaStatusOf(ticket, messages, sortedEvents, selection.policy, { asOf });
 * ```
 */
export function appliedSlaPolicyOf(
  policies: readonly SlaPolicy[],
  ticket: Ticket,
  sortedEvents: readonly TicketEvent[],
): SlaPolicySelection {
  const applied = sortedEvents.find((e) => e.type === 'sla' && e.to !== null);
  if (applied) {
    const policy = policies.find((p) => p.id === applied.to);
    return policy ? { outcome: 'policy', policy } : { outcome: 'none' };
  }
  return selectSlaPolicyOf(policies, ticket);
}
