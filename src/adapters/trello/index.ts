import type { AuthOption } from '../../http/auth.js';
import { createRateLimiter, type RateLimiter } from '../../http/rate-limit.js';
import { type AdapterCapabilities, FULL_CAPABILITIES, type HelpdeskAdapter } from '../contract.js';
import {
  type AdapterTransportOptions,
  anyValue,
  checkOptions,
  guardArguments,
  objectOption,
  rateLimiterOptions,
  transportOptionChecks,
} from '../kit/index.js';
import { createActions } from './actions.js';
import { createCards } from './cards.js';
import { createChanges } from './changes.js';
import { createComments } from './comments.js';
import { ADAPTER, createTrelloContext } from './context.js';
import type { TrelloMapping } from './map.js';
import { createMembers } from './members.js';
import { unsupportedByTrello } from './unsupported.js';

/** Options of {@link createTrelloAdapter}. */
export interface TrelloAdapterOptions extends AdapterTransportOptions {
  key: string;
  token: string;
  /** The board that is the helpdesk. */
  boardId: string;
  mapping?: TrelloMapping;
  /** Another base URL (a proxy, a test server). @default https://api.trello.com/1 */
  baseUrl?: string;
  /** Replaces Trello's budgets (300 requests per 10 s per key, 100 per 10 s per token). */
  rateLimiter?: RateLimiter;
  /** Provide your own auth instead of key and token (tests), a provider or plain `{ key, token }`. */
  auth?: AuthOption;
}

const CAPABILITIES: AdapterCapabilities = {
  ...FULL_CAPABILITIES,
  customers: { get: false, findByEmail: false, list: false, create: false, update: false, notes: false },
  groups: false,
  organizations: false,
  surveys: { csat: false, nps: false },
  schedules: false,
  slaPolicies: false,
  articles: false,
};

/**
 * Trello's rate limits: 300 requests per 10 s per API key and 100 per 10 s per token.
 * https://developer.atlassian.com/cloud/trello/guides/rest-api/rate-limits/
 *
 * @example
 * ```ts
 * createTrelloAdapter({ key, token, boardId, rateLimiter: trelloRateLimiter() });
 * ```
 */
export function trelloRateLimiter(options: { nonBlocking?: boolean } = {}): RateLimiter {
  const { nonBlocking } = rateLimiterOptions('trelloRateLimiter', options);
  return createRateLimiter({
    budgets: { key: { limit: 300, windowMs: 10_000 }, token: { limit: 100, windowMs: 10_000 } },
    budgetsFor: () => ['key', 'token'],
    nonBlocking,
  });
}

const secret = (value: unknown, all: Record<string, unknown>) =>
  all.auth !== undefined || (typeof value === 'string' && value.trim() !== '')
    ? undefined
    : 'required unless auth is given';

/**
 * A Trello board as a helpdesk: lists are statuses (by name — Inbox/New, Doing/In progress, Waiting, Done — or
 * `mapping.lists`), cards are tickets, labels tags (priority labels set the priority), members agents, comments
 * messages (a comment starting with `mapping.privateNotePrefix` is a private note; the card description is the
 * opening message), and card moves, label and member changes from the board's actions the tickets' history. The
 * requester lives in a text custom field ("Requester"). Trello has no customers, groups, organizations, surveys,
 * schedules, SLA policies or articles: those throw UnsupportedError.
 *
 * @example
 * ```ts
 * import { createTrelloAdapter } from 'supportkit-ts/trello';
 * const board = createTrelloAdapter({ key: process.env.TRELLO_KEY!, token: process.env.TRELLO_TOKEN!, boardId: 'kV2cF3Yq' });
 * for await (const ticket of board.tickets.list({ status: ['new'] })) console.log(ticket.subject);
 * ```
 */
export function createTrelloAdapter(options: TrelloAdapterOptions): HelpdeskAdapter {
  checkOptions('createTrelloAdapter', options, {
    boardId: (value) =>
      typeof value === 'string' && /^[0-9A-Za-z]+$/.test(value)
        ? undefined
        : value === undefined
          ? 'required: a board id or short link'
          : 'expected a board id or short link',
    key: secret,
    token: secret,
    ...transportOptionChecks,
    auth: anyValue,
    mapping: objectOption(),
  });
  const context = createTrelloContext(options, trelloRateLimiter);
  const cards = createCards(context);
  const comments = createComments(context);
  const actions = createActions(context);
  return guardArguments({
    name: ADAPTER,
    capabilities: CAPABILITIES,
    tickets: {
      list: cards.list,
      get: cards.get,
      create: cards.create,
      update: cards.update,
      addMessage: comments.addMessage,
      listMessages: comments.listMessages,
      listEvents: actions.listEvents,
    },
    agents: createMembers(context),
    ...unsupportedByTrello,
    changes: createChanges(context),
  });
}
