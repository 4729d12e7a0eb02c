/** Zendesk SLA policies (conditions and targets) as canonical SlaPolicies. */
import { parse } from '../../../models/parse.js';
import {
  type SlaCondition,
  type SlaMetric,
  type SlaPolicy,
  SlaPolicy as SlaPolicySchema,
  type SlaUnmappedCondition,
} from '../../../models/sla-policy.js';
import { ADAPTER } from '../context.js';
import type { ZendeskSlaCondition, ZendeskSlaPolicy } from '../wire.js';

/** Zendesk SLA metric names → canonical metrics. `pausable_update_time` has no canonical counterpart. */
const ZENDESK_SLA_METRIC_NAMES: ReadonlyMap<string, SlaMetric> = new Map([
  ['first_reply_time', 'firstReply'],
  ['next_reply_time', 'nextReply'],
  ['periodic_update_time', 'periodicUpdate'],
  ['requester_wait_time', 'requesterWait'],
  ['agent_work_time', 'agentWork'],
  ['total_resolution_time', 'resolution'],
]);

/** Zendesk via id → canonical channel, only where the two say exactly the same thing (4 = mail). */
const VIA_IDS: ReadonlyMap<string, string> = new Map([['4', 'email']]);

const ID_FIELDS: ReadonlyMap<string, SlaCondition['field']> = new Map([
  ['group_id', 'groupId'],
  ['organization_id', 'organizationId'],
  ['assignee_id', 'assigneeId'],
  ['requester_id', 'requesterId'],
]);
const PRIORITIES = new Set(['low', 'normal', 'high', 'urgent']);

/** `""` or null → null (Zendesk's "none"); a number or digits → the id as a string; anything else undefined. */
function conditionId(value: ZendeskSlaCondition['value']): string | null | undefined {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  return undefined;
}

/** One Zendesk condition in canonical terms, or undefined when it has none. */
function slaConditionFromZendesk(wire: ZendeskSlaCondition): SlaCondition | undefined {
  const { field, operator, value } = wire;
  const negated = operator === 'is_not';
  if (operator !== 'is' && !negated) {
    if (field === 'priority' && (operator === 'less_than' || operator === 'greater_than')) {
      const priority = typeof value === 'string' ? value.toLowerCase() : '';
      if (!PRIORITIES.has(priority)) return undefined;
      return {
        field: 'priority',
        operator: operator === 'less_than' ? 'lessThan' : 'greaterThan',
        values: [priority],
      };
    }
    if (field === 'current_tags' && (operator === 'includes' || operator === 'not_includes')) {
      // The value is a space-separated list of tags (or, from some clients, an array of them).
      const tags = (
        Array.isArray(value)
          ? value.filter((t) => typeof t === 'string' || typeof t === 'number').map(String)
          : typeof value === 'string'
            ? value.split(/\s+/)
            : []
      )
        .map((t) => t.trim())
        .filter((t) => t !== '');
      if (tags.length === 0) return undefined;
      return {
        field: 'tags',
        operator: operator === 'includes' ? 'includesAny' : 'includesNone',
        values: tags,
      };
    }
    return undefined;
  }
  const op = negated ? 'isNot' : 'is';
  if (field === 'priority' || field === 'type') {
    if (typeof value !== 'string' && value !== null && value !== undefined) return undefined;
    return { field, operator: op, values: [value ? value.toLowerCase() : null] };
  }
  const idField = ID_FIELDS.get(field);
  if (idField) {
    const id = conditionId(value);
    return id === undefined ? undefined : { field: idField, operator: op, values: [id] };
  }
  if (field === 'via_id' && (typeof value === 'string' || typeof value === 'number')) {
    const channel = VIA_IDS.get(String(value));
    return channel ? { field: 'channel', operator: op, values: [channel] } : undefined;
  }
  return undefined;
}

/** A condition's value as the canonical model keeps it: scalars and lists as they are, anything else as JSON. */
function rawConditionValue(value: unknown): SlaUnmappedCondition['value'] {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (
    Array.isArray(value) &&
    value.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
  )
    return value as (string | number)[];
  return JSON.stringify(value) ?? null;
}

/**
 * A Zendesk SLA policy's `filter` in canonical terms: `all` and `any` conditions on priority, ticket type,
 * channel (via id 4, e-mail — the one via id a canonical channel pins down), group, organization, assignee,
 * requester and tags. Anything else — brand, ticket form, custom fields, custom statuses, other via ids,
 * `current_user` — is kept in `unmappedConditions` as it came, so a policy that depends on it is not mistaken
 * for one that matches everything.
 *
 * @example
 * ```ts
 * slaFilterFromZendesk({
 *   all: [{ field: 'type', operator: 'is', value: 'incident' }, { field: 'brand_id', operator: 'is', value: '10001' }],
 *   any: [],
 * });
 * // { all: [{ field: 'type', operator: 'is', values: ['incident'] }], any: [],
 * //   unmappedConditions: [{ group: 'all', field: 'brand_id', operator: 'is', value: '10001' }], priorities: [], … }
 * ```
 */
export function slaFilterFromZendesk(filter: ZendeskSlaPolicy['filter']): SlaPolicy['filter'] {
  const out: Required<SlaPolicy['filter']> = {
    priorities: [],
    channels: [],
    groupIds: [],
    organizationIds: [],
    tags: [],
    all: [],
    any: [],
    unmappedConditions: [],
  };
  for (const group of ['all', 'any'] as const) {
    for (const wire of filter?.[group] ?? []) {
      const condition = slaConditionFromZendesk(wire);
      if (condition) out[group].push(condition);
      else
        out.unmappedConditions.push({
          group,
          field: wire.field,
          operator: wire.operator,
          value: rawConditionValue(wire.value),
        });
    }
  }
  return out;
}

/**
 * A Zendesk SLA policy as a canonical SlaPolicy: its conditions through {@link slaFilterFromZendesk}, its
 * targets per priority and metric (`pausable_update_time` has no canonical metric and is left out; a policy
 * left with no targets is still returned, so that it still claims its tickets in order). Throws
 * ValidationError naming the path when the model refuses it.
 *
 * @example
 * ```ts
 * slaPolicyFromZendesk(ZendeskSlaPolicy.parse(wire)).filter.all;
 * ```
 */
export function slaPolicyFromZendesk(wire: ZendeskSlaPolicy): SlaPolicy {
  const id = String(wire.id);
  return parse(
    SlaPolicySchema,
    {
      id,
      source: { adapter: ADAPTER, id },
      title: wire.title,
      ...(wire.description ? { description: wire.description } : {}),
      position: wire.position ?? 0,
      filter: slaFilterFromZendesk(wire.filter),
      targets: (wire.policy_metrics ?? []).flatMap((m) => {
        const metric = ZENDESK_SLA_METRIC_NAMES.get(m.metric);
        return metric
          ? [
              {
                priority: m.priority.toLowerCase(),
                metric,
                minutes: m.target,
                businessHours: m.business_hours === true,
              },
            ]
          : [];
      }),
    },
    'Zendesk SLA policy',
  );
}
