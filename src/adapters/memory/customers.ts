import { ValidationError } from '../../errors/validation.js';
import type { Customer, CustomerNote } from '../../models/customer.js';
import { CustomerCreate, type CustomerNoteCreateInput, CustomerPatch } from '../../models/inputs.js';
import { parse } from '../../models/parse.js';
import type { HelpdeskAdapter } from '../contract.js';
import { appendSignedNote, notesFromText, sinceFilter } from '../kit/index.js';
import { type MemoryStore, notFound } from './store.js';

function createCustomer(store: MemoryStore, body: CustomerCreate): Customer {
  if (body.email && store.customerWithEmail(body.email))
    throw new ValidationError('customer to create', [
      { path: ['email'], code: 'custom', message: 'another customer has this e-mail' },
    ]);
  const customer: Customer = {
    id: store.nextId('c', (id) => store.customers.has(id)),
    sources: [],
    name: body.name,
    identities: [
      ...(body.email ? [{ kind: 'email' as const, value: body.email, primary: true }] : []),
      ...(body.phone ? [{ kind: 'phone' as const, value: body.phone, primary: false }] : []),
    ],
    organizationId: body.organizationId ?? null,
    active: true,
    ...(body.language ? { language: body.language } : {}),
    ...(body.timeZone ? { timeZone: body.timeZone } : {}),
    tags: body.tags ?? [],
    customFields: {},
    notes: [],
    createdAt: store.stamp('customers'),
  };
  store.customers.set(customer.id, customer);
  return customer;
}

function updateCustomer(store: MemoryStore, id: string, body: CustomerPatch): Customer {
  const customer = store.customers.get(id);
  if (!customer) throw notFound('customers', id);
  if (body.name !== undefined) customer.name = body.name;
  if (body.email !== undefined)
    customer.identities = [
      ...customer.identities.filter((i) => i.kind !== 'email'),
      { kind: 'email', value: body.email, primary: true },
    ];
  if (body.phone !== undefined)
    customer.identities = [
      ...customer.identities.filter((i) => i.kind !== 'phone'),
      { kind: 'phone', value: body.phone, primary: false },
    ];
  if (body.organizationId !== undefined) customer.organizationId = body.organizationId;
  if (body.language !== undefined) customer.language = body.language;
  if (body.timeZone !== undefined) customer.timeZone = body.timeZone;
  if (body.tags !== undefined) customer.tags = body.tags;
  customer.updatedAt = store.stamp('customers');
  return customer;
}

/**
 * Signed notes as a helpdesk with a notes field keeps them: one append-only text per customer (the same form as
 * Zendesk's), read back into the customer's notes after the notes the dataset gave it.
 */
function noteKeeper(store: MemoryStore) {
  const kept = new Map<string, { text: string; before: CustomerNote[] }>();
  return (customerId: string, input: CustomerNoteCreateInput): CustomerNote => {
    const customer = store.customers.get(customerId);
    if (!customer) throw notFound('customers', customerId);
    const own = kept.get(customerId) ?? { text: '', before: customer.notes };
    const { text, note } = appendSignedNote(own.text, input, 'customers.addNote note');
    kept.set(customerId, { text, before: own.before });
    customer.notes = [...own.before, ...notesFromText(text)];
    customer.updatedAt = store.stamp('customers');
    return structuredClone(note);
  };
}

/**
 * The memory adapter's customer cards: found by e-mail case-insensitively, one customer per e-mail.
 *
 * @example
 * ```ts
 * const customers = memoryCustomers(store);
 * await customers.findByEmail('Ada@Example.com');
 * ```
 */
export function memoryCustomers(store: MemoryStore): HelpdeskAdapter['customers'] {
  const addNote = noteKeeper(store);
  return {
    get: async (id) => {
      const customer = store.customers.get(id);
      if (!customer) throw notFound('customers', id);
      return structuredClone(customer);
    },
    findByEmail: async (email) => {
      const customer = store.customerWithEmail(email);
      return customer ? structuredClone(customer) : null;
    },
    list: (filter) =>
      store.pages(() =>
        store.since([...store.customers.values()], sinceFilter(filter, 'customers.list').since),
      ),
    async create(input, options) {
      const body = parse(CustomerCreate, input, 'customer to create');
      return store.once('customers.create', options, () => createCustomer(store, body));
    },
    async update(id, patch, options) {
      const body = parse(CustomerPatch, patch, 'customer changes');
      return store.once(`customers.update:${id}`, options, () => updateCustomer(store, id, body));
    },
    async addNote(customerId, note, options) {
      return store.once(`customers.addNote:${customerId}`, options, () => addNote(customerId, note));
    },
  };
}
