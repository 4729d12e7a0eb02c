import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorFromResponse, redactUrl } from '../../src/http/index.js';
import {
  ApiError,
  AuthenticationError,
  CrossOriginError,
  MalformedResponseError,
  NetworkError,
  RateLimitError,
  TimeoutError,
} from '../../src/index.js';

const SECRET_KEYS = [
  'token',
  'access_token',
  'api_key',
  'key',
  'client_secret',
  'password',
  'pwd',
  'jwt',
  'bearer',
  'sid',
  'jsessionid',
  'signature',
  'sig',
  'X-Amz-Credential',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
  'code',
  'auth',
];

/** A key in any letter case. */
const secretKey = fc
  .tuple(fc.constantFrom(...SECRET_KEYS), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }))
  .map(([key, upper]) => [...key].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''));
/** A secret value, marked so it cannot occur in the URL by chance. */
const secretValue = fc.stringMatching(/^[A-Za-z0-9._~-]{6,20}$/).map((v) => `S3CR3T${v}`);
const plainKey = fc.constantFrom('page', 'per_page', 'limit', 'include', 'query', 'sort_by');
const plainValue = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const where = fc.constantFrom('query', 'fragment', 'matrix', 'userinfo');

describe('redactUrl', () => {
  it('never lets a secret value through, wherever and however the key is written (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(secretKey, secretValue, where), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(plainKey, plainValue), { maxLength: 3 }),
        fc.boolean(),
        (secrets, plain, relative) => {
          const query: string[] = plain.map(([k, v]) => `${k}=${v}`);
          const fragment: string[] = [];
          let matrix = '';
          let userinfo = '';
          for (const [key, value, place] of secrets) {
            if (place === 'query') query.push(`${encodeURIComponent(key)}=${value}`);
            else if (place === 'fragment') fragment.push(`${key}=${value}`);
            else if (place === 'matrix') matrix += `;${key}=${value}`;
            else userinfo = `user:${value}@`;
          }
          const path = `/api/v2/tickets${matrix}/1.json`;
          const tail = `${query.length ? `?${query.join('&')}` : ''}${fragment.length ? `#${fragment.join('&')}` : ''}`;
          const url = relative ? `${path}${tail}` : `https://${userinfo}acme.example.com${path}${tail}`;
          const out = redactUrl(url);
          expect(out).not.toContain('S3CR3T');
          expect(out).toContain('/api/v2/tickets');
          if (!relative) for (const [k, v] of plain) expect(out).toContain(`${k}=${v}`);
        },
      ),
    );
  });

  it('redacts fragments, matrix parameters and the newer keys, case-insensitively', () => {
    expect(redactUrl('https://app.example.com/cb#access_token=abc&state=1')).toBe(
      'https://app.example.com/cb#access_token=[redacted]&state=1',
    );
    expect(redactUrl('https://x.example.com/a;JSESSIONID=abc/b;token=def;v=1')).toBe(
      'https://x.example.com/a;JSESSIONID=[redacted]/b;token=[redacted];v=1',
    );
    expect(
      redactUrl(
        'https://s3.example.com/o?X-Amz-Credential=AKIA&X-AMZ-SIGNATURE=ff&JWT=e.y&Pwd=p&sid=s&page=2',
      ),
    ).toBe(
      'https://s3.example.com/o?X-Amz-Credential=[redacted]&X-AMZ-SIGNATURE=[redacted]&JWT=[redacted]&Pwd=[redacted]&sid=[redacted]&page=2',
    );
    expect(redactUrl('https://x.example.com/p#section-2')).toBe('https://x.example.com/p');
  });
});

describe('public error constructors redact too', () => {
  const url = 'https://id:pw-value@acme.example.com/api/x;sid=sid-value?token=tok-value&page=2#jwt=jwt-value';
  const leaks = /pw-value|sid-value|tok-value|jwt-value/;
  const request = { adapter: 'test', method: 'GET', url };

  it.each([
    ['ApiError', () => new ApiError({ status: 500, ...request })],
    ['AuthenticationError', () => new AuthenticationError({ status: 401, ...request })],
    ['RateLimitError', () => new RateLimitError({ status: 429, ...request })],
    ['errorFromResponse', () => errorFromResponse({ status: 404, ...request })],
    ['NetworkError', () => new NetworkError(request, 'ECONNRESET')],
    ['TimeoutError', () => new TimeoutError(request, 1000)],
    ['MalformedResponseError', () => new MalformedResponseError(request, 'not_json', 200)],
  ] as const)('%s', (_name, make) => {
    const error = make() as Error & { url?: string; request?: { url?: string } };
    expect(
      `${error.message} ${JSON.stringify(error)} ${error.url ?? ''} ${error.request?.url ?? ''}`,
    ).not.toMatch(leaks);
    expect(error.message).toContain('page=2');
  });

  it('CrossOriginError names only the origin', () => {
    const error = new CrossOriginError({
      adapter: 'zendesk',
      origin: 'https://evil.example:8443',
      expectedOrigin: 'https://acme.zendesk.com',
    });
    expect(error.message).toBe(
      'The zendesk adapter refused to follow a URL to https://evil.example:8443: only https://acme.zendesk.com is trusted with its credentials',
    );
  });
});
