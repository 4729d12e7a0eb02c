import { invalidArgument, ValidationError } from '../../errors/validation.js';
import type { Agent } from '../../models/agent.js';
import type { Customer } from '../../models/customer.js';
import { type Dataset, datasetRecords } from '../../models/dataset.js';
import type { Message } from '../../models/message.js';
import type { Organization } from '../../models/organization.js';
import { parse } from '../../models/parse.js';
import { models } from '../../models/registry.js';
import type { CesResponse, CsatResponse, NpsResponse } from '../../models/survey.js';
import type { Ticket } from '../../models/ticket.js';
import type { TicketEvent } from '../../models/ticket-event.js';
import { isCanonical } from './canonical.js';
import { canonicalEmail } from './keys.js';

/**
 * A parsed record the card index keeps; other dataset lists (schedules, SOPs…) are skipped.
 * @example `const record: CardSourceRecord = { kind: 'tickets', value: parsedTicket };`
 */
export type CardSourceRecord =
  | { kind: 'customers'; value: Customer }
  | { kind: 'tickets'; value: Ticket }
  | { kind: 'messages'; value: Message }
  | { kind: 'events'; value: TicketEvent }
  | { kind: 'csat'; value: CsatResponse }
  | { kind: 'nps'; value: NpsResponse }
  | { kind: 'ces'; value: CesResponse }
  | { kind: 'organizations'; value: Organization }
  | { kind: 'agents'; value: Agent };

const SCHEMAS = new Map<string, (typeof models)[keyof typeof models]>([
  ['customers', models.Customer],
  ['tickets', models.Ticket],
  ['messages', models.Message],
  ['events', models.TicketEvent],
  ['csat', models.CsatResponse],
  ['nps', models.NpsResponse],
  ['ces', models.CesResponse],
  ['organizations', models.Organization],
  ['agents', models.Agent],
]);

/** The Dataset lists that are known but say nothing about a customer's story. */
const SKIPPED = new Set(['groups', 'schedules', 'slaPolicies', 'sops', 'articles']);

/**
 * A phone text as the Customer model keeps it (E.164, `;ext=<digits>` for an extension), or null when it cannot
 * be read: a memoised `toPhoneIdentity` with the index's region.
 */
export type PhoneReader = (raw: string) => string | null;

/**
 * A customer's identities written as people write them become the form the Customer model keeps before it reads
 * them: phone numbers (`0039 347 1234567`, `+39 06 1234 5678 ext. 12`) in E.164 with their extension, e-mail
 * addresses trimmed with their domain in lower-case ASCII (an internationalised domain in punycode). A value that
 * cannot be read is left for the model to refuse, with its path.
 */
function withCanonicalIdentities(value: unknown, phoneOf: PhoneReader): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const identities = (value as { identities?: unknown }).identities;
  if (!Array.isArray(identities)) return value;
  const mapped = identities.map((identity: unknown) => {
    if (typeof identity !== 'object' || identity === null) return identity;
    const { kind, value: raw } = identity as { kind?: unknown; value?: unknown };
    if (typeof raw !== 'string' || (kind !== 'phone' && kind !== 'email')) return identity;
    const canonical = kind === 'phone' ? phoneOf(raw) : canonicalEmail(raw);
    return canonical === null || canonical === raw ? identity : { ...identity, value: canonical };
  });
  return { ...(value as object), identities: mapped };
}

/** The fields of each kind the index itself reads, by type: what a trusted record is still checked for. */
const STRING = 'string';
const TRUSTED_FIELDS = new Map<string, readonly (readonly [string, string])[]>([
  [
    'customers',
    [
      ['id', STRING],
      ['sources', 'array'],
      ['identities', 'array'],
      ['notes', 'array'],
      ['createdAt', 'date'],
    ],
  ],
  [
    'tickets',
    [
      ['id', STRING],
      ['requesterId', STRING],
      ['status', STRING],
      ['tags', 'array'],
      ['createdAt', 'date'],
      ['updatedAt', 'date'],
    ],
  ],
  [
    'messages',
    [
      ['id', STRING],
      ['ticketId', STRING],
      ['authorId', STRING],
      ['createdAt', 'date'],
    ],
  ],
  [
    'events',
    [
      ['id', STRING],
      ['ticketId', STRING],
      ['at', 'date'],
    ],
  ],
  [
    'csat',
    [
      ['id', STRING],
      ['customerId', STRING],
      ['createdAt', 'date'],
    ],
  ],
  [
    'nps',
    [
      ['id', STRING],
      ['customerId', STRING],
      ['createdAt', 'date'],
    ],
  ],
  [
    'ces',
    [
      ['id', STRING],
      ['customerId', STRING],
      ['createdAt', 'date'],
    ],
  ],
  ['organizations', [['id', STRING]]],
  ['agents', [['id', STRING]]],
]);

const typeOf = (value: unknown) =>
  Array.isArray(value) ? 'array' : value instanceof Date ? 'date' : typeof value;

/**
 * A trusted record (already read through its model, e.g. from an adapter or `parseDataset`) is not parsed again:
 * only the fields the index reads are checked for their type, so a wrong one is still a ValidationError with its
 * path rather than a failure inside the index.
 */
function checkTrusted(kind: string, value: unknown, subjectOf: () => string): void {
  if (typeof value !== 'object' || value === null) {
    throw invalidArgument(subjectOf(), 'value', 'expected a parsed model object');
  }
  const record = value as Record<string, unknown>;
  for (const [field, type] of TRUSTED_FIELDS.get(kind) ?? []) {
    if (typeOf(record[field]) !== type) {
      throw new ValidationError(`${subjectOf()} value`, [
        {
          path: [field],
          code: 'invalid_type',
          message: `expected ${type === 'date' ? 'a Date' : `a ${type}`}`,
        },
      ]);
    }
  }
}

/**
 * Reads one record as the sync writes it (`{ kind, value }`): the value through its model, so a bad record is a
 * ValidationError naming the record's place. Returns null for lists the index does not use. With `trusted` the
 * value is taken as a parsed model, checked only for the fields the index reads.
 * A trusted record is returned as it came (no copy: the index keeps millions of them).
 * @example `readRecord({ kind: 'tickets', value: ticket }, () => 'buildCardIndex() source[0]', (raw) => toPhoneIdentity(raw, 'IT'))`
 */
export function readRecord(
  record: unknown,
  subjectOf: () => string,
  phoneOf: PhoneReader,
  trusted = false,
): CardSourceRecord | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw invalidArgument(subjectOf(), '', 'expected a record { kind, value }');
  }
  const { kind, value } = record as { kind?: unknown; value?: unknown };
  if (typeof kind !== 'string') {
    throw new ValidationError(subjectOf(), [
      { path: ['kind'], code: 'invalid_type', message: 'expected a string' },
    ]);
  }
  if (SKIPPED.has(kind)) return null;
  const schema = SCHEMAS.get(kind);
  if (!schema) {
    throw new ValidationError(subjectOf(), [
      { path: ['kind'], code: 'invalid_value', message: 'not a Dataset list name' },
    ]);
  }
  if (trusted) {
    checkTrusted(kind, value, subjectOf);
    return record as CardSourceRecord;
  }
  // Already in its model's output form: parsing it again would return an equal copy (see canonical.ts).
  if (isCanonical(kind, value)) return record as CardSourceRecord;
  const input = kind === 'customers' ? withCanonicalIdentities(value, phoneOf) : value;
  return { kind, value: parse(schema, input, `${subjectOf()} value`) } as CardSourceRecord;
}

/**
 * The records of a source: a Dataset (its lists, in order), or a sync or async iterable of records. A Dataset or
 * a sync iterable is read synchronously (a promise per record would cost more than indexing it).
 * @example `for await (const record of sourceRecords(dataset)) …`
 */
export function sourceRecords(source: unknown): Iterable<unknown> | AsyncIterable<unknown> {
  if (typeof source !== 'object' || source === null) {
    throw invalidArgument('buildCardIndex()', 'source', 'expected a Dataset or an iterable of records');
  }
  const iterable = source as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown };
  if (typeof iterable[Symbol.asyncIterator] === 'function') return source as AsyncIterable<unknown>;
  if (typeof iterable[Symbol.iterator] === 'function') return source as Iterable<unknown>;
  for (const [kind, list] of Object.entries(source)) {
    if (kind !== 'asOf' && !Array.isArray(list)) {
      throw new ValidationError('buildCardIndex() source', [
        { path: [kind], code: 'invalid_type', message: 'expected an array' },
      ]);
    }
  }
  return datasetRecords(source as Dataset);
}
