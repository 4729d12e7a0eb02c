/**
 * Zendesk users, the contract's customers (end users, as customer cards) and agents (agents and admins).
 * https://developer.zendesk.com/api-reference/ticketing/users/users/
 */
import type { Agent } from '../../models/agent.js';
import type { Customer, CustomerNote } from '../../models/customer.js';
import { CustomerCreate, type CustomerNoteCreateInput, CustomerPatch } from '../../models/inputs.js';
import { parse } from '../../models/parse.js';
import type { RequestOptions, SinceFilter } from '../contract.js';
import { appendSignedNote, callOptions, path, sinceFilter } from '../kit/index.js';
import type { ZendeskContext } from './context.js';
import {
  agentFromZendesk,
  customerCreateToZendesk,
  customerFromZendesk,
  customerPatchToZendesk,
} from './map/index.js';
import { ZendeskUser } from './wire.js';

/**
 * The customer resource of the Zendesk adapter: end users as customer cards.
 *
 * @example
 * ```ts
 * const card = await zendeskCustomers(context).findByEmail('ada@example.com');
 * ```
 */
export function zendeskCustomers(context: ZendeskContext) {
  /** The customer card in an answer's `user`. */
  const customerOf = async (answer: Promise<{ user: unknown }>) =>
    customerFromZendesk(context.read(ZendeskUser, (await answer).user));
  return {
    get: async (id: string, opts?: RequestOptions): Promise<Customer> =>
      customerOf(context.get(path`/api/v2/users/${id}.json`, opts)),
    async findByEmail(email: string, opts?: RequestOptions): Promise<Customer | null> {
      const response = await context.http.request<{ users?: unknown[] }>({
        method: 'GET',
        path: '/api/v2/users/search.json',
        query: { query: `email:${email.trim()}` },
        ...callOptions(opts),
      });
      const wanted = email.trim().toLowerCase();
      const match = (response.data.users ?? [])
        .map((u) => context.read(ZendeskUser, u))
        .find((u) => u.email?.toLowerCase() === wanted);
      return match ? customerFromZendesk(match) : null;
    },
    async *list(input?: SinceFilter, opts?: RequestOptions): AsyncGenerator<Customer> {
      const filter = sinceFilter(input, 'customers.list');
      const users = context.cursorList<unknown>({
        path: '/api/v2/users.json',
        key: 'users',
        query: { role: 'end-user' },
        options: opts,
      });
      for await (const wire of users) {
        const customer = customerFromZendesk(context.read(ZendeskUser, wire));
        if (!filter.since || customer.createdAt >= filter.since) yield customer;
      }
    },
    create: async (input: CustomerCreate, opts?: RequestOptions): Promise<Customer> => {
      const body = customerCreateToZendesk(parse(CustomerCreate, input, 'customer to create'));
      return customerOf(context.write({ method: 'POST', path: '/api/v2/users.json', body, options: opts }));
    },
    update: async (id: string, patch: CustomerPatch, opts?: RequestOptions): Promise<Customer> => {
      const body = customerPatchToZendesk(parse(CustomerPatch, patch, 'customer changes'));
      return customerOf(
        context.write({ method: 'PUT', path: path`/api/v2/users/${id}.json`, body, options: opts }),
      );
    },
    /**
     * Appends a signed note to the user's `notes` field: reads the field, appends, writes the whole field back.
     * Repeating the PUT sets the same text, so a retry cannot append twice; two operators writing at the same
     * instant can still overwrite each other (Zendesk has no conditional update for users).
     */
    async addNote(id: string, input: CustomerNoteCreateInput, opts?: RequestOptions): Promise<CustomerNote> {
      const body = await context.get<{ user: unknown }>(path`/api/v2/users/${id}.json`, opts);
      const user = context.read(ZendeskUser, body.user);
      const { text, note } = appendSignedNote(user.notes, input, 'customers.addNote note');
      if (text !== (user.notes ?? '')) {
        await context.write({
          method: 'PUT',
          path: path`/api/v2/users/${id}.json`,
          body: { user: { notes: text } },
          options: opts,
        });
      }
      return note;
    },
  };
}

/**
 * The agent resource of the Zendesk adapter: agents, then admins.
 *
 * @example
 * ```ts
 * for await (const agent of zendeskAgents(context).list()) console.log(agent.name, agent.role);
 * ```
 */
export function zendeskAgents(context: ZendeskContext) {
  return {
    async *list(opts?: RequestOptions): AsyncGenerator<Agent> {
      for (const role of ['agent', 'admin']) {
        const users = context.cursorList<unknown>({
          path: '/api/v2/users.json',
          key: 'users',
          query: { 'role[]': role },
          options: opts,
        });
        for await (const wire of users) yield agentFromZendesk(context.read(ZendeskUser, wire));
      }
    },
    get: async (id: string, opts?: RequestOptions): Promise<Agent> => {
      const body = await context.get<{ user: unknown }>(path`/api/v2/users/${id}.json`, opts);
      return agentFromZendesk(context.read(ZendeskUser, body.user));
    },
  };
}
