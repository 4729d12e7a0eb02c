import { DateTime } from 'luxon';
import { invalidArgument, invalidOption } from '../../errors/validation.js';
import type { Instant } from '../../metrics/business-time.js';
import { instantArg, ticketArg } from '../../metrics/input.js';
import { isIanaTimeZone } from '../../models/primitives.js';
import type { Ticket, TicketInput } from '../../models/ticket.js';
import { oneLine } from '../../text/safe-text.js';
import type { Coverage } from './coverage.js';
import { formatDateRange, localeOption } from './format.js';
import { momentPhrase } from './moment.js';
import type { ReplyPromise } from './promise.js';
import { ACKNOWLEDGEMENT_TEMPLATES, type AcknowledgementTemplate } from './templates.js';

/**
 * An article to suggest: a knowledge-base `Article` fits, or anything with a title and (for a link) a URL.
 * @example `const article: AcknowledgementArticle = { title: 'Resi e rimborsi', url: 'https://help.example.com/resi' };`
 */
export interface AcknowledgementArticle {
  title: string;
  url?: string | undefined;
}

/**
 * Options of {@link acknowledgement}.
 * @example `acknowledgement(ticket, { locale: 'it', promise, coverage, brand: 'Acme', channel: 'email' })`
 */
export interface AcknowledgementOptions {
  /** The customer's language (`it`, `en-GB`…). @default the customer's, then the ticket's, then 'en' */
  locale?: string;
  /** From {@link promiseReplyBy}. */
  promise: Pick<ReplyPromise, 'by'>;
  /** From `coverage()`, in the same locale: adds the hours when out of hours, and holidays before the reply. */
  coverage?: Coverage;
  /** Articles, or suggestions (`{ article, score }`) as the knowledge-base suggestions return them. */
  articles?: readonly (AcknowledgementArticle | { article: AcknowledgementArticle })[];
  /** The company name the customer knows. */
  brand: string;
  /** `chat` and `social` get the short form. @default the ticket's channel */
  channel?: string;
  /** The customer: name for the greeting, time zone and language for the promised time. */
  customer?: { name?: string | undefined; timeZone?: string | undefined; language?: string | undefined };
  /** The zone times are written in when the customer's is not known. @default the coverage's, else UTC */
  timeZone?: string;
  /** "Now", for today/tomorrow. @default the coverage's asOf, else the ticket's creation */
  asOf?: Instant;
  /** Most articles listed. @default 3 (e-mail), 2 (chat and social) */
  maxArticles?: number;
  /** Replaces some sentences of the language's template, or all of them for a language not built in. */
  templates?: Partial<AcknowledgementTemplate>;
}

/**
 * An acknowledgement ready to send: the subject, the plain text, and the same as HTML.
 * @example `await mailer.send({ to, subject: ack.subject, text: ack.text, html: ack.html })`
 */
export interface Acknowledgement {
  subject: string;
  text: string;
  html: string;
  /** The language whose template was used. */
  language: string;
}

const SHORT_CHANNELS = new Set(['chat', 'social']);
const FN = 'acknowledgement';

/**
 * Escapes text for HTML element content and quoted attribute values.
 * @example `escapeHtml('<b>"Tom" & Jerry</b>'); // '&lt;b&gt;&quot;Tom&quot; &amp; Jerry&lt;/b&gt;'`
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES.get(c)!);
}

const HTML_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
]);

/** A sentence of a template with its values, as text and as HTML (values escaped; the template too). */
interface Line {
  text: string;
  html: string;
}

// Every value put into an acknowledgement is one line (oneLine, the library's one sanitiser): a ticket subject
// "Hi\r\nBcc: x@evil" must not add a header to a mailer handed `ack.subject`, nor a customer's name open a
// paragraph of its own, nor a bidirectional override reorder what follows it.
function fill(template: string, values: ReadonlyMap<string, string>, key: string): Line {
  let text = '';
  let html = '';
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const raw = values.get(match[1]!);
    if (raw === undefined)
      throw invalidOption(FN, `templates.${key}`, `unknown placeholder {${match[1]!.slice(0, 32)}}`);
    const value = oneLine(raw);
    const before = template.slice(last, match.index);
    text += before + value;
    html += escapeHtml(before) + escapeHtml(value);
    last = match.index + match[0].length;
  }
  return { text: text + template.slice(last), html: html + escapeHtml(template.slice(last)) };
}

/** Only http(s) URLs become links: a `javascript:` URL in an article must not reach the customer's mail client. */
function safeUrl(url: string | undefined): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function readArticles(value: unknown, max: number): { title: string; url: string | null }[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw invalidOption(FN, 'articles', 'expected an array of articles or suggestions');
  return value.slice(0, max).map((item, i) => {
    const article = item && typeof item === 'object' && 'article' in item ? item.article : item;
    const title =
      article && typeof article === 'object' && typeof article.title === 'string'
        ? oneLine(article.title)
        : '';
    if (title === '') throw invalidOption(FN, 'articles', `item ${i}: expected an article with a title`);
    return { title, url: safeUrl(article.url) };
  });
}

interface Settings {
  locale: string;
  language: string;
  template: AcknowledgementTemplate;
  timeZone: string;
  now: number;
  short: boolean;
  articles: { title: string; url: string | null }[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The customer option: an object whose name, timeZone and language are strings when given. */
function customerOption(value: unknown): NonNullable<AcknowledgementOptions['customer']> {
  if (value === undefined) return {};
  if (!isRecord(value))
    throw invalidOption(FN, 'customer', 'expected an object with name, timeZone, language');
  for (const key of ['name', 'timeZone', 'language'])
    if (value[key] !== undefined && typeof value[key] !== 'string')
      throw invalidOption(FN, `customer.${key}`, 'expected a string');
  return value as NonNullable<AcknowledgementOptions['customer']>;
}

/** Replaced sentences: known names, strings. */
function checkTemplates(value: unknown): void {
  if (value === undefined) return;
  if (!isRecord(value)) throw invalidOption(FN, 'templates', 'expected an object of sentences');
  const known = ACKNOWLEDGEMENT_TEMPLATES.get('en')!;
  for (const [key, sentence] of Object.entries(value)) {
    if (!Object.hasOwn(known, key))
      throw invalidOption(FN, 'templates', `unknown sentence ${key.slice(0, 64)}`);
    if (typeof sentence !== 'string') throw invalidOption(FN, `templates.${key}`, 'expected a string');
  }
}

const isLocalDate = (value: unknown) =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** A coverage as `coverage()` returns it (the fields the reply reads). */
function checkCoverage(value: unknown): void {
  if (value === undefined) return;
  const ok =
    isRecord(value) &&
    typeof value.open === 'boolean' &&
    typeof value.weekly === 'string' &&
    typeof value.timeZone === 'string' &&
    isIanaTimeZone(value.timeZone) &&
    value.asOf instanceof Date &&
    (value.nextOpening === null || value.nextOpening instanceof Date) &&
    Array.isArray(value.holidays) &&
    value.holidays.every(
      (h) => isRecord(h) && typeof h.name === 'string' && isLocalDate(h.startDate) && isLocalDate(h.endDate),
    );
  if (!ok) throw invalidOption(FN, 'coverage', 'expected the result of coverage()');
}

function readSettings(ticket: Ticket, options: AcknowledgementOptions): Settings {
  const o = options as unknown as Record<string, unknown>;
  if (typeof o.brand !== 'string' || o.brand === '')
    throw invalidOption(FN, 'brand', 'expected the company name');
  const by = (o.promise as { by?: unknown } | undefined)?.by;
  if (!(by instanceof Date) || Number.isNaN(by.getTime()))
    throw invalidOption(FN, 'promise', 'expected the result of promiseReplyBy');
  const customer = customerOption(o.customer);
  checkTemplates(o.templates);
  checkCoverage(o.coverage);
  const locale = localeOption(options.locale ?? customer.language ?? ticket.language ?? 'en', FN);
  const language = locale.split('-')[0]!.toLowerCase();
  const builtIn = ACKNOWLEDGEMENT_TEMPLATES.get(language);
  const custom = options.templates ?? {};
  if (
    !builtIn &&
    Object.keys(ACKNOWLEDGEMENT_TEMPLATES.get('en')!).some(
      (k) => typeof (custom as Record<string, unknown>)[k] !== 'string',
    )
  )
    throw invalidOption(
      FN,
      'templates',
      `give every sentence for a language without a built-in template (built in: ${[...ACKNOWLEDGEMENT_TEMPLATES.keys()].join(', ')})`,
    );
  const timeZone = customer.timeZone ?? options.timeZone ?? options.coverage?.timeZone ?? 'UTC';
  if (!isIanaTimeZone(timeZone)) throw invalidOption(FN, 'timeZone', 'expected an IANA time zone name');
  const channel = options.channel ?? ticket.channel;
  const short = SHORT_CHANNELS.has(channel);
  const max = options.maxArticles ?? (short ? 2 : 3);
  if (!Number.isInteger(max) || max < 0) throw invalidOption(FN, 'maxArticles', 'must be an integer ≥ 0');
  const now =
    options.asOf !== undefined
      ? instantArg(options.asOf, `${FN}() asOf`)
      : (options.coverage?.asOf.getTime() ?? ticket.createdAt.getTime());
  return {
    locale,
    language,
    template: { ...(builtIn ?? {}), ...custom } as AcknowledgementTemplate,
    timeZone,
    now,
    short,
    articles: readArticles(options.articles, max),
  };
}

/** A moment as the template words it: today, tomorrow, or a weekday and date (with the year when not this one). */
function moment(at: number, s: Settings): string {
  return momentPhrase(at, s.now, {
    locale: s.locale,
    timeZone: s.timeZone,
    words: s.template,
    fill: (template, values) => fill(template, values, 'moment').text,
  });
}

/** Holidays from today up to the day of the promised reply: the ones that explain the wait. */
function holidaysBefore(coverage: Coverage | undefined, by: number): Coverage['holidays'] {
  if (!coverage) return [];
  const last = DateTime.fromMillis(by, { zone: coverage.timeZone }).toISODate()!;
  return coverage.holidays.filter((h) => h.startDate <= last);
}

/**
 * The automatic reply a customer receives when a request arrives: that it was received, the time by which the
 * team will reply (from {@link promiseReplyBy}) written in the customer's language and time zone ("entro lunedì
 * 28 dicembre alle 12:30"), the hours when the request came in out of hours, the holidays before the reply,
 * and articles that may already answer. E-mail gets a letter; chat and social one or two lines. Italian,
 * English, Spanish, French and German are built in; `templates` replaces any sentence (or supplies every one
 * for another language). Every inserted value (subject, ticket id, brand, name, titles…) is made one line — line
 * breaks and control characters become spaces — so `subject` is always a single header line and customer text
 * never starts a line or paragraph of the body; in the HTML every inserted value is also escaped, and only
 * http(s) article URLs become links.
 *
 * @example
 * ```ts
 * import { acknowledgement, coverage, promiseReplyBy } from 'supportkit-ts';
 * const promise = promiseReplyBy(ticket, { schedule, history });
 * const ack = acknowledgement(ticket, {
 *   locale: 'it', promise, coverage: coverage(schedule, ticket.createdAt, { locale: 'it' }),
 *   brand: 'Acme', customer: { name: 'Ada', timeZone: 'Europe/Rome' },
 * });
 * ack.text; // 'Ciao Ada,\n\nabbiamo ricevuto la tua richiesta «…» (n. 1042) e ti risponderemo entro lunedì 28 dicembre alle 12:30.\n…'
 * ```
 */
export function acknowledgement(
  ticket: Ticket | TicketInput,
  options: AcknowledgementOptions,
): Acknowledgement {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw invalidArgument(`${FN}()`, 'options', 'expected an options object with promise and brand');
  const parsed = ticketArg(ticket, FN);
  const s = readSettings(parsed, options);
  const by = options.promise.by.getTime();
  const c = options.coverage;
  const name = oneLine(options.customer?.name ?? '');
  // Every value is made one line where it is filled in (see fill).
  const values = new Map([
    ['brand', options.brand],
    ['ticketId', parsed.id],
    ['subject', parsed.subject],
    ['name', name],
    ['promise', moment(by, s)],
    ['hours', c ? (c.timeZone === s.timeZone ? c.weekly : `${c.weekly} (${c.timeZone})`) : ''],
    ['opening', c?.nextOpening ? moment(c.nextOpening.getTime(), s) : ''],
  ]);
  const line = (key: keyof AcknowledgementTemplate, extra: [string, string][] = []) =>
    fill(s.template[key], extra.length ? new Map([...values, ...extra]) : values, key);
  const closed = c && !c.open && c.nextOpening;
  const holidays = holidaysBefore(c, by).map((h) =>
    line('holiday', [
      ['holiday', h.name],
      ['dates', formatDateRange(h.startDate, h.endDate, s.locale)],
    ]),
  );
  const paragraphs: Line[][] = s.short
    ? [[line('short'), ...(closed ? [line('shortClosed')] : []), ...holidays]]
    : [
        [name ? line('greeting') : line('greetingNoName')],
        [line('received')],
        ...(closed || holidays.length ? [[...(closed ? [line('closed')] : []), ...holidays]] : []),
      ];
  // A subject is one header line, whatever a replaced template holds.
  return { subject: oneLine(line('subject').text), ...render(paragraphs, s, line), language: s.language };
}

/** Paragraphs, the article list and the signature, as text and HTML. */
function render(
  paragraphs: Line[][],
  s: Settings,
  line: (key: keyof AcknowledgementTemplate) => Line,
): { text: string; html: string } {
  const text: string[] = paragraphs.map((p) => p.map((l) => l.text).join(' '));
  const html: string[] = paragraphs.map((p) => `<p>${p.map((l) => l.html).join(' ')}</p>`);
  if (s.articles.length > 0) {
    const intro = line(s.short ? 'shortArticles' : 'articles');
    const items = s.articles.map((a) => ({
      text: a.url ? `${a.title}${/[?!.:]$/.test(a.title) ? '' : ':'} ${a.url}` : a.title,
      html: a.url ? `<a href="${escapeHtml(a.url)}">${escapeHtml(a.title)}</a>` : escapeHtml(a.title),
    }));
    text.push([intro.text, ...items.map((i) => `- ${i.text}`)].join('\n'));
    html.push(`<p>${intro.html}</p>\n<ul>\n${items.map((i) => `<li>${i.html}</li>`).join('\n')}\n</ul>`);
  }
  if (!s.short) {
    const signOff = line('signOff');
    const signature = line('signature');
    text.push(`${signOff.text}\n${signature.text}`);
    html.push(`<p>${signOff.html}<br>${signature.html}</p>`);
  }
  return { text: text.join(s.short ? '\n' : '\n\n'), html: html.join('\n') };
}
