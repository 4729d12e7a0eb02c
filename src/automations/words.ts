import { fail, fold, optionsOf, scalarText } from './text.js';
import { CHANNEL_WORDS, PRIORITY_WORDS, STATUS_WORDS } from './vocabulary.js';

/** The result of {@link splitTags}. */
export interface TagsResult {
  tags: string[];
  /** The tags joined with commas, for fields that take one string. */
  tagList: string;
  count: number;
}

/**
 * Splits a loose tag field into normalised tags: split on commas, semicolons, new lines and `|`; trimmed, lower
 * case, a leading `#` dropped, inner spaces joined with `_` (helpdesk tags hold no spaces), duplicates removed
 * (first one kept). An array is read item by item the same way.
 *
 * @example
 * ```ts
 * import { splitTags } from 'supportkit-ts/automations';
 * splitTags('billing, Refund;  vip'); // { tags: ['billing', 'refund', 'vip'], tagList: 'billing,refund,vip', count: 3 }
 * ```
 */
export function splitTags(value: unknown): TagsResult {
  const items = Array.isArray(value) ? value : [value];
  const tags = new Set<string>();
  items.forEach((item, index) => {
    const text = scalarText(item, 'splitTags', Array.isArray(value) ? `value[${index}]` : 'value');
    for (const raw of text.split(/[,;|\r\n]+/)) {
      const tag = raw.trim().replace(/^#+/, '').trim().toLowerCase().replace(/\s+/g, '_');
      if (tag !== '') tags.add(tag);
    }
  });
  return { tags: [...tags], tagList: [...tags].join(','), count: tags.size };
}

/** Options of the `normalize…` functions. */
export interface NormalizeOptions {
  /** Returned instead of an error when the word is not known, e.g. `"open"`. */
  fallback?: string;
}

/** The result of a `normalize…` function: the canonical value, and whether the word was recognised. */
export interface NormalizedResult<T extends string> {
  value: T;
  recognized: boolean;
}

function normalize<T extends string>(
  fn: string,
  kind: string,
  words: ReadonlyMap<string, string>,
  value: unknown,
  options: NormalizeOptions | undefined,
): NormalizedResult<T> {
  const opts = optionsOf(options, fn);
  const text = scalarText(value, fn, 'value');
  const found = words.get(fold(text));
  if (found !== undefined) return { value: found as T, recognized: true };
  if (opts.fallback !== undefined) {
    const fallback = words.get(fold(String(opts.fallback)));
    if (fallback === undefined) throw fail(fn, 'fallback', `expected one of ${canonical(words)}`);
    return { value: fallback as T, recognized: false };
  }
  const what = text === '' ? 'is blank' : `is not a ${kind} word this knows`;
  throw fail(
    fn,
    'value',
    `${what}: expected one of ${canonical(words)} (or a vendor or translated word for one)`,
  );
}

function canonical(words: ReadonlyMap<string, string>): string {
  return [...new Set(words.values())].join(', ');
}

/**
 * A ticket status word from any helpdesk or language as supportkit's status: `"Risolto"` → `solved`,
 * `"Waiting on Customer"` → `pending`, `"En attente"` → `pending`. Unknown words are an error unless a
 * `fallback` is given.
 *
 * @example
 * ```ts
 * import { normalizeStatus } from 'supportkit-ts/automations';
 * normalizeStatus('Risolto'); // { value: 'solved', recognized: true }
 * ```
 */
export function normalizeStatus(
  value: unknown,
  options?: NormalizeOptions,
): NormalizedResult<'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed'> {
  return normalize('normalizeStatus', 'status', STATUS_WORDS, value, options);
}

/**
 * A priority word as supportkit's priority: `"Alta"` → `high`, `"P1"` → `urgent`, `"Medium"` → `normal`.
 *
 * @example
 * ```ts
 * import { normalizePriority } from 'supportkit-ts/automations';
 * normalizePriority('Alta'); // { value: 'high', recognized: true }
 * ```
 */
export function normalizePriority(
  value: unknown,
  options?: NormalizeOptions,
): NormalizedResult<'low' | 'normal' | 'high' | 'urgent'> {
  return normalize('normalizePriority', 'priority', PRIORITY_WORDS, value, options);
}

/**
 * A channel word as supportkit's channel: `"E-mail"` → `email`, `"WhatsApp"` → `chat`, `"Telefono"` → `phone`.
 *
 * @example
 * ```ts
 * import { normalizeChannel } from 'supportkit-ts/automations';
 * normalizeChannel('E-mail'); // { value: 'email', recognized: true }
 * ```
 */
export function normalizeChannel(
  value: unknown,
  options?: NormalizeOptions,
): NormalizedResult<'email' | 'web' | 'phone' | 'chat' | 'social' | 'api' | 'other'> {
  return normalize('normalizeChannel', 'channel', CHANNEL_WORDS, value, options);
}
