import { z } from 'zod';
import { Id, LanguageTag, Source, Timestamp } from './primitives.js';

/**
 * A knowledge-base article (Zendesk Help Center, Intercom Articles, …).
 *
 * @example
 * ```ts
 * import { parseArticle } from 'supportkit-ts';
 * parseArticle({
 *   id: 'kb-12', title: 'Resetting your password', body: 'Open Settings → Security…', locale: 'en',
 *   labels: ['login', 'password'], createdAt: '2026-01-10T10:00:00Z', updatedAt: '2026-02-01T10:00:00Z',
 * });
 * ```
 */
export const Article = z.strictObject({
  id: Id,
  source: Source.optional(),
  title: z.string().min(1),
  /** Plain-text body (used for search and suggestions). */
  body: z.string(),
  /** The body as the vendor stores it (HTML), when it has one. */
  html: z.string().optional(),
  locale: LanguageTag,
  labels: z.array(z.string().min(1)).default([]),
  /** The section (folder, collection) that holds it. */
  sectionId: Id.nullable().default(null),
  sectionName: z.string().optional(),
  authorId: Id.nullable().default(null),
  draft: z.boolean().default(false),
  /** The vendor marks this translation out of date (absent when the vendor does not say). */
  outdated: z.boolean().optional(),
  /** Where readers see it. */
  url: z.url().optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
/** A parsed article. */
export type Article = z.output<typeof Article>;
/** What {@link Article} accepts. */
export type ArticleInput = z.input<typeof Article>;
