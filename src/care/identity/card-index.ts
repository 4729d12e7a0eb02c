import { invalidArgument, invalidOption } from '../../errors/validation.js';
import type { Agent } from '../../models/agent.js';
import type { Customer } from '../../models/customer.js';
import type { Message } from '../../models/message.js';
import type { Organization } from '../../models/organization.js';
import type { CesResponse, CsatResponse, NpsResponse } from '../../models/survey.js';
import type { Ticket } from '../../models/ticket.js';
import type { TicketEvent } from '../../models/ticket-event.js';
import {
  CUSTOMER_KEY_PREFIX,
  customerIdKey,
  emailKey,
  handleKey,
  type IdentityKeyOptions,
  phoneKeyReader,
  stableHash,
  unescapeKeyPart,
} from './keys.js';
import { type CardSourceRecord, readRecord, sourceRecords } from './records.js';
import { KeySets } from './union-find.js';

/**
 * Options of {@link buildCardIndex}.
 * @example `buildCardIndex(records, { defaultRegion: 'IT', maxSharedIdentity: 5, foldPlusAddressing: true })`
 */
export interface CardIndexOptions extends IdentityKeyOptions {
  /**
   * An identity held by more distinct customer records than this is a conflict (a shop's front-desk phone, an
   * `info@` address): it is reported by `conflicts()` and joins nobody.
   * @default 3
   */
  maxSharedIdentity?: number;
  /**
   * The adapter name given to records without a `source` (a customer without `sources`, a ticket or survey
   * without `source`): their ids are read in this adapter's id space.
   * @default 'default'
   */
  adapter?: string;
  /**
   * The records were already read through the models (they come from an adapter, the sync, `parseDataset` or
   * the generator): skip parsing each one again and check only the fields the index reads. Without it, tickets
   * and messages already in their model's form skip the parse too, but customers and the other kinds are
   * parsed (about 3× the trusted build at 100,000 customers). Identity values are normalised either way. Leave
   * it off for records from anywhere else.
   * @default false
   */
  trusted?: boolean;
}

/**
 * A customer record (one helpdesk's user) that is part of a card.
 * @example `const ref: CardRecordRef = { adapter: 'zendesk', id: '381726' };`
 */
export interface CardRecordRef {
  adapter: string;
  id: string;
}

/**
 * One identity that joined records into one card: the explanation of a merge.
 * @example `index.explain(cardId)[0]?.identity // 'email:ada@example.com'`
 */
export interface CardMerge {
  /** The normalised identity key, e.g. `email:ada@example.com`, `phone:+393471234567`, `customer:zendesk:7`. */
  identity: string;
  /** The customer records that share it, sorted. */
  records: CardRecordRef[];
}

/**
 * An identity shared by too many customer records to mean one person: reported, never merged.
 * @example `index.conflicts().map((c) => c.identity) // ['phone:+390212345678']`
 */
export type IdentityConflict = CardMerge;

/**
 * What {@link CardIndex.find} looks up: one identity, or a ticket.
 * @example `const query: CardQuery = { handle: '@adav', network: 'twitter' };`
 */
export type CardQuery =
  | { email: string }
  | { phone: string }
  | { handle: string; network: string }
  | { customerId: string; adapter?: string }
  | { ticketId: string; adapter?: string };

/**
 * Everything the index holds about one card: the raw material of `customerCard()`.
 * @example `index.collect(cardId)?.tickets.length`
 */
export interface CardRecords {
  cardId: string;
  records: CardRecordRef[];
  customers: Customer[];
  tickets: Ticket[];
  messages: Map<Ticket, Message[]>;
  events: Map<Ticket, TicketEvent[]>;
  csat: CsatResponse[];
  nps: NpsResponse[];
  ces: CesResponse[];
  organizations: ReadonlyMap<string, Organization>;
  agents: ReadonlyMap<string, Agent>;
}

/**
 * Customers resolved into cards. Lookups are O(1) (Maps, and a union-find with path halving).
 * Card ids are `card_` + a 64-bit hash of the smallest customer-record key of the card (`customer:<adapter>:<id>`):
 * they depend only on which records the card holds, never on input order. When two cards merge later, the
 * merged card takes the smaller id and the other id keeps resolving: every record's own id resolves to
 * the card holding it (`resolve()`), in a rebuild too.
 *
 * @example
 * ```ts
 * const index = await buildCardIndex(records, { defaultRegion: 'IT' });
 * index.add({ kind: 'tickets', value: ticket });
 * index.find({ ticketId: ticket.id, adapter: 'zendesk' }); // 'card_…'
 * ```
 */
export interface CardIndex {
  /** The number of cards. */
  readonly size: number;
  /** Adds (or replaces, by id) one record as the sync writes it (`{ kind, value }`); equal to a rebuild. */
  add(record: unknown): void;
  /** The card of an identity or a ticket; undefined when unknown or when the identity is a conflict. */
  find(query: CardQuery): string | undefined;
  /** Every card an identity or a ticket belongs to (several for a conflict), sorted. */
  findAll(query: CardQuery): string[];
  /** The current id of a card from any id it was ever given (after merges); undefined when unknown. */
  resolve(cardId: string): string | undefined;
  /** Every card id, sorted. */
  cardIds(): string[];
  /** Which identity joined which records of a card, sorted by identity. */
  explain(cardId: string): CardMerge[];
  /** Every identity refused as shared by too many records, sorted by identity. */
  conflicts(): IdentityConflict[];
  /** The records of a card; undefined when the card is unknown. */
  collect(cardId: string): CardRecords | undefined;
}

const FN = 'buildCardIndex';
const QUERY = 'CardIndex.find()';

/** A query's field as a non-empty string, or a ValidationError naming it. */
function queryText(query: Record<string, unknown>, name: string): string {
  const value = query[name];
  if (typeof value !== 'string' || value === '') {
    throw invalidArgument(QUERY, `query.${name}`, 'expected a non-empty string');
  }
  return value;
}

/** A query's adapter, or the index's default adapter when the query names none. */
const queryAdapter = (query: Record<string, unknown>, fallback: string) =>
  query.adapter === undefined ? fallback : queryText(query, 'adapter');

function readOptions(options: unknown): Required<Omit<CardIndexOptions, 'defaultRegion'>> & CardIndexOptions {
  if (options === undefined) {
    return { maxSharedIdentity: 3, adapter: 'default', foldPlusAddressing: false, trusted: false };
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalidArgument(`${FN}()`, 'options', 'expected an object');
  }
  const o = options as Record<string, unknown>;
  const max = o.maxSharedIdentity ?? 3;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1) {
    throw invalidOption(FN, 'maxSharedIdentity', 'must be a whole number ≥ 1');
  }
  const adapter = o.adapter ?? 'default';
  if (typeof adapter !== 'string' || adapter === '') throw invalidOption(FN, 'adapter', 'must be a name');
  if (
    o.defaultRegion !== undefined &&
    (typeof o.defaultRegion !== 'string' || !/^[A-Za-z]{2}$/.test(o.defaultRegion))
  ) {
    throw invalidOption(FN, 'defaultRegion', 'must be an ISO 3166-1 alpha-2 region such as IT');
  }
  for (const flag of ['foldPlusAddressing', 'trusted']) {
    if (o[flag] !== undefined && typeof o[flag] !== 'boolean')
      throw invalidOption(FN, flag, 'must be a boolean');
  }
  return {
    maxSharedIdentity: max,
    adapter,
    foldPlusAddressing: o.foldPlusAddressing === true,
    trusted: o.trusted === true,
    ...(typeof o.defaultRegion === 'string' ? { defaultRegion: o.defaultRegion.toUpperCase() } : {}),
  };
}

const CARD_PREFIX = 'card_';
const cardIdOfKey = (key: string) => `${CARD_PREFIX}${stableHash(key)}`;
/** `customer:<adapter>:<id>` → `{ adapter, id }` (the adapter is escaped: its first `:` ends it). */
function refOf(nodeKey: string): CardRecordRef {
  const rest = nodeKey.slice('customer:'.length);
  const colon = rest.indexOf(':');
  return { adapter: unescapeKeyPart(rest.slice(0, colon)), id: rest.slice(colon + 1) };
}
const byRef = (a: CardRecordRef, b: CardRecordRef) =>
  a.adapter < b.adapter ? -1 : a.adapter > b.adapter ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Appends `key` to `keys` unless it is null or already there. */
function pushNew(keys: string[], key: string | null): void {
  if (key !== null && !keys.includes(key)) keys.push(key);
}

/** Holders of an identity: one record key, or several (most identities belong to one record). */
type Holders = string | string[];
const holderCount = (holders: Holders | undefined) =>
  holders === undefined ? 0 : typeof holders === 'string' ? 1 : holders.length;
const holderList = (holders: Holders | undefined): readonly string[] =>
  holders === undefined ? [] : typeof holders === 'string' ? [holders] : holders;

/** The mutable state behind a {@link CardIndex}. */
class IndexState {
  /** Customer record key → the identity keys it holds (its own key included, no repeats). */
  readonly nodes = new Map<string, string[]>();
  readonly customers = new Map<string, Customer>();
  /** Identity key → the customer records holding it. */
  readonly holders = new Map<string, Holders>();
  /**
   * Card id of a record's own key → that record: how any id once issued resolves after merges. Made on the
   * first call that takes a card id (hashing every record's key is a fifth of a build that may never need it),
   * then kept up to date.
   */
  private aliasMap: Map<string, string> | undefined;
  readonly sets = new KeySets();
  /**
   * Keys whose join merged two sets: only their leaving a record or becoming a conflict can split a card (a key
   * whose holders were already on one card when it joined them changes nothing when it stops joining).
   */
  private readonly bridging = new Set<string>();
  /** Groups of records joined through a key that no longer joins them, to check before the next read. */
  private readonly pending: string[][] = [];
  /** Adapter → ticket id → ticket; a ticket's record is its requester's (`customer:<adapter>:<requesterId>`). */
  readonly tickets = new Map<string, Map<string, Ticket>>();
  readonly nodeTickets = new Map<string, Ticket[]>();
  readonly messages = new Map<string, Map<string, Message>>();
  readonly events = new Map<string, Map<string, TicketEvent>>();
  readonly surveys = new Map<string, Map<string, CsatResponse | NpsResponse | CesResponse>>();
  readonly surveyKinds = new Map<CsatResponse | NpsResponse | CesResponse, 'csat' | 'nps' | 'ces'>();
  readonly organizations = new Map<string, Organization>();
  readonly agents = new Map<string, Agent>();

  /**
   * While a whole source is read, joins wait for the end: one pass over the identities then, instead of undoing
   * joins each time an identity becomes a conflict.
   */
  batching = false;

  /** Phone text → its identity key, each distinct text read once (libphonenumber-js is the costly part). */
  readonly phoneKeyOf: (value: string, remember?: boolean) => string | null;
  /** Phone text → E.164 (with its extension), through the same cache: what the Customer model is given. */
  readonly e164Of: (value: string) => string | null;

  constructor(readonly options: ReturnType<typeof readOptions>) {
    const phones = phoneKeyReader(options.defaultRegion);
    this.phoneKeyOf = phones.key;
    this.e164Of = phones.identity;
  }

  get aliases(): Map<string, string> {
    if (this.aliasMap === undefined) {
      this.aliasMap = new Map();
      for (const node of this.nodes.keys()) this.aliasMap.set(cardIdOfKey(node), node);
    }
    return this.aliasMap;
  }

  isConflict(key: string): boolean {
    return holderCount(this.holders.get(key)) > this.limitOf(key);
  }

  /**
   * How many records may hold a key before it is a conflict: a helpdesk's own customer id is exact (a record,
   * the records merged into it, an external id a CRM gave) and never one; a shared e-mail or phone is, past
   * `maxSharedIdentity`.
   */
  limitOf(key: string): number {
    return key.startsWith(CUSTOMER_KEY_PREFIX) ? Number.POSITIVE_INFINITY : this.options.maxSharedIdentity;
  }

  /** The identity keys of a customer record, its own key first, without repeats (no closure: one per record). */
  identityKeys(customer: Customer, own: string): string[] {
    const keys = [own];
    for (const source of customer.sources) pushNew(keys, customerIdKey(source.adapter, source.id));
    // A record merged into another (Zendesk merges end users) joins the card of the record it lives on in.
    if (customer.mergedIntoId !== undefined)
      pushNew(
        keys,
        customerIdKey(customer.sources[0]?.adapter ?? this.options.adapter, customer.mergedIntoId),
      );
    for (const identity of customer.identities) {
      pushNew(
        keys,
        identity.kind === 'email'
          ? emailKey(identity.value, this.options)
          : identity.kind === 'phone'
            ? this.phoneKeyOf(identity.value)
            : identity.kind === 'handle'
              ? handleKey(identity.channel, identity.value)
              : customerIdKey(identity.adapter, identity.value),
      );
    }
    return keys;
  }

  private addHolder(key: string, node: string): void {
    const holders = this.holders.get(key);
    if (holders === undefined) this.holders.set(key, node);
    else if (typeof holders === 'string') this.holders.set(key, [holders, node]);
    else holders.push(node);
  }

  private removeHolder(key: string, node: string): void {
    const left = holderList(this.holders.get(key)).filter((holder) => holder !== node);
    if (left.length === 0) this.holders.delete(key);
    else this.holders.set(key, left.length === 1 ? left[0]! : left);
  }

  /**
   * Makes `node` hold `keys`; joins it through every key that is not a conflict. A join cannot be undone in
   * place, so when a key that did join records leaves a record or becomes a conflict, the records it joined are
   * noted; the next call that reads the sets ({@link settle}) checks that they are still connected without it
   * and rebuilds their card only when they are not. Adds cost O(their keys) each, whatever the size of the
   * index or of the card.
   */
  setNode(node: string, keys: string[]): void {
    const previous = this.nodes.get(node);
    if (previous === undefined && this.batching) {
      // A new record while a source is read: joins and conflicts are all settled by the one relink at the end.
      this.nodes.set(node, keys);
      this.aliasMap?.set(cardIdOfKey(node), node);
      for (const key of keys) this.addHolder(key, node);
      return;
    }
    for (const key of previous ?? []) {
      if (keys.includes(key)) continue;
      const wasConflict = this.isConflict(key);
      this.removeHolder(key, node);
      if (this.batching) continue;
      // A join through it may no longer hold; a conflict it ended joins its holders now.
      if (this.bridging.has(key)) this.pending.push([node, ...holderList(this.holders.get(key))]);
      if (wasConflict && !this.isConflict(key)) this.join(key);
    }
    this.nodes.set(node, keys);
    if (!previous) this.aliasMap?.set(cardIdOfKey(node), node);
    for (const key of keys) {
      if (previous?.includes(key)) continue;
      const wasConflict = this.isConflict(key);
      this.addHolder(key, node);
      // Joins through a key that is now a conflict must be undone: its earlier holders are checked.
      if (!this.batching && !wasConflict && this.isConflict(key) && this.bridging.has(key))
        this.pending.push(holderList(this.holders.get(key)).filter((holder) => holder !== node));
    }
    if (this.batching) return;
    for (const key of keys) this.join(key);
  }

  /** Joins the holders of `key` unless it is a conflict; remembers the key when it joined two sets. */
  join(key: string): void {
    const holders = this.holders.get(key);
    if (typeof holders !== 'object' || holders.length > this.limitOf(key)) return;
    let joined = false;
    for (let i = 1; i < holders.length; i++) if (this.sets.union(holders[0]!, holders[i]!)) joined = true;
    if (joined) this.bridging.add(key);
  }

  /** Rebuilds every set from the holders: what any input order would give. */
  relink(): void {
    this.sets.clear();
    this.bridging.clear();
    this.pending.length = 0;
    for (const [key, holders] of this.holders) if (typeof holders === 'object') this.join(key);
  }

  /**
   * Brings the sets up to date with the adds since the last read. Each group {@link setNode} noted was joined
   * through a key that no longer joins it; when the group is still connected through other keys, the card is
   * unchanged (the usual case: a big card holds together by many identities). Otherwise its card's records are
   * split apart and joined again through every key they hold that is not a conflict, as a rebuild would.
   */
  settle(): void {
    if (this.pending.length === 0) return;
    const members = new Set<string>();
    for (const group of this.pending) {
      if (members.has(group[0]!) || this.connected(group)) continue;
      for (const member of this.sets.membersOf(group[0]!)) members.add(member);
    }
    this.pending.length = 0;
    if (members.size === 0) return;
    this.sets.split(members);
    for (const member of members) for (const key of this.nodes.get(member)!) this.join(key);
  }

  /**
   * Whether the records of `group` are connected through keys that are not conflicts (when they are, the keys
   * walked become bridging keys: they now stand for the join that no longer holds). One breadth-first search
   * from each record, in lockstep, each record expanded once: searches that meet merge, and the answer is no as
   * soon as some merged search has nothing left to visit while others remain. The work is bounded by the part
   * explored, small when the records are close or a small piece has broken off.
   */
  private connected(group: readonly string[]): boolean {
    const starts = [...new Set(group)];
    if (starts.length < 2) return true;
    const owner = new Map<string, number>();
    const queues = starts.map((start, i) => {
      owner.set(start, i);
      return [start];
    });
    const heads = starts.map(() => 0);
    const link = starts.map((_, i) => i);
    const root = (i: number): number => {
      let at = i;
      while (link[at] !== at) at = link[at] = link[link[at]!]!;
      return at;
    };
    let groups = starts.length;
    // The keys walked: when the answer is yes they are what holds the group together from now on, so they join
    // the bridging keys (their leaving must be checked in turn).
    const walked: string[] = [];
    for (;;) {
      for (let i = 0; i < starts.length; i++) {
        const queue = queues[i]!;
        if (heads[i]! >= queue.length) continue;
        const node = queue[heads[i]!++]!;
        for (const key of this.nodes.get(node) ?? []) {
          const holders = this.holders.get(key);
          if (typeof holders !== 'object' || holders.length > this.limitOf(key)) continue;
          walked.push(key);
          for (const next of holders) {
            const seen = owner.get(next);
            if (seen === undefined) {
              owner.set(next, i);
              queue.push(next);
            } else if (root(seen) !== root(i)) {
              link[root(seen)] = root(i);
              if (--groups === 1) {
                for (const walkedKey of walked) this.bridging.add(walkedKey);
                return true;
              }
            }
          }
        }
      }
      // A merged search with nothing left to visit is a whole component apart from the others.
      const active = new Set<number>();
      for (let i = 0; i < starts.length; i++) if (heads[i]! < queues[i]!.length) active.add(root(i));
      for (let i = 0; i < starts.length; i++) if (!active.has(root(i))) return false;
    }
  }

  ensureNode(adapter: string, id: string): string {
    const node = customerIdKey(adapter, id);
    if (!this.nodes.has(node)) this.setNode(node, [node]);
    return node;
  }

  /** The ticket an adapter's id names, and the customer record it belongs to. */
  ticket(adapter: string, id: string): { ticket: Ticket; node: string } | undefined {
    const ticket = this.tickets.get(adapter)?.get(id);
    return ticket && { ticket, node: customerIdKey(adapter, ticket.requesterId) };
  }

  addTicket(ticket: Ticket): void {
    const adapter = ticket.source?.adapter ?? this.options.adapter;
    const node = customerIdKey(adapter, ticket.requesterId);
    // A record with a ticket list is known: one Map read per ticket instead of two.
    let list = this.nodeTickets.get(node);
    if (!list) {
      this.ensureNode(adapter, ticket.requesterId);
      list = [];
      this.nodeTickets.set(node, list);
    }
    const byId = this.tickets.get(adapter) ?? new Map<string, Ticket>();
    if (byId.size === 0) this.tickets.set(adapter, byId);
    const before = byId.get(ticket.id);
    byId.set(ticket.id, ticket);
    if (before) {
      // Replaced: drop the old version from its record's list (the new one may belong to another record).
      const old = this.nodeTickets.get(customerIdKey(adapter, before.requesterId))!;
      const at = old.indexOf(before);
      if (at >= 0) old.splice(at, 1);
    }
    list.push(ticket);
  }

  add(record: CardSourceRecord): void {
    const fallback = this.options.adapter;
    switch (record.kind) {
      case 'customers': {
        const customer = record.value;
        const node = customerIdKey(customer.sources[0]?.adapter ?? fallback, customer.id);
        this.customers.set(node, customer);
        this.setNode(node, this.identityKeys(customer, node));
        return;
      }
      case 'tickets':
        this.addTicket(record.value);
        return;
      case 'messages':
      case 'events': {
        const store = record.kind === 'messages' ? this.messages : this.events;
        const byId = (store.get(record.value.ticketId) ?? new Map()) as Map<string, Message | TicketEvent>;
        byId.set(record.value.id, record.value);
        (store as Map<string, typeof byId>).set(record.value.ticketId, byId);
        return;
      }
      case 'csat':
      case 'nps':
      case 'ces': {
        const survey = record.value;
        const node = this.ensureNode(survey.source?.adapter ?? fallback, survey.customerId);
        const byId = this.surveys.get(node) ?? new Map();
        this.surveys.set(node, byId);
        byId.set(`${record.kind}\u0000${survey.id}`, survey);
        this.surveyKinds.set(survey, record.kind);
        return;
      }
      case 'organizations':
        this.organizations.set(record.value.id, record.value);
        return;
      case 'agents':
        this.agents.set(record.value.id, record.value);
        return;
    }
  }

  cardIdOf(node: string): string {
    return cardIdOfKey(this.sets.smallestOf(node));
  }

  /** The conflict limit of the key the last {@link holdersFor} looked up (see {@link limitOf}). */
  private queryLimit = 0;

  /** The record a card id (current or former) names. */
  nodeOf(cardId: unknown): string | undefined {
    return typeof cardId === 'string' ? this.aliases.get(cardId) : undefined;
  }

  /**
   * The records an identity or a ticket names: the holders of the identity's key, or the requester's record of
   * the ticket. No closures and no copies: `find()` is on every incoming call's path.
   */
  holdersFor(query: unknown): Holders | undefined {
    if (typeof query !== 'object' || query === null || Array.isArray(query)) {
      throw invalidArgument(QUERY, 'query', 'expected an object such as { email }');
    }
    const q = query as Record<string, unknown>;
    let key: string | null;
    this.queryLimit = this.options.maxSharedIdentity;
    if ('ticketId' in q)
      return this.ticket(queryAdapter(q, this.options.adapter), queryText(q, 'ticketId'))?.node;
    if ('email' in q) key = emailKey(queryText(q, 'email'), this.options);
    else if ('phone' in q) key = this.phoneKeyOf(queryText(q, 'phone'), false);
    else if ('handle' in q) key = handleKey(queryText(q, 'network'), queryText(q, 'handle'));
    else if ('customerId' in q)
      key = customerIdKey(queryAdapter(q, this.options.adapter), queryText(q, 'customerId'));
    else {
      throw invalidArgument(
        QUERY,
        'query',
        'expected one of { email }, { phone }, { handle, network }, { customerId, adapter }, { ticketId, adapter }',
      );
    }
    if (key === null) return undefined;
    this.queryLimit = this.limitOf(key);
    return this.holders.get(key);
  }

  /** The one card of `holders`; undefined when none, when they are a conflict or lie on several cards. */
  cardOfHolders(holders: Holders | undefined): string | undefined {
    if (holders === undefined) return undefined;
    if (typeof holders === 'string') return this.cardIdOf(holders);
    if (holders.length > this.queryLimit) return undefined;
    const root = this.sets.find(holders[0]!);
    for (let i = 1; i < holders.length; i++) if (this.sets.find(holders[i]!) !== root) return undefined;
    return this.cardIdOf(root);
  }

  collect(cardId: unknown): CardRecords | undefined {
    const start = this.nodeOf(cardId);
    if (start === undefined) return undefined;
    const members = [...this.sets.membersOf(start)].sort();
    const tickets: Ticket[] = [];
    const messages = new Map<Ticket, Message[]>();
    const events = new Map<Ticket, TicketEvent[]>();
    const records: CardRecords = {
      cardId: this.cardIdOf(start),
      records: members.map(refOf),
      customers: [],
      tickets,
      messages,
      events,
      csat: [],
      nps: [],
      ces: [],
      organizations: this.organizations,
      agents: this.agents,
    };
    for (const node of members) {
      const customer = this.customers.get(node);
      if (customer) records.customers.push(customer);
      for (const ticket of this.nodeTickets.get(node) ?? []) {
        const adapter = ticket.source?.adapter ?? this.options.adapter;
        tickets.push(ticket);
        // Messages name their ticket by id only; one from another helpdesk (its own source) is not this ticket's.
        const own = [...(this.messages.get(ticket.id)?.values() ?? [])].filter(
          (m) => (m.source?.adapter ?? this.options.adapter) === adapter || m.source === undefined,
        );
        messages.set(ticket, own);
        events.set(ticket, [...(this.events.get(ticket.id)?.values() ?? [])]);
      }
      for (const survey of this.surveys.get(node)?.values() ?? []) {
        const kind = this.surveyKinds.get(survey)!;
        (records[kind] as (typeof survey)[]).push(survey);
      }
    }
    return records;
  }

  merges(keys: Iterable<string>): CardMerge[] {
    const out: CardMerge[] = [];
    for (const key of keys) {
      const holders = this.holders.get(key);
      if (typeof holders === 'object') out.push({ identity: key, records: holders.map(refOf).sort(byRef) });
    }
    return out.sort((a, b) => (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0));
  }
}

function makeIndex(state: IndexState): CardIndex {
  const subject = 'CardIndex.add() record';
  const cardIdArg = (fn: string, cardId: unknown) => {
    if (typeof cardId !== 'string') throw invalidArgument(`CardIndex.${fn}()`, 'cardId', 'expected a string');
    return state.nodeOf(cardId);
  };
  return {
    get size() {
      state.settle();
      return state.nodes.size - state.sets.joined;
    },
    add(record) {
      const parsed = readRecord(record, () => subject, state.e164Of, state.options.trusted);
      if (parsed) state.add(parsed);
    },
    find(query) {
      state.settle();
      return state.cardOfHolders(state.holdersFor(query));
    },
    findAll(query) {
      state.settle();
      return [...new Set(holderList(state.holdersFor(query)).map((node) => state.cardIdOf(node)))].sort();
    },
    resolve(cardId) {
      state.settle();
      const node = cardIdArg('resolve', cardId);
      return node === undefined ? undefined : state.cardIdOf(node);
    },
    cardIds() {
      state.settle();
      const ids: string[] = [];
      for (const node of state.nodes.keys()) if (state.sets.isRoot(node)) ids.push(state.cardIdOf(node));
      return ids.sort();
    },
    explain(cardId) {
      state.settle();
      const node = cardIdArg('explain', cardId);
      if (node === undefined) return [];
      // Only the card's own records' keys: O(size of the card), not of the index.
      const keys = new Set<string>();
      for (const member of state.sets.membersOf(node)) {
        for (const key of state.nodes.get(member) ?? []) {
          if (holderCount(state.holders.get(key)) >= 2 && !state.isConflict(key)) keys.add(key);
        }
      }
      return state.merges(keys);
    },
    conflicts() {
      return state.merges([...state.holders.keys()].filter((key) => state.isConflict(key)));
    },
    collect(cardId) {
      state.settle();
      cardIdArg('collect', cardId);
      return state.collect(cardId);
    },
  };
}

/**
 * Resolves customers into cards: reads a Dataset, or a (sync or async) iterable of records as the sync writes them
 * (`{ kind: 'customers' | 'tickets' | 'messages' | …, value }`) from one or several helpdesks. Customer records
 * that share an e-mail (any case), a phone number (any format, read to E.164 with `defaultRegion`), a handle on
 * the same network or a helpdesk customer id become one card, transitively; an identity held by more than
 * `maxSharedIdentity` records is a conflict and joins nobody. Each record is checked by its model: a bad one is
 * a ValidationError naming its place in the source (a ticket or message already in its model's form is
 * recognised as such and not parsed again).
 *
 * @example
 * ```ts
 * import { buildCardIndex } from 'supportkit-ts/care';
 * const index = await buildCardIndex(dataset, { defaultRegion: 'IT' });
 * const cardId = index.find({ phone: '347 1234567' });
 * index.explain(cardId!); // [{ identity: 'email:ada@example.com', records: [{ adapter: 'zendesk', id: '7' }, …] }]
 * ```
 */
export async function buildCardIndex(source: unknown, options?: CardIndexOptions): Promise<CardIndex> {
  const state = new IndexState(readOptions(options));
  let position = 0;
  const subjectOf = () => `${FN}() source[${position}]`;
  const { e164Of } = state;
  const { trusted } = state.options;
  state.batching = true;
  const records = sourceRecords(source);
  if (Symbol.asyncIterator in records) {
    for await (const record of records) {
      const parsed = readRecord(record, subjectOf, e164Of, trusted);
      if (parsed) state.add(parsed);
      position++;
    }
  } else {
    for (const record of records) {
      const parsed = readRecord(record, subjectOf, e164Of, trusted);
      if (parsed) state.add(parsed);
      position++;
    }
  }
  state.batching = false;
  state.relink();
  return makeIndex(state);
}
