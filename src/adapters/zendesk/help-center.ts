/**
 * Help Center articles, page by page through every enabled locale: the locale's sections first (for their
 * names), then its articles, both with cursor pagination (`page[size]`, `meta.has_more`, `links.next`).
 * https://developer.zendesk.com/api-reference/help_center/help-center-api/articles/
 */
import { NotFoundError } from '../../errors/api.js';
import { ValidationError } from '../../errors/validation.js';
import type { Article } from '../../models/article.js';
import type { RequestOptions, SinceFilter } from '../contract.js';
import { path, sinceFilter } from '../kit/index.js';
import type { ZendeskContext } from './context.js';
import { articleFromZendesk } from './map/index.js';
import { ZendeskArticle, ZendeskLocales, ZendeskSection } from './wire.js';

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
 * for await (const article of zendeskArticles(context).list()) index(article.locale, article.title, article.body);
 * ```
 */
export function zendeskArticles(context: ZendeskContext) {
  async function sectionNames(locale: string, opts?: RequestOptions): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const sections = context.cursorList<unknown>({
      path: path`/api/v2/help_center/${locale}/sections.json`,
      key: 'sections',
      options: opts,
    });
    for await (const wire of sections) {
      const section = context.read(ZendeskSection, wire);
      names.set(String(section.id), section.name);
    }
    return names;
  }

  /** The name of an article's section; a section the caller may not see gives none. */
  async function sectionName(wire: ZendeskArticle, opts?: RequestOptions): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const sectionId =
      wire.section_id === null || wire.section_id === undefined ? null : String(wire.section_id);
    if (!sectionId) return names;
    try {
      const body = await context.get<{ section?: unknown }>(
        path`/api/v2/help_center/${wire.locale}/sections/${sectionId}.json`,
        opts,
      );
      names.set(sectionId, context.read(ZendeskSection, body?.section).name);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
    return names;
  }

  return {
    async *list(filter: SinceFilter = {}, opts?: RequestOptions): AsyncGenerator<Article> {
      const { since } = sinceFilter(filter, 'articles.list');
      const { locales } = context.read(
        ZendeskLocales,
        await context.get('/api/v2/help_center/locales.json', opts),
      );
      for (const locale of locales) {
        const names = await sectionNames(locale, opts);
        const articles = context.cursorList<unknown>({
          path: path`/api/v2/help_center/${locale}/articles.json`,
          key: 'articles',
          options: opts,
        });
        for await (const wire of articles) {
          const article = articleFromZendesk(context.read(ZendeskArticle, wire), { sectionNames: names });
          if (!since || article.createdAt >= since) yield article;
        }
      }
    },
    async get(id: string, opts?: RequestOptions): Promise<Article> {
      const articleId = zendeskId(id, 'id');
      const body = await context.get<{ article?: unknown }>(
        path`/api/v2/help_center/articles/${articleId}.json`,
        opts,
      );
      const wire = context.read(ZendeskArticle, body?.article);
      return articleFromZendesk(wire, { sectionNames: await sectionName(wire, opts) });
    },
  };
}
