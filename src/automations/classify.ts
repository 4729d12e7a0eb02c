import { fail, failAt, fold, optionsOf } from './text.js';

/**
 * Keyword rules: a tag and the words or phrases that give it. As an object (`{ billing: ['invoice', 'refund'] }`),
 * an array (`[{ tag: 'billing', keywords: ['invoice'] }]`), or text, one rule per line or semicolon:
 * `"billing: invoice, refund; shipping: delivery, tracking"`.
 */
export type ClassifyRules =
  | Record<string, readonly string[] | string>
  | readonly { tag: string; keywords: readonly string[] | string }[]
  | string;

/** Options of {@link classifyTicket}. */
export interface ClassifyOptions {
  /** The tag to give when no rule matches, e.g. `"other"`. @default none: `tags` is empty */
  fallback?: string;
}

/** The result of {@link classifyTicket}. */
export interface ClassifyResult {
  /** Tags whose rules matched, in rule order; `[fallback]` when none did and a fallback is set. */
  tags: string[];
  /** The tags joined with commas. */
  tagList: string;
  /** The first tag (rule order is priority order), or null. */
  primary: string | null;
  /** For each tag, the keywords that matched (from the rules, never the ticket's text). */
  matched: { tag: string; keywords: string[] }[];
}

interface Rule {
  tag: string;
  keywords: string[];
}

/** A letter or a digit: what a keyword needs to be a word at all. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

function keywordsOf(value: unknown, where: string): string[] {
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list) || !list.every((k) => typeof k === 'string'))
    throw fail('classifyTicket', `rules${where}`, 'expected a list of keywords');
  const keywords: string[] = [];
  list.forEach((raw: string, index) => {
    const k = raw.trim();
    if (k === '') return;
    // A keyword of punctuation or marks alone (".", "-", a lone accent) folds to nothing or to no word: it would
    // match everywhere or nowhere, so it is refused by its position (its text may be anything pasted in).
    if (!WORD_CHAR.test(fold(k)))
      throw failAt('classifyTicket', `rules${where} keywords`, index, 'has no letter or digit');
    keywords.push(k);
  });
  if (keywords.length === 0) throw fail('classifyTicket', `rules${where}`, 'has no keywords');
  return keywords;
}

/** The rules in any of their three forms, as an ordered list. */
function rulesOf(rules: unknown): Rule[] {
  let list: Rule[];
  if (typeof rules === 'string') {
    list = rules
      .split(/\r?\n|;/)
      .filter((line) => line.trim() !== '')
      .map((line, index) => {
        const colon = line.indexOf(':');
        if (colon < 1)
          throw fail('classifyTicket', `rules line ${index + 1}`, 'expected "tag: keyword, keyword"');
        const tag = line.slice(0, colon).trim();
        return { tag, keywords: keywordsOf(line.slice(colon + 1), ` line ${index + 1}`) };
      });
  } else if (Array.isArray(rules)) {
    list = rules.map((rule, index) => {
      if (typeof rule !== 'object' || rule === null || typeof rule.tag !== 'string' || rule.tag.trim() === '')
        throw fail('classifyTicket', `rules[${index}]`, 'expected { tag, keywords }');
      return { tag: rule.tag.trim(), keywords: keywordsOf(rule.keywords, `[${index}]`) };
    });
  } else if (typeof rules === 'object' && rules !== null) {
    // The error names the entry by its position, not its key: a key may be anything pasted into a form.
    list = Object.entries(rules).map(([tag, keywords], index) => ({
      tag: tag.trim(),
      keywords: keywordsOf(keywords, ` entry ${index + 1}`),
    }));
  } else
    throw fail(
      'classifyTicket',
      'rules',
      'expected rules: an object, an array, or "tag: keyword, keyword" text',
    );
  if (list.length === 0) throw fail('classifyTicket', 'rules', 'has no rules');
  return list;
}

/** The code point that ends just before `index` (a whole surrogate pair, not its low half), or ''. */
function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const pair =
    index >= 2 && low >= 0xdc00 && low <= 0xdfff && (text.charCodeAt(index - 2) & 0xfc00) === 0xd800;
  return text.slice(pair ? index - 2 : index - 1, index);
}

/** The code point that starts at `index`, or ''. */
function charAt(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/**
 * Whether a folded phrase occurs in folded text as whole words. The phrase is never empty (keywordsOf refuses
 * keywords that fold to no word): `indexOf('', i)` answers `i` even past the end, which made this loop spin.
 */
function contains(text: string, phrase: string): boolean {
  if (phrase === '') return false;
  let from = text.indexOf(phrase);
  while (from !== -1) {
    const before = charBefore(text, from);
    const after = charAt(text, from + phrase.length);
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return true;
    from = text.indexOf(phrase, from + 1);
  }
  return false;
}

/**
 * Tags a ticket by keyword rules: a rule matches when one of its keywords or phrases occurs in the text as whole
 * words, ignoring case and accents (`"Rimborso"` matches `rimborso`, `"e-mail"` matches `e mail`). Every matching
 * rule's tag is returned, in rule order, so contact trends can count each reason. A keyword must hold a letter
 * or a digit: one of punctuation or accents alone (`.`, `-`, `...`) is a `ValidationError` naming the rule and
 * the keyword's position. Empty text matches nothing.
 *
 * @example
 * ```ts
 * import { classifyTicket } from 'supportkit-ts/automations';
 * classifyTicket('Where is my refund? The invoice is wrong.', 'billing: invoice, refund; shipping: delivery');
 * // { tags: ['billing'], tagList: 'billing', primary: 'billing', matched: [{ tag: 'billing', keywords: ['invoice', 'refund'] }] }
 * ```
 */
export function classifyTicket(text: unknown, rules: unknown, options?: ClassifyOptions): ClassifyResult {
  const opts = optionsOf(options, 'classifyTicket');
  if (typeof text !== 'string') throw fail('classifyTicket', 'text', 'expected the ticket text as a string');
  const folded = fold(text);
  const matched: { tag: string; keywords: string[] }[] = [];
  const seen = new Map<string, { tag: string; keywords: string[] }>();
  for (const rule of rulesOf(rules)) {
    const hits = rule.keywords.filter((keyword) => contains(folded, fold(keyword)));
    if (hits.length === 0) continue;
    const entry = seen.get(rule.tag);
    if (entry) entry.keywords.push(...hits.filter((k) => !entry.keywords.includes(k)));
    else {
      const fresh = { tag: rule.tag, keywords: hits };
      seen.set(rule.tag, fresh);
      matched.push(fresh);
    }
  }
  const fallback =
    typeof opts.fallback === 'string' && opts.fallback.trim() !== '' ? opts.fallback.trim() : null;
  const tags = matched.length > 0 ? matched.map((m) => m.tag) : fallback ? [fallback] : [];
  return { tags, tagList: tags.join(','), primary: tags[0] ?? null, matched };
}
