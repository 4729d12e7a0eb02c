import { describe, expectTypeOf, it } from 'vitest';
import { createWebhookHandler, type WebhookHandlerOptions } from '../../src/index.js';

const secret = 'whsec_types';

describe('createWebhookHandler options are a union by vendor', () => {
  it("requires Trello's callbackURL at compile time", () => {
    // @ts-expect-error Trello signs the callback URL with the body: without it nothing verifies.
    createWebhookHandler({ vendor: 'trello', secret });
    createWebhookHandler({ vendor: 'trello', secret, callbackURL: 'https://hooks.example.com/trello' });
  });

  it('refuses an option of another vendor', () => {
    // @ts-expect-error frontScheme means nothing to Zendesk.
    createWebhookHandler({ vendor: 'zendesk', secret, frontScheme: 'application' });
    createWebhookHandler({ vendor: 'front', secret, frontScheme: 'application' });
  });

  it('narrows by vendor', () => {
    const options = { vendor: 'trello', secret, callbackURL: 'https://x' } as WebhookHandlerOptions;
    if (options.vendor === 'trello') expectTypeOf(options.callbackURL).toEqualTypeOf<string>();
  });
});
