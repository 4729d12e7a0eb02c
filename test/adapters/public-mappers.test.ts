import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as rtMap from '../../src/adapters/request-tracker/map.js';
import * as rt from '../../src/adapters/request-tracker/public.js';
import { RtTicket, RtTransaction, RtUser } from '../../src/adapters/request-tracker/wire.js';
import * as trelloMap from '../../src/adapters/trello/map.js';
import * as trello from '../../src/adapters/trello/public.js';
import { TrelloCard, TrelloCustomField, TrelloLabel, TrelloList } from '../../src/adapters/trello/wire.js';
import * as zendeskMap from '../../src/adapters/zendesk/map/index.js';
import * as zendesk from '../../src/adapters/zendesk/public.js';
import {
  ZendeskArticle,
  ZendeskComment,
  ZendeskGroup,
  ZendeskOrganization,
  ZendeskSatisfactionRating,
  ZendeskSlaPolicy,
  ZendeskTicket,
} from '../../src/adapters/zendesk/wire.js';
import { ValidationError } from '../../src/index.js';
import { readSpecFixture, specExample } from './openapi.js';

/**
 * The mappers of supportkit-ts/zendesk, supportkit-ts/trello and supportkit-ts/request-tracker read raw vendor JSON through
 * the wire schemas before mapping: the same JSON gives the same result as the internal mapper given the parsed
 * wire object, and garbage is a ValidationError naming the function and the argument, never a TypeError.
 */

const json = <T = unknown>(path: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as T;
const spec = readSpecFixture('zendesk');
const example = (name: string) => specExample(spec, name);

/** The ValidationError `run` throws (failing the test when it returns or throws anything else). */
function validationError(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('public Zendesk mappers on raw Zendesk JSON', () => {
  it('map the spec’s examples exactly as the internal mappers map the parsed wire objects', () => {
    const ticket = example('TicketObject');
    const context = { subdomain: 'company', customStatuses: new Map([['35436', 'pending']]) };
    expect(zendesk.ticketFromZendesk(ticket as never, context)).toEqual(
      zendeskMap.ticketFromZendesk(ZendeskTicket.parse(ticket), context),
    );
    const comment = example('TicketCommentObject');
    const agents = new Set(['1']);
    expect(zendesk.messageFromZendesk(comment as never, '35436', agents)).toEqual(
      zendeskMap.messageFromZendesk(ZendeskComment.parse(comment), '35436', agents),
    );
    const organization = example('OrganizationObject');
    expect(zendesk.organizationFromZendesk(organization as never)).toEqual(
      zendeskMap.organizationFromZendesk(ZendeskOrganization.parse(organization)),
    );
    const group = example('GroupObject');
    expect(zendesk.groupFromZendesk(group as never)).toEqual(
      zendeskMap.groupFromZendesk(ZendeskGroup.parse(group)),
    );
    const rating = example('SatisfactionRatingObject');
    expect(zendesk.csatFromZendesk(rating as never)).toEqual(
      zendeskMap.csatFromZendesk(ZendeskSatisfactionRating.parse(rating)),
    );
  });

  it('map an SLA policy and a Help Center article read straight from the response bodies', () => {
    const [policy] = json<{ SLAPoliciesResponseExample: { sla_policies: unknown[] } }>(
      'zendesk-sla-policies.json',
    ).SLAPoliciesResponseExample.sla_policies;
    expect(zendesk.slaPolicyFromZendesk(policy as never)).toEqual(
      zendeskMap.slaPolicyFromZendesk(ZendeskSlaPolicy.parse(policy)),
    );
    const { article } = json<{ article: unknown }>('zendesk-help-center.json');
    const context = { sectionNames: new Map([['1635', 'Avionics']]) };
    expect(zendesk.articleFromZendesk(article as never, context)).toEqual(
      zendeskMap.articleFromZendesk(ZendeskArticle.parse(article), context),
    );
  });

  it('answer garbage with a ValidationError naming the function and the argument’s path, never its value', () => {
    expect(validationError(() => zendesk.ticketFromZendesk(undefined as never))).toMatchObject({
      subject: 'ticketFromZendesk() arguments',
      issues: [{ path: ['wire'], code: 'invalid_type' }],
    });
    const secret = 'my card number is 4242 4242 4242 4242';
    const error = validationError(() =>
      zendesk.ticketFromZendesk(
        { id: 1, subject: secret, created_at: 42 } as never,
        { subdomain: 7 } as never,
      ),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['wire', 'created_at'],
      ['context', 'subdomain'],
    ]);
    expect(error.message).not.toContain('4242');
    expect(validationError(() => zendesk.channelFromVia({}))).toMatchObject({
      subject: 'channelFromVia() arguments',
      issues: [{ path: ['channel'] }],
    });
    expect(
      validationError(() =>
        zendesk.messageFromZendesk(example('TicketCommentObject') as never, '1', [] as never),
      ).issues[0]?.path,
    ).toEqual(['agentIds']);
    expect(
      validationError(() => zendesk.bulkResults({ id: 'j', status: 'completed' }, 0, 1e12)).subject,
    ).toBe('bulkResults() arguments');
  });

  it('check the rate limiter’s options, naming the option', () => {
    expect(validationError(() => zendesk.zendeskRateLimiter({ nonBlocking: 'yes' } as never))).toMatchObject({
      subject: 'zendeskRateLimiter() options',
      issues: [{ path: ['nonBlocking'] }],
    });
  });
});

describe('public Request Tracker mappers on raw REST2 JSON', () => {
  const user = (name: string) => ({ type: 'user', id: name, _url: `http://rt.test/REST/2.0/user/${name}` });
  const ticket = {
    id: 7,
    Subject: 'Printer on fire',
    Status: 'stalled',
    Priority: '80',
    Queue: { type: 'queue', id: '3' },
    Owner: user('marco'),
    Creator: user('root'),
    Requestor: [user('ada@example.com')],
    CustomFields: [{ type: 'customfield', id: '2', name: 'Tags', values: ['billing', 'vip'] }],
    Created: '2026-03-02T08:00:00Z',
    LastUpdated: '2026-03-02T09:30:00Z',
    TimeWorked: '0',
  };

  it('map a ticket, a user and transactions as the internal mappers map the parsed wire objects', () => {
    const context = { baseUrl: 'https://rt.example.org' };
    expect(rt.ticketFromRt(ticket as never, context)).toEqual(
      rtMap.ticketFromRt(RtTicket.parse(ticket), context),
    );
    const ada = { id: 40, Name: 'ada', EmailAddress: 'ada@example.com', Created: '2026-01-01T00:00:00Z' };
    expect(rt.customerFromRt(ada as never)).toEqual(rtMap.customerFromRt(RtUser.parse(ada)));
    const transactions = [
      { id: '1', Type: 'Create', Created: '2026-03-02T08:00:00Z', Creator: user('root') },
      { id: '2', Type: 'Status', OldValue: 'new', NewValue: 'stalled', Created: '2026-03-02T08:05:00Z' },
    ];
    expect(rt.eventsFromRt('7', transactions as never, {})).toEqual(
      rtMap.eventsFromRt(
        '7',
        transactions.map((t) => RtTransaction.parse(t)),
        {},
      ),
    );
  });

  it('answer garbage with a ValidationError naming the function', () => {
    expect(validationError(() => rt.statusFromRt(5 as never))).toMatchObject({
      subject: 'statusFromRt() arguments',
      issues: [{ path: ['status'] }],
    });
    expect(
      validationError(() => rt.ticketFromRt({ ...ticket, Status: null } as never)).issues[0]?.path,
    ).toEqual(['wire', 'Status']);
  });

  it('treat statuses and priorities named like Object.prototype members as plain names', () => {
    expect(rt.statusFromRt('constructor')).toBe('constructor');
    expect(rt.statusToRt('toString')).toBe('toString');
    expect(rt.priorityToRt('__proto__')).toBe(50);
  });
});

describe('public Trello mappers on raw Trello JSON', () => {
  const cards = json<unknown[]>('real/trello/ruby-trello.board-cards.json');
  const board: trelloMap.TrelloBoard = {
    lists: new Map(
      json<unknown[]>('real/trello/ruby-trello.board-lists.json')
        .map((l) => TrelloList.parse(l))
        .map((l) => [l.id, l.name]),
    ),
    labels: new Map(
      json<unknown[]>('real/trello/ruby-trello.board-labels.json')
        .map((l) => TrelloLabel.parse(l))
        .map((l) => [l.id, trelloMap.labelTag(l)]),
    ),
    customFields: json<unknown[]>('real/trello/ruby-trello.board-customFields.json').map((f) =>
      TrelloCustomField.parse(f),
    ),
    members: new Set(['5e679b808e6e8828784b30e1']),
  };

  it('map real cards exactly as the internal mapper maps the parsed wire objects', () => {
    for (const card of cards)
      expect(trello.ticketFromTrello(card as never, board)).toEqual(
        trelloMap.ticketFromTrello(TrelloCard.parse(card), board),
      );
  });

  it('answer garbage with a ValidationError naming the function', () => {
    expect(validationError(() => trello.createdAtOfTrelloId([] as never))).toMatchObject({
      subject: 'createdAtOfTrelloId() arguments',
      issues: [{ path: ['id'] }],
    });
    expect(
      validationError(() => trello.ticketFromTrello(cards[0] as never, { ...board, lists: {} } as never))
        .issues[0]?.path,
    ).toEqual(['board', 'lists']);
    expect(validationError(() => trello.trelloRateLimiter(null as never))).toMatchObject({
      subject: 'trelloRateLimiter() options',
    });
  });
});
