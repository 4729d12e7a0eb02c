import { z } from 'zod';
import { invalidArgument, ValidationError } from '../errors/validation.js';
import { CustomFields, IanaTimeZone, Id, LanguageTag, Source, Timestamp } from './primitives.js';
import { type Ticket, TicketStatus } from './ticket.js';

/**
 * An e-mail address, internationalised ones included: a local part of up to 64 characters without spaces, `@` or
 * control characters (UTF-8 allowed), and a domain of letters (any script), digits and hyphens with a top-level
 * label that is not all digits (an IDN as Unicode or punycode). Linear: each label ends at a dot.
 */
const EMAIL_IDENTITY =
  /^[^\s@\p{Cc}]{1,64}@(?:[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?\.)+[\p{L}\p{M}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?$/u;

/**
 * One way to reach or recognise a customer. `kind` says what `value` is: an e-mail address, a phone number in
 * E.164 form (with `;ext=<digits>` for an extension), a handle on a channel (`channel` says which: `twitter`, `whatsapp`, `slack`…), or the customer's
 * id inside a helpdesk (`adapter` says which).
 *
 * @example
 * ```ts
 * CustomerIdentity.parse({ kind: 'email', value: 'ada@example.com', primary: true });
 * CustomerIdentity.parse({ kind: 'external', value: '381726', adapter: 'zendesk' });
 * ```
 */
export const CustomerIdentity = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('email'),
      value: z.email({ pattern: EMAIL_IDENTITY }),
      primary: z.boolean().default(false),
    }),
    z.strictObject({
      kind: z.literal('phone'),
      value: z.string().regex(/^\+[1-9]\d{6,14}(?:;ext=\d{1,15})?$/, {
        message:
          'expected an E.164 phone number such as +390612345678 (an extension as +390612345678;ext=12)',
      }),
      primary: z.boolean().default(false),
    }),
    z.strictObject({
      kind: z.literal('handle'),
      channel: z.string().min(1),
      value: z.string().min(1),
      primary: z.boolean().default(false),
    }),
    z.strictObject({
      kind: z.literal('external'),
      adapter: z.string().min(1),
      value: Id,
      primary: z.boolean().default(false),
    }),
  ])
  .meta({ id: 'CustomerIdentity' });
/** One way to reach or recognise a customer. */
export type CustomerIdentity = z.output<typeof CustomerIdentity>;

/**
 * A note on a customer card, signed by the operator who wrote it.
 *
 * @example
 * ```ts
 * CustomerNote.parse({ id: 'n1', authorId: 'agent-3', body: 'Prefers phone calls', createdAt: '2026-03-02T10:00:00Z' });
 * ```
 */
export const CustomerNote = z.strictObject({
  id: Id,
  /** The agent who wrote the note: its signature. */
  authorId: Id,
  body: z.string().min(1),
  createdAt: Timestamp,
  updatedAt: Timestamp.optional(),
});
/** A signed note on a customer card. */
export type CustomerNote = z.output<typeof CustomerNote>;

/**
 * The traffic-light state of a customer card: `red` = a request just opened and untouched, `yellow` = a
 * request being worked, `green` = everything resolved.
 * @example `CardState.parse('yellow')`
 */
export const CardState = z.enum(['red', 'yellow', 'green']);
/** The traffic-light state of a customer card. */
export type CardState = z.output<typeof CardState>;

/**
 * The customer card ("scheda cliente"): who the customer is across channels and helpdesks, where they belong,
 * how to talk to them, and what the team knows about them.
 *
 * @example
 * ```ts
 * import { parseCustomer } from 'supportkit-ts';
 * parseCustomer({
 *   id: 'c-17',
 *   name: 'Ada Rossi',
 *   identities: [{ kind: 'email', value: 'ada@example.com', primary: true }, { kind: 'phone', value: '+390612345678' }],
 *   language: 'it',
 *   timeZone: 'Europe/Rome',
 *   createdAt: '2025-11-03T09:00:00Z',
 * });
 * ```
 */
export const Customer = z
  .strictObject({
    id: Id,
    sources: z.array(Source).default([]),
    name: z.string(),
    identities: z.array(CustomerIdentity).default([]),
    organizationId: Id.nullable().default(null),
    language: LanguageTag.optional(),
    timeZone: IanaTimeZone.optional(),
    tags: z.array(z.string().min(1)).default([]),
    customFields: CustomFields.default({}),
    notes: z.array(CustomerNote).default([]),
    /**
     * False when the helpdesk deactivated the customer: deleted, suspended or blocked users (Zendesk `active:
     * false` or `suspended: true`). Their past tickets still count; they are not someone to contact.
     */
    active: z.boolean().default(true),
    /**
     * True when the helpdesk deleted the user (Zendesk's deleted users, RT's disabled ones): the record is kept
     * so that its past tickets keep a requester; absent when the helpdesk did not say.
     */
    deleted: z.boolean().optional(),
    /**
     * The record this one was merged into, in the same helpdesk (Zendesk merges end users): its identities and
     * tickets now belong to that record, and a customer card follows it (`buildCardIndex` joins the two).
     */
    mergedIntoId: Id.optional(),
    /** Derived from the customer's tickets by {@link deriveCardState}; absent when not computed. */
    cardState: CardState.optional(),
    createdAt: Timestamp,
    updatedAt: Timestamp.optional(),
  })
  .superRefine((customer, ctx) => {
    const seen = new Set<string>();
    customer.identities.forEach((identity, index) => {
      const key = `${identity.kind}:${'adapter' in identity ? identity.adapter : ''}:${identity.value.toLowerCase()}`;
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['identities', index], message: 'duplicate identity' });
      }
      seen.add(key);
    });
  });
/** A parsed customer card. */
export type Customer = z.output<typeof Customer>;
/** What {@link Customer} accepts. */
export type CustomerInput = z.input<typeof Customer>;

/**
 * Derives a customer card's traffic light from the customer's tickets: `red` when any request is `new`
 * (opened, nobody has touched it) or is open with `acted: false` (nobody on the team has acted on it yet, which
 * `customerCard()` works out from the messages and events), else `yellow` when any is being worked (`open`,
 * `pending`, `hold` or an unknown vendor status), else `green` when all are `solved` or `closed`; `null` when
 * there are no tickets. The most urgent state wins, so a card never shows green while a request waits. A ticket
 * without `acted` is judged by its status alone; a `new` one with `acted: true` (an agent wrote an internal note,
 * or logged the call) is being worked: yellow.
 *
 * @example
 * ```ts
 * deriveCardState([{ status: 'solved' }, { status: 'new' }]); // 'red'
 * deriveCardState([{ status: 'pending' }]);                   // 'yellow'
 * deriveCardState([{ status: 'closed' }]);                    // 'green'
 * deriveCardState([]);                                        // null
 * deriveCardState([{ status: 'open', acted: false }]);         // 'red'
 * deriveCardState([{ status: 'new', acted: true }]);           // 'yellow'
 * ```
 */
export function deriveCardState(
  tickets: Iterable<Pick<Ticket, 'status'> & { acted?: boolean }>,
): CardState | null {
  if (
    tickets === null ||
    typeof (tickets as { [Symbol.iterator]?: unknown })?.[Symbol.iterator] !== 'function'
  ) {
    throw invalidArgument('deriveCardState()', 'tickets', 'expected an array (or iterable) of tickets');
  }
  let state: CardState | null = null;
  let index = 0;
  for (const ticket of tickets) {
    // A status read from JSON may be spelled 'Solved' or 'NEW': read it as the Ticket model would.
    const parsed = TicketStatus.safeParse((ticket as { status?: unknown } | null)?.status);
    if (!parsed.success) {
      throw new ValidationError('deriveCardState() tickets', [
        { path: [index, 'status'], code: 'invalid_type', message: 'expected a ticket status' },
      ]);
    }
    index++;
    const status = parsed.data;
    if (status === 'deleted') continue; // removed in the helpdesk: not a request of the customer's any more
    // A `new` request somebody already acted on (an internal note, a call logged by an agent) is being worked.
    if (status === 'new' && (ticket as { acted?: unknown }).acted !== true) return 'red';
    if (status === 'solved' || status === 'closed') state ??= 'green';
    else if ((ticket as { acted?: unknown }).acted === false) return 'red';
    else state = 'yellow';
  }
  return state;
}
