/**
 * Users: the unprivileged ones are customers, the privileged ones agents. REST2 refers to users by name, so the
 * name is the id of both. Only a user read on its own says whether it is privileged, so listing customers or
 * agents reads each user once (the adapter keeps what it read). Card notes live in the user's `Comments`.
 */
import { ApiError, NotFoundError } from '../../errors/api.js';
import { ChangeRefusedError } from '../../errors/operations.js';
import type { Agent } from '../../models/agent.js';
import type { Customer } from '../../models/customer.js';
import { CustomerCreate, CustomerPatch } from '../../models/inputs.js';
import { parse } from '../../models/parse.js';
import type { HelpdeskAdapter, RequestOptions } from '../contract.js';
import { callOptions, path, sinceFilter } from '../kit/index.js';
import { appendSignedNote } from '../kit/notes.js';
import { ADAPTER, isPrivileged, type RtAdapterContext } from './context.js';
import { agentFromRt, customerCreateToRt, customerFromRt, customerPatchToRt, rtDate } from './map.js';
import { sql } from './ticket-sql.js';
import { isUserSummary, RtPage, RtUser } from './wire.js';

const USER_FIELDS =
  'Name,RealName,EmailAddress,MobilePhone,WorkPhone,HomePhone,PagerPhone,Organization,Lang,Timezone,Comments,Created,LastUpdated';
/** Users RT itself acts as, and its superuser: nobody's customers. */
const NOT_CUSTOMERS = new Set(['RT_System', 'Nobody', 'root']);
/** How many times a note is appended again when someone else changed the user between the read and the write. */
const NOTE_ATTEMPTS = 5;

const readUser = async (context: RtAdapterContext, id: string, options?: RequestOptions) =>
  context.fromWire(RtUser, await context.request('GET', path`/user/${id}`, {}, options));

/**
 * When RT first shows the user to this API user: the creation of the oldest ticket they requested that it may
 * see (RT creates a customer with the first ticket they send), else the time of this read. Asked only when RT
 * hides the user's own creation time (a summary, read without AdminUsers).
 */
async function firstSeen(context: RtAdapterContext, user: RtUser, options?: RequestOptions): Promise<Date> {
  const query = {
    query: /^\d+$/.test(String(user.id))
      ? `Requestor.id = ${Number(user.id)}`
      : `Requestor.Name = ${sql(user.Name)}`,
    fields: 'Created',
    orderby: 'Created',
    order: 'ASC',
    per_page: 1,
  };
  const page = context.fromWire(RtPage, await context.request('GET', '/tickets', { query }, options));
  return rtDate(page.items[0]?.Created as string | undefined) ?? new Date();
}

/**
 * An unprivileged user as a customer card, its creation time asked elsewhere when RT hides it (see
 * {@link customerFromRt}): never the 1970 RT writes for "not set".
 * @example `const card = await customerCard(context, await readUser(context, 'ada@example.com'));`
 */
export async function customerCard(
  context: RtAdapterContext,
  user: RtUser,
  options?: RequestOptions,
): Promise<Customer> {
  if (rtDate(user.Created)) return customerFromRt(user);
  return customerFromRt(user, { createdAt: await firstSeen(context, user, options) });
}

/**
 * Appends a signed note to the user's `Comments`, RT's free-text field about a user: reads it with its ETag,
 * appends the block after what is there (byte for byte), and writes it back only if the user is unchanged
 * (`If-Match`; RT answers 412 otherwise, and the note is appended to the newer text). RT shows and lets change
 * `Comments` only with AdminUsers: an API user without it is refused before anything is written (a summary has
 * no `Comments`, and writing blind would replace them), and a write RT did not apply is a ChangeRefusedError.
 */
async function addNote(
  context: RtAdapterContext,
  id: string,
  input: Parameters<HelpdeskAdapter['customers']['addNote']>[1],
  options?: RequestOptions,
) {
  const refused = (message: string) => new ChangeRefusedError({ message, fields: ['notes'] });
  for (let attempt = 1; ; attempt++) {
    const read = await context.http.request<unknown>({
      method: 'GET',
      path: path`/user/${id}`,
      expect: 'object',
      ...callOptions(options),
    });
    const body = read.data as Record<string, unknown>;
    const user = context.fromWire(RtUser, body);
    if (isUserSummary(body))
      throw refused(
        `Request Tracker shows user ${id}'s comments, where notes are kept, only to an API user with the AdminUsers right`,
      );
    const { text, note } = appendSignedNote(user.Comments, input, 'customers.addNote note');
    if (text === (user.Comments ?? '')) return note; // this revision is there already (a retried call)
    const etag = read.headers.etag;
    try {
      await context.http.request<unknown>({
        method: 'PUT',
        path: path`/user/${String(user.id)}`,
        body: { Comments: text },
        ...(etag ? { headers: { 'if-match': etag } } : {}),
        expect: 'json',
        ...callOptions(options),
      });
    } catch (error) {
      // Someone changed the user since the read: append to what is there now.
      if (error instanceof ApiError && error.status === 412 && attempt < NOTE_ATTEMPTS) continue;
      if (error instanceof ApiError && error.status === 412)
        throw refused(`Request Tracker user ${id} kept changing while a note was appended`);
      throw error;
    }
    // RT answers 200 with a message per field, a refusal included: what it kept says whether it applied.
    const after = await readUser(context, String(user.id), options);
    if (!(after.Comments ?? '').startsWith(text))
      throw refused(`Request Tracker did not apply the note to user ${id}'s comments`);
    return note;
  }
}

/** Every user, oldest first, each read on its own (through the adapter's directory) to tell its privileges. */
async function* allUsers(context: RtAdapterContext, options?: RequestOptions) {
  for await (const u of context.collection({
    method: 'POST',
    path: '/users',
    query: { fields: 'Name', orderby: 'id', order: 'ASC' },
    // No condition: REST2's user search takes only public fields (Name, EmailAddress, …) and drops others.
    body: [],
    options,
  })) {
    const user = await context.user(String(u.id), options);
    if (user) yield user;
  }
}

/**
 * The customers resource: RT's unprivileged users as customer cards, with the signed notes kept in `Comments`.
 * @example `await createCustomers(context).findByEmail('ada@example.com');`
 */
export function createCustomers(context: RtAdapterContext): HelpdeskAdapter['customers'] {
  const get = async (id: string, options?: RequestOptions) =>
    customerCard(context, await readUser(context, id, options), options);
  return {
    get,
    addNote: (id, input, options) => addNote(context, id, input, options),
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
        if (wire.EmailAddress?.toLowerCase() === wanted) return customerCard(context, wire, options);
      }
      return null;
    },
    async *list(input, options) {
      const filter = sinceFilter(input, 'customers.list');
      for await (const user of allUsers(context, options)) {
        if (isPrivileged(user) || NOT_CUSTOMERS.has(user.Name)) continue;
        const card = await customerCard(context, user, options);
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
