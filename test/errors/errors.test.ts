import { describe, expect, it } from 'vitest';
import { errorFromResponse, parseRetryAfter, redactUrl } from '../../src/http/index.js';
import {
  ApiError,
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  SupportkitError,
  UnsupportedError,
  ValidationError,
  WebhookVerificationError,
} from '../../src/index.js';

describe('errorFromResponse', () => {
  it.each([
    [401, AuthenticationError, 'authentication_failed'],
    [404, NotFoundError, 'not_found'],
    [429, RateLimitError, 'rate_limited'],
    [502, InternalServerError, 'server_error'],
    [418, ApiError, 'api_error'],
  ])('maps %i to its class', (status, Class, code) => {
    const error = errorFromResponse({
      status,
      adapter: 'zendesk',
      method: 'get',
      url: 'https://a.zendesk.com/api/v2/x',
    });
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(SupportkitError);
    expect(error.code).toBe(code);
    expect(error.message).toContain(`HTTP ${status} from zendesk GET https://a.zendesk.com/api/v2/x`);
  });

  it('reads Retry-After and the request id, case-insensitively', () => {
    const error = errorFromResponse({
      status: 429,
      headers: { 'Retry-After': '17', 'X-Zendesk-Request-Id': 'abc' },
    });
    expect(error.retryAfter).toBe(17);
    expect(error.requestId).toBe('abc');
    const fromHeaders = errorFromResponse({ status: 503, headers: new Headers({ 'retry-after': '3' }) });
    expect(fromHeaders.retryAfter).toBe(3);
  });

  it('never carries a secret from the URL', () => {
    const error = errorFromResponse({
      status: 401,
      url: 'https://user:pw@api.trello.com/1/cards?key=KEY123&token=TOK456&limit=10',
    });
    const text = `${error.message} ${JSON.stringify(error)}`;
    expect(text).not.toMatch(/KEY123|TOK456|pw@/);
    expect(error.url).toContain('limit=10');
  });
});

describe('parseRetryAfter and redactUrl', () => {
  it('reads seconds and HTTP dates, never negative', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:27:30 GMT');
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', now)).toBe(30);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it('leaves relative paths without their query', () => {
    expect(redactUrl('/api/v2/tickets?access_token=x')).toBe('/api/v2/tickets');
  });
});

describe('the rest of the hierarchy', () => {
  it('names adapter and operation, reasons and issues', () => {
    const unsupported = new UnsupportedError('trello', 'surveys.listCsat');
    expect(unsupported.message).toBe('The trello adapter does not support surveys.listCsat');
    expect(new WebhookVerificationError('stale_timestamp', 'too old').code).toBe('webhook_stale_timestamp');
    const validation = new ValidationError('Ticket', [{ path: ['a', 0], code: 'custom', message: 'bad' }]);
    expect(validation.message).toBe('Validation failed for Ticket (1 issue):\n  - a[0]: bad');
    expect(validation.toJSON()).toMatchObject({ name: 'ValidationError', code: 'validation_error' });
    expect(validation.name).toBe('ValidationError');
  });
});
