/**
 * Help Center articles through the Zendesk adapter: the wire schema, the pure mapper, the Article model, the
 * locale and section walk with cursor pagination, and ids checked before any request.
 */
import { readFileSync } from 'node:fs';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { articleFromZendesk, htmlToText } from '../../../src/adapters/zendesk/map/index.js';
import { ZendeskArticle } from '../../../src/adapters/zendesk/wire.js';
import { createRateLimiter } from '../../../src/http/index.js';
import {
  Article,
  apiTokenAuth,
  createZendeskAdapter,
  NotFoundError,
  ValidationError,
} from '../../../src/index.js';
import { seed } from '../../contract/contract-suite.js';
import { BASE, fakeZendesk } from './fake.js';

// Examples from the Help Center API reference (see the fixture's _source).
const help = JSON.parse(
  readFileSync(new URL('../../fixtures/zendesk-help-center.json', import.meta.url), 'utf8'),
) as { article: Record<string, unknown>; section: Record<string, unknown>; locales: Record<string, unknown> };

const server = setupServer();
const requests: string[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    requests.push(`${url.pathname}${url.search}`);
  });
});
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => server.close());

const make = (pageSize = 100) =>
  createZendeskAdapter({
    subdomain: 'acme',
    auth: apiTokenAuth({ email: 'agent@acme.test', token: 'zd-secret-token-8b1f' }),
    rateLimiter: createRateLimiter(),
    retry: { baseDelayMs: 1, maxRetries: 0 },
    pageSize,
  });
const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe('articleFromZendesk on the Help Center reference', () => {
  it('maps every field the knowledge base needs, parsed by the Article model', () => {
    const article = articleFromZendesk(ZendeskArticle.parse(help.article), {
      sectionNames: new Map([[String(help.section.id), String(help.section.name)]]),
    });
    expect(article).toEqual({
      id: '37486578',
      source: {
        adapter: 'zendesk',
        id: '37486578',
        url: 'https://company.zendesk.com/hc/en-us/articles/37486578-Flying-in-fog',
      },
      title: 'Flying in fog',
      body: 'Before you take off Check the altimeter & the pitot heat. Lights on Speed < 120 kt',
      html: help.article.body,
      locale: 'en-us',
      labels: ['weather', 'safety'],
      sectionId: '1635',
      sectionName: 'Avionics',
      authorId: '3465',
      draft: false,
      outdated: false,
      url: 'https://company.zendesk.com/hc/en-us/articles/37486578-Flying-in-fog',
      createdAt: new Date('2026-01-10T10:00:00Z'),
      updatedAt: new Date('2026-02-01T10:00:00Z'),
    });
    expect(Article.parse(article)).toEqual(article);
  });

  it('marks a translation outdated when its locale is among outdated_locales', () => {
    const de = articleFromZendesk(ZendeskArticle.parse({ ...help.article, locale: 'de' }));
    expect(de).toMatchObject({ locale: 'de', outdated: true });
    expect(de.sectionName).toBeUndefined();
  });

  it('refuses a garbage updated_at with a ValidationError naming updatedAt (it was an Invalid Date)', () => {
    const wire = ZendeskArticle.parse({ ...help.article, updated_at: 'last Tuesday' });
    const error = (() => {
      try {
        articleFromZendesk(wire);
      } catch (e) {
        return e;
      }
    })() as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((i) => i.path)).toEqual([['updatedAt']]);
    // Paths and types, never the article's text or the offending value.
    expect(error.message).not.toMatch(/Tuesday|Flying|altimeter/);
  });

  it('reads an underscore locale (en_us) as the BCP 47 tag it means, and refuses a malformed one', () => {
    expect(articleFromZendesk(ZendeskArticle.parse({ ...help.article, locale: 'en_us' })).locale).toBe(
      'en-us',
    );
    expect(() => articleFromZendesk(ZendeskArticle.parse({ ...help.article, locale: '??' }))).toThrow(
      ValidationError,
    );
  });

  it('turns article HTML into plain text: inline tags join words, blocks separate them, entities decoded once', () => {
    expect(htmlToText('<p>Re<b>set</b> your<br>password</p><p>&amp;lt; stays &lt;</p>')).toBe(
      'Reset your password &lt; stays <',
    );
    expect(htmlToText('<style>p{}</style><!-- note --><p>a&#x2192;b &#0; &bogus;</p>')).toBe(
      'a→b &#0; &bogus;',
    );
  });
});

describe('zendesk.articles through the Help Center API', () => {
  it('walks every locale, each locale’s sections then its articles, page by page (cursor pagination)', async () => {
    server.use(...fakeZendesk(seed).handlers);
    const articles = await collect(make(1).articles.list());
    expect(articles.map((a) => `${a.id}/${a.locale}/${a.sectionName}`)).toEqual([
      '801/en-us/Accounts',
      '802/en-us/Billing',
      '801/it/Account',
    ]);
    const paths = requests.map((r) => r.replace(/\?.*/, ''));
    expect(paths).toEqual([
      '/api/v2/help_center/locales.json',
      '/api/v2/help_center/en-us/sections.json',
      '/api/v2/help_center/en-us/sections.json',
      '/api/v2/help_center/en-us/articles.json',
      '/api/v2/help_center/en-us/articles.json',
      '/api/v2/help_center/it/sections.json',
      '/api/v2/help_center/it/articles.json',
    ]);
    expect(requests[1]).toContain('page%5Bsize%5D=1');
    expect(requests[2]).toContain('page%5Bafter%5D=');
  });

  it('validates the id before any request: get({}) and get("") never ask for /articles/undefined', async () => {
    server.use(...fakeZendesk(seed).handlers);
    const zendesk = make();
    for (const bad of [{}, undefined, '', '12 OR 1=1', '../sections/1']) {
      const error = await zendesk.articles.get(bad as unknown as string).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.issues[0].path).toEqual(['id']);
      expect(error.message).not.toContain('OR 1=1');
    }
    expect(requests).toEqual([]);
  });

  it('gets one article with its section’s name, or throws NotFoundError', async () => {
    server.use(...fakeZendesk(seed).handlers);
    const zendesk = make();
    expect(await zendesk.articles.get('801')).toMatchObject({
      title: 'Reset your password',
      locale: 'en-us',
      sectionName: 'Accounts',
    });
    await expect(zendesk.articles.get('404404')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads a malformed article as a ValidationError naming the path, not an Invalid Date', async () => {
    server.use(
      http.get(`${BASE}/api/v2/help_center/locales.json`, () => HttpResponse.json(help.locales)),
      http.get(`${BASE}/api/v2/help_center/:locale/sections.json`, ({ params }) =>
        HttpResponse.json({
          sections: params.locale === 'en-us' ? [help.section] : [],
          meta: { has_more: false },
          links: { next: null },
        }),
      ),
      http.get(`${BASE}/api/v2/help_center/:locale/articles.json`, () =>
        HttpResponse.json({
          articles: [{ ...help.article, updated_at: 'garbage' }],
          meta: { has_more: false },
          links: { next: null },
        }),
      ),
    );
    const error = await collect(make().articles.list()).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues[0].path).toEqual(['updatedAt']);
  });

  it('refuses a since that is not a valid instant before any request', async () => {
    for (const since of [new Date('nope'), '2026-03-01', 'yesterday'])
      expect(await collect(make().articles.list({ since })).catch((e) => e)).toBeInstanceOf(ValidationError);
    expect(requests).toEqual([]);
  });

  it('takes since as every adapter does: a Date, epoch ms or ISO 8601 with an offset', async () => {
    server.use(...fakeZendesk(seed).handlers);
    const all = await collect(make().articles.list());
    const latest = Math.max(...all.map((a) => a.createdAt.getTime()));
    for (const since of [new Date(latest), latest, new Date(latest).toISOString()]) {
      const recent = await collect(make().articles.list({ since }));
      expect(recent.length).toBeGreaterThan(0);
      expect(recent.every((a) => a.createdAt.getTime() >= latest)).toBe(true);
    }
  });
});
