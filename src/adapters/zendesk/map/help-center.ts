/** Help Center articles as canonical Articles, their HTML also as plain text. */
import { type Article, Article as ArticleSchema } from '../../../models/article.js';
import { parse } from '../../../models/parse.js';
import { ADAPTER } from '../context.js';
import { idOrNull } from '../fields.js';
import type { ZendeskArticle } from '../wire.js';

const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
]);

/**
 * An article's HTML as plain text for search and suggestions: scripts and styles dropped, inline tags removed
 * and the others turned into spaces, the common entities decoded (after the tags are gone, so `&lt;b&gt;` stays text), whitespace
 * collapsed.
 *
 * @example
 * ```ts
 * htmlToText('<p>Open <b>Settings</b> &#8594; <i>Security</i> &amp; reset</p>'); // 'Open Settings → Security & reset'
 * ```
 */
export function htmlToText(html: string): string {
  return (
    html
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      // Inline tags join the words around them ("<b>Re</b>set" is "Reset"); any other tag separates words.
      .replace(
        /<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|font|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)\b[^>]*>/gi,
        '',
      )
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
        if (name[0] === '#') {
          const code =
            name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
          return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
        }
        return ENTITIES.get(name.toLowerCase()) ?? entity;
      })
      .replace(/\s+/g, ' ')
      .trim()
  );
}

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
