/** Help Center articles as canonical Articles, their HTML also as plain text. */
import { type Article, Article as ArticleSchema } from '../../../models/article.js';
import { parse } from '../../../models/parse.js';
import { htmlToText as textOfHtml } from '../../kit/html-text.js';
import { ADAPTER } from '../context.js';
import { idOrNull } from '../fields.js';
import type { ZendeskArticle } from '../wire.js';

/**
 * An article's HTML as plain text for search and suggestions, on one line: scripts and styles dropped, inline
 * tags removed and the others turned into spaces, the common entities decoded (after the tags are gone, so
 * `&lt;b&gt;` stays text), whitespace collapsed.
 *
 * @example
 * ```ts
 * htmlToText('<p>Open <b>Settings</b> &#8594; <i>Security</i> &amp; reset</p>'); // 'Open Settings → Security & reset'
 * ```
 */
export const htmlToText = (html: string): string => textOfHtml(html, { lines: false });

/**
 * A Help Center article as a canonical Article, parsed by the model (a bad timestamp or locale is a
 * ValidationError naming the path, never an Invalid Date): the body as plain text and as the HTML Zendesk
 * stores, title, locale, labels, section (with its name when the caller knows it), author, draft, outdated
 * (the article's flag, or its locale among `outdated_locales`), the reader-facing URL, created and updated
 * times (`updated_at`, else `created_at`).
 *
 * @example
 * ```ts
 * articleFromZendesk(ZendeskArticle.parse(wire), { sectionNames: new Map([['1635', 'Avionics']]) }).sectionName;
 * ```
 */
export function articleFromZendesk(
  wire: ZendeskArticle,
  context: { sectionNames?: ReadonlyMap<string, string> } = {},
): Article {
  const id = String(wire.id);
  const html = wire.body ?? '';
  const sectionId = idOrNull(wire.section_id);
  const sectionName = sectionId ? context.sectionNames?.get(sectionId) : undefined;
  const url = wire.html_url ?? undefined;
  const outdated = wire.outdated === true || (wire.outdated_locales ?? []).includes(wire.locale);
  return parse(
    ArticleSchema,
    {
      id,
      source: { adapter: ADAPTER, id, ...(url ? { url } : {}) },
      title: wire.title,
      body: htmlToText(html),
      ...(html ? { html } : {}),
      // BCP 47 uses hyphens; a Zendesk locale written with an underscore (en_us) means the same tag.
      locale: wire.locale.replaceAll('_', '-'),
      labels: (wire.label_names ?? []).filter((l) => l !== ''),
      sectionId,
      ...(sectionName ? { sectionName } : {}),
      authorId: idOrNull(wire.author_id),
      draft: wire.draft === true,
      outdated,
      ...(url ? { url } : {}),
      createdAt: wire.created_at,
      updatedAt: wire.updated_at ?? wire.created_at,
    },
    'Zendesk article',
  );
}
