import type { ArticleInput } from '../../../src/index.js';

const at = '2026-01-01T00:00:00Z';

/** A small article with the dates filled in. */
export function article(
  id: string,
  locale: string,
  title: string,
  body: string,
  extra: Partial<ArticleInput> = {},
): ArticleInput {
  return { id, locale, title, body, createdAt: at, updatedAt: at, ...extra };
}
