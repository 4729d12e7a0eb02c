/**
 * What a Trello board does not have: customers, groups, organizations, surveys, business hours, SLA policies and
 * articles. Each throws an UnsupportedError naming the operation, so a caller learns why rather than getting an
 * empty list.
 */
import type { HelpdeskAdapter } from '../contract.js';
import { unsupportedBy } from '../kit/index.js';
import { ADAPTER } from './context.js';

const { list, call } = unsupportedBy(ADAPTER);

/**
 * The namespaces Trello lacks, for the factory to spread into the adapter.
 * @example `const adapter = { ...unsupportedByTrello, tickets, agents };`
 */
export const unsupportedByTrello: Pick<
  HelpdeskAdapter,
  'customers' | 'groups' | 'organizations' | 'surveys' | 'schedules' | 'slaPolicies' | 'articles'
> = {
  customers: {
    get: call('customers.get', 'Trello has no customers'),
    findByEmail: call('customers.findByEmail', 'Trello has no customers'),
    list: list('customers.list', 'Trello has no customers'),
    addNote: call('customers.addNote', 'Trello has no customers'),
    create: call('customers.create', 'Trello has no customers'),
    update: call('customers.update', 'Trello has no customers'),
  },
  groups: {
    list: list('groups.list', 'a Trello board has no groups'),
    get: call('groups.get', 'a Trello board has no groups'),
  },
  organizations: {
    list: list('organizations.list', 'Trello has no customer organizations'),
    get: call('organizations.get', 'Trello has no customer organizations'),
  },
  surveys: {
    listCsat: list('surveys.listCsat', 'Trello has no surveys'),
    listNps: list('surveys.listNps', 'Trello has no surveys'),
  },
  schedules: { list: list('schedules.list', 'Trello has no business hours') },
  slaPolicies: { list: list('slaPolicies.list', 'Trello has no SLA policies') },
  articles: {
    list: list('articles.list', 'Trello has no knowledge base'),
    get: call('articles.get', 'Trello has no knowledge base'),
  },
};
