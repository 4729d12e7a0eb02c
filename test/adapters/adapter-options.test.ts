/**
 * Every adapter factory checks its options in one place and refuses a missing or bad one with a ValidationError
 * naming it (Zendesk and Trello have theirs in their own test files, next to their fakes).
 */
import { describe, expect, it } from 'vitest';
import { createRequestTrackerAdapter } from '../../src/adapters/request-tracker/index.js';
import { createMemoryAdapter, tokenAuth, ValidationError } from '../../src/index.js';
import { seed } from '../contract/contract-suite.js';
import { expectOptionRefused } from './refused-option.js';

const expectRefused = (make: () => unknown, option: string) => expectOptionRefused(make, option);

describe('adapter options', () => {
  it('Request Tracker: baseUrl must be an absolute http(s) URL; auth, pageSize and queues are checked', () => {
    const auth = tokenAuth('rt-token-1d2e');
    expectRefused(() => createRequestTrackerAdapter({ auth } as never), 'baseUrl');
    expectRefused(() => createRequestTrackerAdapter({ baseUrl: 'rt.example.org', auth }), 'baseUrl');
    expectRefused(() => createRequestTrackerAdapter({ baseUrl: 'file:///etc', auth }), 'baseUrl');
    expectRefused(() => createRequestTrackerAdapter({ baseUrl: 'https://rt.example.org' } as never), 'auth');
    expectRefused(
      () => createRequestTrackerAdapter({ baseUrl: 'https://rt.example.org', auth, pageSize: 500 }),
      'pageSize',
    );
    expectRefused(
      () =>
        createRequestTrackerAdapter({ baseUrl: 'https://rt.example.org', auth, queues: 'Support' as never }),
      'queues',
    );
    expect(() => createRequestTrackerAdapter(undefined as never)).toThrow(ValidationError);
    expect(() => createRequestTrackerAdapter({ baseUrl: 'https://rt.example.org', auth })).not.toThrow();
  });

  it('memory: pageSize and defaultAuthorId are checked; the default author writes messages without authorId', async () => {
    expectRefused(() => createMemoryAdapter(seed, { pageSize: 0 }), 'pageSize');
    expectRefused(() => createMemoryAdapter(seed, { defaultAuthorId: '201' }), 'defaultAuthorId');
    const helpdesk = createMemoryAdapter(
      { ...seed, agents: [...seed.agents, { ...seed.agents[0]!, id: '302', name: 'Lia' }] },
      { defaultAuthorId: '302' },
    );
    expect(await helpdesk.tickets.addMessage('100', { public: true, body: 'Hi' })).toMatchObject({
      authorId: '302',
      authorRole: 'agent',
    });
    const noAgents = createMemoryAdapter({ ...seed, agents: [] });
    await expect(noAgents.tickets.addMessage('100', { public: true, body: 'Hi' })).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(/authorId/),
    });
  });
});
