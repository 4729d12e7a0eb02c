import { invalidOption } from '../errors/validation.js';
import type { Customer, CustomerIdentity, DatasetRecord } from '../models/index.js';
import { type GenerateOptions, optionsArg, streamDataset } from './generator.js';
import { createRandom, mixSeed } from './random.js';

/**
 * Options of {@link streamHelpdesks}: the generator's, plus which two helpdesks and how phones are written.
 * @example `const options: HelpdesksOptions = { seed: 7, tickets: 2000, helpdesks: ['zendesk', 'rt'], phoneFormat: 'e164' };`
 */
export interface HelpdesksOptions extends GenerateOptions {
  /**
   * The adapter names of the two helpdesks: the first is the e-mail desk, the second the phone desk.
   * @default ['zendesk', 'request-tracker']
   */
  helpdesks?: readonly [string, string];
  /**
   * How customers' phone numbers are written: `'as-typed'` as people type them into a helpdesk
   * (`+39 347 123 4567`, `0039 3471234567`, `347 1234567` — Italian numbers, read them with region `IT`), which
   * `buildCardIndex` reads but the `Customer` model (E.164 only) refuses; `'e164'` always `+393471234567`, as
   * the adapters hand them over, so the records pass `parseDataset`.
   * @default 'as-typed'
   */
  phoneFormat?: 'as-typed' | 'e164';
}

const FN = 'streamHelpdesks';
/** The seed stream of the helpdesk split: apart from every stream the generator itself draws from. */
const SPLIT_STREAM = 9;
const TICKET_STREAM = 10;

type Presence = 'email-desk' | 'phone-desk' | 'both';

interface Person {
  number: number;
  presence: Presence;
  /** E.164, or null when the person gave no phone. */
  phone: string | null;
  /** Which of the person's identities each desk holds. */
  emailOnEmailDesk: boolean;
  phoneOnEmailDesk: boolean;
  emailOnPhoneDesk: boolean;
  phoneFormat: number;
  emailCase: number;
}

function readOptions(options: HelpdesksOptions): { desks: [string, string]; e164: boolean } {
  const desks = options.helpdesks ?? ['zendesk', 'request-tracker'];
  const name = (value: unknown) => typeof value === 'string' && /^[A-Za-z0-9][\w.-]*$/.test(value);
  if (!Array.isArray(desks) || desks.length !== 2 || !desks.every(name) || desks[0] === desks[1]) {
    throw invalidOption(FN, 'helpdesks', 'must be two different adapter names such as ["zendesk", "rt"]');
  }
  const format = options.phoneFormat ?? 'as-typed';
  if (format !== 'as-typed' && format !== 'e164') {
    throw invalidOption(FN, 'phoneFormat', 'must be "as-typed" or "e164"');
  }
  return { desks: [desks[0]!, desks[1]!], e164: format === 'e164' };
}

/**
 * Where a generated customer is known, derived from their number alone (so nothing is kept per customer):
 * 45% only on the e-mail desk, 20% only on the phone desk, 35% on both. A person on both desks always shares
 * something between the two records: the e-mail, the phone, or both.
 */
function personOf(seed: number, number: number, basePhone: string | null): Person {
  const random = createRandom(mixSeed(seed, SPLIT_STREAM, number));
  const presence = presenceFrom(random.next());
  // Everyone the phone desk knows has a phone: a mobile number when the customer had none.
  const phone =
    basePhone ?? (presence === 'email-desk' ? null : `+39347${String(number % 10_000_000).padStart(7, '0')}`);
  const emailOnPhoneDesk = presence === 'phone-desk' ? random.chance(0.3) : random.chance(0.5);
  let phoneOnEmailDesk = phone !== null && random.chance(0.6);
  if (presence === 'both' && !emailOnPhoneDesk) phoneOnEmailDesk = true;
  return {
    number,
    presence,
    phone,
    emailOnEmailDesk: true,
    phoneOnEmailDesk,
    emailOnPhoneDesk,
    phoneFormat: random.int(0, 3),
    emailCase: random.int(0, 2),
  };
}

const presenceFrom = (roll: number): Presence =>
  roll < 0.45 ? 'email-desk' : roll < 0.65 ? 'phone-desk' : 'both';
/** Where a customer is known, without the rest of {@link personOf}: the first draw of the same stream. */
const presenceOf = (seed: number, number: number) =>
  presenceFrom(createRandom(mixSeed(seed, SPLIT_STREAM, number)).next());

/** An Italian E.164 number as people write it: international with spaces, `00` prefix, or national. */
function typedPhone(e164: string, format: number): string {
  const national = e164.slice(3);
  const mobile = national.startsWith('3');
  const spaced = mobile
    ? `${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`
    : `${national.slice(0, 2)} ${national.slice(2)}`;
  const compact = mobile ? `${national.slice(0, 3)} ${national.slice(3)}` : spaced;
  return [`+39 ${spaced}`, `0039 ${national}`, compact, e164][format] ?? e164;
}

/** The same address in another letter case: as typed, capitalised, or shouted. */
function emailInCase(email: string, variant: number): string {
  if (variant === 1)
    return email.replace(/(^|[@.])([a-z])/g, (_, lead: string, c: string) => lead + c.toUpperCase());
  if (variant === 2) return email.toUpperCase();
  return email;
}

/** The customer's id on a desk: `c-17` on the e-mail desk, `p-17` on the phone desk. */
const deskId = (desk: 0 | 1, number: number) => `${desk === 0 ? 'c' : 'p'}-${number}`;
const numberOf = (customerId: string) => Number(customerId.slice(2));

/** The customer record one desk holds for a person. */
function deskCustomer(base: Customer, person: Person, desk: 0 | 1, name: string, e164: boolean): Customer {
  const email = base.identities.find((i) => i.kind === 'email')?.value;
  const identities: CustomerIdentity[] = [];
  const withEmail = desk === 0 ? person.emailOnEmailDesk : person.emailOnPhoneDesk;
  const withPhone = desk === 0 ? person.phoneOnEmailDesk : true;
  if (email && withEmail) {
    const value =
      desk === 0 ? emailInCase(email, person.emailCase) : emailInCase(email, (person.emailCase + 1) % 3);
    identities.push({ kind: 'email', value, primary: desk === 0 });
  }
  if (person.phone && withPhone) {
    // The e-mail desk keeps numbers in international form; the phone desk as the operator typed them.
    const format = e164 ? 3 : desk === 0 ? 0 : person.phoneFormat;
    identities.push({ kind: 'phone', value: typedPhone(person.phone, format), primary: desk === 1 });
  }
  if (desk === 0) identities.push(...base.identities.filter((i) => i.kind === 'handle'));
  const id = deskId(desk, person.number);
  return {
    ...base,
    id,
    sources: [{ adapter: name, id }],
    identities,
    notes: desk === 0 ? base.notes : [],
  };
}

/**
 * Streams the generator's support story as two helpdesks hold it: an e-mail desk and a phone desk (by default
 * `zendesk` and `request-tracker`), each with its own customer records and ids, where one person often appears
 * in both — an e-mail in different letter case, a phone number written in national or international form —
 * so that `buildCardIndex` has real merging to do. The records are those of {@link streamDataset} with the same
 * options (the same tickets, messages, events and surveys, in the same order), re-addressed:
 *
 * - customer `c-17` of the dataset becomes `c-17` on the e-mail desk and/or `p-17` on the phone desk (the number
 *   is the ground truth: the same number is the same person); 45% are only on the e-mail desk, 20% only on the
 *   phone desk, 35% on both, and those always share an e-mail or a phone between the two records;
 * - each ticket (with its messages, events and surveys) goes to one desk: the only one the requester is on, or
 *   for people on both, phone tickets to the phone desk, e-mail and web tickets to the e-mail desk, the rest
 *   either way; tickets, messages and surveys carry `source.adapter`.
 *
 * With `phoneFormat: 'as-typed'` (the default) phone identities are written as people type them, which
 * `buildCardIndex` reads with `defaultRegion: 'IT'`; the `Customer` model holds E.164 only, so use
 * `phoneFormat: 'e164'` for records that must pass `parseDataset` (e.g. to load into memory adapters).
 *
 * @example
 * ```ts
 * import { buildCardIndex } from 'supportkit-ts/care';
 * import { streamHelpdesks } from 'supportkit-ts/testing';
 * const index = await buildCardIndex(streamHelpdesks({ seed: 7, tickets: 2000 }), { defaultRegion: 'IT' });
 * index.find({ customerId: 'p-3', adapter: 'request-tracker' }) === index.find({ customerId: 'c-3', adapter: 'zendesk' }); // true
 * ```
 */
export function* streamHelpdesks(options: HelpdesksOptions = {}): Generator<DatasetRecord, void, undefined> {
  const checked = optionsArg<HelpdesksOptions>(options, FN);
  const { desks, e164 } = readOptions(checked);
  const { helpdesks: _desks, phoneFormat: _format, ...generate } = checked;
  const seed = generate.seed ?? 1;
  // The desk of the current ticket: its messages, events and surveys follow it in the stream.
  let desk: 0 | 1 = 0;
  const readdress = (id: string | null | undefined, baseCustomer: string) =>
    id === baseCustomer ? deskId(desk, numberOf(baseCustomer)) : id;
  let requester = '';
  for (const record of streamDataset(generate)) {
    switch (record.kind) {
      case 'customers': {
        const base = record.value;
        const phone = base.identities.find((i) => i.kind === 'phone')?.value ?? null;
        const person = personOf(seed, numberOf(base.id), phone);
        if (person.presence !== 'phone-desk')
          yield { kind: 'customers', value: deskCustomer(base, person, 0, desks[0], e164) };
        if (person.presence !== 'email-desk')
          yield { kind: 'customers', value: deskCustomer(base, person, 1, desks[1], e164) };
        break;
      }
      case 'tickets': {
        const ticket = record.value;
        requester = ticket.requesterId;
        desk = deskOf(presenceOf(seed, numberOf(requester)), ticket.channel, seed, ticket.id);
        const source = { adapter: desks[desk], id: ticket.id };
        yield {
          kind: 'tickets',
          value: {
            ...ticket,
            source,
            requesterId: readdress(requester, requester)!,
            ...(ticket.submitterId ? { submitterId: readdress(ticket.submitterId, requester)! } : {}),
          },
        };
        break;
      }
      case 'messages': {
        const message = record.value;
        const source = { adapter: desks[desk], id: message.id };
        yield {
          kind: 'messages',
          value: { ...message, source, authorId: readdress(message.authorId, requester)! },
        };
        break;
      }
      case 'events': {
        const event = record.value;
        yield { kind: 'events', value: { ...event, actorId: readdress(event.actorId, requester) ?? null } };
        break;
      }
      case 'csat':
      case 'nps':
      case 'ces': {
        const survey = record.value;
        const value = {
          ...survey,
          source: { adapter: desks[desk], id: survey.id },
          customerId: readdress(survey.customerId, requester)!,
        };
        yield { kind: record.kind, value } as DatasetRecord;
        break;
      }
      default:
        yield record;
    }
  }
}

/** Which desk a ticket lands on: the requester's only desk, else by channel (phone → phone desk). */
function deskOf(presence: Presence, channel: string, seed: number, ticketId: string): 0 | 1 {
  if (presence === 'email-desk') return 0;
  if (presence === 'phone-desk') return 1;
  if (channel === 'phone') return 1;
  if (channel === 'email' || channel === 'web') return 0;
  // `|| 0`: an id that is not a number mixes in as 0, as NaN always did.
  return createRandom(mixSeed(seed, TICKET_STREAM, Number(ticketId) || 0)).chance(0.5) ? 1 : 0;
}
