/**
 * What REST2 does not have: organizations, surveys, business hours, SLA policies and articles. Each throws an
 * UnsupportedError naming the operation, so a caller learns why rather than getting an empty list.
 */
import type { HelpdeskAdapter } from '../contract.js';
import { unsupportedBy } from '../kit/index.js';
import { ADAPTER } from './context.js';

const { list, call } = unsupportedBy(ADAPTER);

/**
 * The namespaces RT lacks, for the factory to spread into the adapter.
 * @example `const adapter = { ...unsupportedByRt, tickets, customers };`
 */
export const unsupportedByRt: Pick<
  HelpdeskAdapter,
  'organizations' | 'surveys' | 'schedules' | 'slaPolicies' | 'articles'
> = {
  organizations: {
    list: list('organizations.list', "RT has no organizations (a user's Organization is free text)"),
    get: call('organizations.get', 'RT has no organizations'),
  },
  surveys: {
    listCsat: list('surveys.listCsat', 'RT has no satisfaction surveys'),
    listNps: list('surveys.listNps', 'RT has no NPS surveys'),
  },
  schedules: { list: list('schedules.list', 'REST2 exposes no business hours') },
  slaPolicies: { list: list('slaPolicies.list', 'REST2 exposes no SLA policies') },
  articles: {
    list: list('articles.list', 'REST2 exposes no articles'),
    get: call('articles.get', 'REST2 exposes no articles'),
  },
};
