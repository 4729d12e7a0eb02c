import { businessMinutesBetween, isOpenNow, slaDeadline } from './business.js';
import { classifyTicket } from './classify.js';
import { hours } from './hours.js';
import { replyPromise } from './reply-promise.js';
import { type AutomationName, automationSchemas } from './schemas.js';
import { npsCategory, scoreCes, scoreCsat, scoreNps } from './scores.js';
import { fail } from './text.js';
import { parseWhen } from './when.js';
import { normalizeChannel, normalizePriority, normalizeStatus, splitTags } from './words.js';

type Fields = Record<string, unknown>;
const normalizeOptions = (i: Fields) =>
  i.fallback === undefined ? undefined : { fallback: i.fallback as string };

/** Each helper called with one flat input object, the shape `automationSchemas[name].input` describes. */
const CALLS = new Map<string, (input: Fields) => object>([
  ['npsCategory', (i) => npsCategory(i.score)],
  ['scoreNps', (i) => scoreNps(i.answers)],
  ['scoreCsat', (i) => scoreCsat(i.answers)],
  ['scoreCes', (i) => scoreCes(i.answers)],
  ['parseWhen', (i) => parseWhen(i.value, i as never)],
  ['splitTags', (i) => splitTags(i.value)],
  ['normalizeStatus', (i) => normalizeStatus(i.value, normalizeOptions(i))],
  ['normalizePriority', (i) => normalizePriority(i.value, normalizeOptions(i))],
  ['normalizeChannel', (i) => normalizeChannel(i.value, normalizeOptions(i))],
  ['hours', (i) => hours(i.text, i as never)],
  ['isOpenNow', (i) => isOpenNow(i as never)],
  ['slaDeadline', (i) => slaDeadline(i as never)],
  ['replyPromise', (i) => replyPromise(i as never)],
  ['businessMinutesBetween', (i) => businessMinutesBetween(i as never)],
  [
    'classifyTicket',
    (i) =>
      classifyTicket(
        i.text,
        i.rules,
        i.fallback === undefined ? undefined : { fallback: i.fallback as string },
      ),
  ],
]);

/**
 * Calls a helper by name with one flat object of fields, as a no-code tool or a generic code step holds its
 * input (`inputData` in Zapier): the fields `automationSchemas[name].input` lists.
 *
 * @example
 * ```ts
 * import { callAutomation } from 'supportkit-ts/automations';
 * callAutomation('normalizePriority', { value: 'Alta' }); // { value: 'high', recognized: true }
 * ```
 */
export function callAutomation(name: AutomationName, input: Record<string, unknown>): object {
  const call = typeof name === 'string' ? CALLS.get(name) : undefined;
  if (!call) throw fail('callAutomation', 'name', `expected one of ${[...CALLS.keys()].join(', ')}`);
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw fail('callAutomation', 'input', 'expected an object of fields');
  // The input schema says no other fields: a misspelt one (`createdat`) would otherwise be silently ignored. The
  // unknown field is not named (a key may be anything mapped in a form); the fields the helper takes are.
  const takes = (automationSchemas[name].input as { properties: Record<string, unknown> }).properties;
  const unknown = Object.keys(input).filter((key) => !Object.hasOwn(takes, key)).length;
  if (unknown > 0)
    throw fail(
      'callAutomation',
      'input',
      `has ${unknown} field${unknown === 1 ? '' : 's'} ${name} does not take; it takes ${Object.keys(takes).join(', ')}`,
    );
  return call(input);
}
