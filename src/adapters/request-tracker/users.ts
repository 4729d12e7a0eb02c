/**
 * Users: the unprivileged ones are customers, the privileged ones agents. REST2 refers to users by name, so the
 * name is the id of both. Only a user read on its own says whether it is privileged, so listing customers or
 * agents reads each user once (the adapter keeps what it read).
 */
import { NotFoundError } from '../../errors/api.js';
import type { Agent } from '../../models/agent.js';
import { CustomerCreate, CustomerPatch } from '../../models/inputs.js';
import { parse } from '../../models/parse.js';
import type { HelpdeskAdapter, RequestOptions } from '../contract.js';
import { path, sinceFilter } from '../kit/index.js';
import { ADAPTER, isPrivileged, type RtAdapterContext } from './context.js';
import { agentFromRt, customerCreateToRt, customerFromRt, customerPatchToRt } from './map.js';
import { unsupportedNotes } from './unsupported.js';
import { RtUser } from './wire.js';

const USER_FIELDS =
  'Name,RealName,EmailAddress,MobilePhone,WorkPhone,Organization,Lang,Timezone,Disabled,Created,LastUpdated';
/** Users RT itself acts as, and its superuser: nobody's customers. */
const NOT_CUSTOMERS = new Set(['RT_System', 'Nobody', 'root']);

const readUser = async (context: RtAdapterContext, id: string, options?: RequestOptions) =>
  context.fromWire(RtUser, await context.request('GET', path`/user/${id}`, {}, options));

/** Every user, oldest first, each read on its own (through the adapter's directory) to tell its privileges. */
async function* allUsers(context: RtAdapterContext, options?: RequestOptions) {
  for await (const u of context.collection({
    method: 'POST',
    path: '/users',
    query: { fields: 'Name', orderby: 'id', order: 'ASC' },
    body: [{ field: 'id', operator: '>', value: 0 }],
    options,
  })) {
    const user = await context.user(String(u.id), options);
    if (user) yield user;
  }
}

/**
 * The customers resource: RT's unprivileged users as customer cards.
 * @example `await createCustomers(context).findByEmail('ada@example.com');`
 */
export function createCustomers(context: RtAdapterContext): HelpdeskAdapter['customers'] {
  const get = async (id: string, options?: RequestOptions) =>
    customerFromRt(await readUser(context, id, options));
  return {
    get,
    addNote: unsupportedNotes,
    async findByEmail(email, options) {
      const wanted = email.trim().toLowerCase();
      // RT's LIKE is a substring match: the exact address is picked out here.
      for await (const user of context.collection({
        method: 'POST',
        path: '/users',
        query: { fields: USER_FIELDS },
        body: [{ field: 'EmailAddress', operator: 'LIKE', value: wanted }],
        options,
      })) {
        const wire = context.fromWire(RtUser, user);
        if (wire.EmailAddress?.toLowerCase() === wanted) return customerFromRt(wire);
      }
      return null;
    },
    async *list(input, options) {
      const filter = sinceFilter(input, 'customers.list');
      for await (const user of allUsers(context, options)) {
        if (isPrivileged(user) || NOT_CUSTOMERS.has(user.Name)) continue;
        const card = customerFromRt(user);
        if (!filter.since || card.createdAt >= filter.since) yield card;
      }
    },
    async create(input, options) {
      const body = parse(CustomerCreate, input, 'customer to create');
      return context.once(options?.idempotencyKey, async () => {
        const created = await context.request<{ id: string | number }>(
          'POST',
          '/user',
          { body: customerCreateToRt(body) },
          // A retried POST could create the user twice.
          { ...options, maxRetries: 0 },
        );
        return get(String(created.id), options);
      });
    },
    async update(id, patch, options) {
      const body = parse(CustomerPatch, patch, 'customer changes');
      await get(id, options); // a missing user is NotFoundError, not RT's 200 with a message
      await context.request('PUT', path`/user/${id}`, { body: customerPatchToRt(body) }, options);
      return get(id, options);
    },
  };
}

/**
 * The agents resource: RT's privileged users (RT_System, RT itself, is not one).
 * @example `for await (const agent of createAgents(context).list()) …`
 */
export function createAgents(context: RtAdapterContext): HelpdeskAdapter['agents'] {
  return {
    async *list(options) {
      for await (const user of allUsers(context, options))
        if (isPrivileged(user) && user.Name !== 'RT_System' && String(user.Disabled ?? '0') === '0')
          yield agentFromRt(user);
    },
    async get(id, options) {
      const user = await readUser(context, id, options);
      if (!isPrivileged(user) || user.Name === 'RT_System')
        throw new NotFoundError({
          status: 404,
          adapter: ADAPTER,
          method: 'GET',
          url: `${path`/user/${id}`} (not an agent)`,
        });
      return agentFromRt(user) as Agent;
    },
  };
}
