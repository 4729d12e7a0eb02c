/**
 * Help Center articles, page by page through every enabled locale: the locale's sections first (for their
 * names), then its articles, both with cursor pagination (`page[size]`, `meta.has_more`, `links.next`).
 * https://developer.zendesk.com/api-reference/help_center/help-center-api/articles/
 */
import { NotFoundError } from '../../errors/api.js';
import { ValidationError } from '../../errors/validation.js';
import type { HttpClient } from '../../http/client.js';
import type { Article } from '../../models/article.js';
import type { RequestOptions, SinceFilter } from '../contract.js';
import { callOptions, wireReader } from '../kit/index.js';
import { cursorList } from './endpoints.js';
import { articleFromZendesk } from './map.js';
import { ZendeskArticle, ZendeskLocales, ZendeskSection } from './wire.js';

const fromWire = wireReader('Zendesk');

/** What the article resource needs from the adapter. */
export interface ZendeskArticlesContext {
  http: HttpClient;
  pageSize: number;
}

/**
 * A Zendesk id given by a caller: digits, checked before any request so that `get({})` or `get('')` never asks
 * for `/articles/undefined`. The error names the argument, never echoes its value.
 */
function zendeskId(value: unknown, argument: string): string {
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  throw new ValidationError(`${argument} argument`, [
    {
      path: [argument],
      code: typeof value === 'string' ? 'invalid_format' : 'invalid_type',
      message: 'expected a Zendesk id: a string of digits',
    },
  ]);
}

/**
 * The article resource of the Zendesk adapter: `list` walks every Help Center locale (an article translated
 * into three locales comes three times, one Article per locale, with the same id), `get` reads one article in
 * its default locale. Section names come with each article.
 *
 * @example
 * ```ts
 * const articles = zendeskArticles({ http, pageSize: 100 });
 * for await (const article of articles.list()) index(article.locale, article.title, article.body);
 * ```
 */
export function zendeskArticles(context: ZendeskArticlesContext) {
  const { http, pageSize } = context;
  const get = async <T>(path: string, opts?: RequestOptions) =>
    (await http.request<T>({ method: 'GET', path, ...callOptions(opts) })).data;

  async function sectionNames(locale: string, opts?: RequestOptions): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for await (const wire of cursorList<unknown>(
      http,
      `/api/v2/help_center/${encodeURIComponent(locale)}/sections.json`,
      'sections',
      {},
      pageSize,
      callOptions(opts),
    )) {
      const section = fromWire(ZendeskSection, wire);
      names.set(String(section.id), section.name);
    }
    return names;
  }

  return {
    async *list(filter: SinceFilter = {}, opts?: RequestOptions): AsyncGenerator<Article> {
      const since = filter?.since;
      if (since !== undefined && !(since instanceof Date && Number.isFinite(since.getTime())))
        throw new ValidationError('articles filter', [
          { path: ['since'], code: 'invalid_type', message: 'expected a valid Date' },
        ]);
      const { locales } = fromWire(ZendeskLocales, await get('/api/v2/help_center/locales.json', opts));
      for (const locale of locales) {
        const names = await sectionNames(locale, opts);
        for await (const wire of cursorList<unknown>(
          http,
          `/api/v2/help_center/${encodeURIComponent(locale)}/articles.json`,
          'articles',
          {},
          pageSize,
          callOptions(opts),
        )) {
          const article = articleFromZendesk(fromWire(ZendeskArticle, wire), { sectionNames: names });
          if (!since || article.createdAt >= since) yield article;
        }
      }
    },
    async get(id: string, opts?: RequestOptions): Promise<Article> {
      const articleId = zendeskId(id, 'id');
      const body = await get<{ article?: unknown }>(`/api/v2/help_center/articles/${articleId}.json`, opts);
      const wire = fromWire(ZendeskArticle, body?.article);
      const sectionId =
        wire.section_id === null || wire.section_id === undefined ? null : String(wire.section_id);
      const names = new Map<string, string>();
      if (sectionId) {
        try {
          const section = await get<{ section?: unknown }>(
            `/api/v2/help_center/${encodeURIComponent(wire.locale)}/sections/${encodeURIComponent(sectionId)}.json`,
            opts,
          );
          names.set(sectionId, fromWire(ZendeskSection, section?.section).name);
        } catch (error) {
          // A section the caller may not see: the article comes without its section's name.
          if (!(error instanceof NotFoundError)) throw error;
        }
      }
      return articleFromZendesk(wire, { sectionNames: names });
    },
  };
}
