import { invalidOption } from '../../errors/validation.js';
import { type CardTimelineEntry, CustomerCard } from '../../models/customer-card.js';
import { parse } from '../../models/parse.js';
import { isIanaTimeZone } from '../../models/primitives.js';
import { markdownText, plainText, textLines } from '../../text/safe-text.js';
import {
  type CardLabels,
  cardLabels,
  channelLabel,
  csatLabel,
  languageLabel,
  statusLabel,
} from './labels.js';

/**
 * Options of {@link renderCard}.
 * @example `renderCard(card, { format: 'html', locale: 'it-IT', timeZone: 'Europe/Rome' })`
 */
export interface RenderCardOptions {
  /** `html` for a CRM sidebar, `markdown` for an e-mail or a chat to a colleague, `text` for a terminal. */
  format: 'markdown' | 'html' | 'text';
  /** The viewer's locale (BCP 47): labels (Italian or English) and date formats. @default 'en' */
  locale?: string;
  /** The viewer's IANA time zone: every time is shown in it. @default 'UTC' */
  timeZone?: string;
}

/** A line of a list item's own: a time and what happened then, with the text written (a message) under it. */
interface Entry {
  label: string;
  value: string;
  quote?: string;
}

/**
 * What a card is made of, whatever the format: a list item carries what belongs to it — a note its text, a request
 * its timeline — so every format shows them under it.
 */
type Block =
  | { type: 'title'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'field'; label: string; value: string }
  | { type: 'item'; text: string; quote?: string; entries?: Entry[] };

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"'`]/g,
    (c) => `&#${c.charCodeAt(0)};`, // numeric references: safe in text and in quoted or unquoted attributes
  );
function readOptions(options: unknown) {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalidOption('renderCard', '', 'expected an object with format');
  }
  const o = options as Record<string, unknown>;
  if (o.format !== 'markdown' && o.format !== 'html' && o.format !== 'text') {
    throw invalidOption('renderCard', 'format', 'must be "markdown", "html" or "text"');
  }
  const locale = o.locale ?? 'en';
  let canonical: string | undefined;
  try {
    canonical = typeof locale === 'string' ? Intl.getCanonicalLocales(locale)[0] : undefined;
  } catch {
    canonical = undefined;
  }
  if (!canonical) throw invalidOption('renderCard', 'locale', 'expected a BCP 47 locale such as it-IT');
  const timeZone = o.timeZone ?? 'UTC';
  if (typeof timeZone !== 'string' || !isIanaTimeZone(timeZone)) {
    throw invalidOption('renderCard', 'timeZone', 'expected an IANA time zone such as Europe/Rome');
  }
  return { format: o.format, locale: canonical, timeZone };
}

function duration(minutes: number | null, l: CardLabels): string {
  if (minutes === null) return l.none;
  const m = Math.round(minutes);
  if (m < 60) return `${m} ${l.minutes}`;
  if (m < 24 * 60) return `${Math.floor(m / 60)} ${l.hours} ${m % 60} ${l.minutes}`;
  return `${Math.floor(m / 1440)} ${l.days} ${Math.floor((m % 1440) / 60)} ${l.hours}`;
}

function blocksOf(card: CustomerCard, l: CardLabels, when: (d: Date) => string, locale: string): Block[] {
  const f = card.figures;
  const blocks: Block[] = [
    { type: 'title', text: `${l.card}: ${card.name || card.id}` },
    { type: 'field', label: l.state, value: l.states[card.state ?? 'none'] },
    { type: 'field', label: l.organization, value: card.organizationName ?? card.organizationId ?? l.none },
    {
      type: 'field',
      label: l.language,
      value: card.language ? languageLabel(locale, card.language) : l.none,
    },
    { type: 'field', label: l.timeZone, value: card.timeZone ?? l.none },
    { type: 'heading', text: l.identities },
  ];
  for (const identity of card.identities) {
    const where =
      identity.kind === 'external'
        ? identity.adapter
        : identity.kind === 'handle'
          ? identity.channel
          : l.identityKinds[identity.kind];
    blocks.push({ type: 'item', text: `${where}: ${identity.value}` });
  }
  const survey = <T>(s: { value: T; at: Date } | null, show: (value: T) => string) =>
    s ? `${show(s.value)} (${when(s.at)})` : l.none;
  blocks.push(
    { type: 'heading', text: l.figures },
    { type: 'field', label: l.openRequests, value: String(f.openRequests) },
    { type: 'field', label: l.oldestUnanswered, value: duration(f.oldestUnansweredMinutes, l) },
    { type: 'field', label: l.firstReplyMedian, value: duration(f.firstReplyMedianMinutes, l) },
    { type: 'field', label: l.lastCsat, value: survey(f.lastCsat, (v) => csatLabel(l, v)) },
    { type: 'field', label: l.lastNps, value: survey(f.lastNps, (v) => `${v}/10`) },
    { type: 'field', label: l.lastCes, value: survey(f.lastCes, (v) => `${v}/7`) },
    { type: 'field', label: l.contacts30, value: String(f.contactsLast30Days) },
    { type: 'field', label: l.contacts90, value: String(f.contactsLast90Days) },
    {
      type: 'field',
      label: l.topTags,
      value: f.topTags.map((t) => `${t.tag} (${t.count})`).join(', ') || l.none,
    },
    {
      type: 'field',
      label: l.channels,
      value: f.channels.map((c) => `${channelLabel(l, c.channel)} (${c.count})`).join(', ') || l.none,
    },
  );
  if (card.notes.length > 0) blocks.push({ type: 'heading', text: l.notes });
  for (const note of card.notes) {
    const last = note.revisions[note.revisions.length - 1]!;
    const edited =
      note.revisions.length > 1
        ? ` — ${l.edited}: ${last.authorName ?? last.authorId}, ${when(last.at)}`
        : '';
    blocks.push({
      type: 'item',
      text: `${note.authorName ?? note.authorId}, ${when(note.createdAt)}${edited}`,
      quote: note.body,
    });
  }
  if (card.tickets.length > 0) blocks.push({ type: 'heading', text: l.requests });
  for (const ticket of card.tickets) {
    const where = ticket.source ? `${ticket.source.adapter} #${ticket.id}` : `#${ticket.id}`;
    blocks.push({
      type: 'item',
      text: `${where} ${ticket.subject} — ${l.status}: ${statusLabel(l, ticket.status)}, ${channelLabel(l, ticket.channel)}, ${l.created}: ${when(ticket.createdAt)}`,
      entries: ticket.timeline.map((entry) => timelineEntry(entry, l, when)),
    });
  }
  return blocks;
}

function timelineEntry(entry: CardTimelineEntry, l: CardLabels, when: (d: Date) => string): Entry {
  const label = when(entry.at);
  const comment = (text: string | null) => (text ? ` — ${text}` : '');
  switch (entry.kind) {
    case 'message': {
      const role =
        entry.authorRole === 'end-user' ? l.customer : entry.authorRole === 'agent' ? l.agent : l.system;
      const via = entry.channel ? `, ${l.via} ${channelLabel(l, entry.channel)}` : '';
      const who = `${entry.authorName ?? entry.authorId} (${role}${entry.public ? '' : `, ${l.private}`}${via})`;
      return { label, value: who, quote: entry.body };
    }
    case 'status':
      return {
        label,
        value: `${l.statusChange}: ${entry.from == null ? l.none : statusLabel(l, String(entry.from))} → ${statusLabel(l, String(entry.to))}`,
      };
    case 'csat':
      return { label, value: `CSAT: ${csatLabel(l, entry.rating)}${comment(entry.comment)}` };
    case 'nps':
      return { label, value: `NPS: ${entry.score}/10${comment(entry.comment)}` };
    default:
      return { label, value: `CES: ${entry.score}/7${comment(entry.comment)}` };
  }
}

/**
 * The card's own look, scoped to `.supportkit-card` so it drops into a CRM sidebar without touching the page:
 * one inline `<style>` and no script, image, font or URL — nothing a Content-Security-Policy that allows inline
 * styles (as the HTML report's does) would block, nothing fetched. The state shows as the colour of the left edge.
 */
const CARD_STYLE = [
  '.supportkit-card{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#fff;max-width:760px;border:1px solid #e5e7eb;border-left:6px solid #9ca3af;border-radius:8px;padding:12px 16px}',
  '.supportkit-card[data-state="red"]{border-left-color:#dc2626}',
  '.supportkit-card[data-state="yellow"]{border-left-color:#d97706}',
  '.supportkit-card[data-state="green"]{border-left-color:#16a34a}',
  '.supportkit-card h2{font-size:18px;margin:0 0 8px}',
  '.supportkit-card h3{font-size:12px;margin:14px 0 4px;color:#6b7280;text-transform:uppercase;letter-spacing:.05em}',
  '.supportkit-card p{margin:2px 0}',
  '.supportkit-card ul{margin:4px 0;padding-left:18px}',
  '.supportkit-card li{margin:3px 0}',
  '.supportkit-card .sk-timeline{list-style:none;margin:4px 0 10px;padding:0 0 0 12px;border-left:2px solid #e5e7eb;color:#374151}',
  '.supportkit-card .sk-timeline strong{font-weight:600;color:#6b7280;font-variant-numeric:tabular-nums}',
  '.supportkit-card blockquote{margin:3px 0 6px;padding:4px 8px;background:#f9fafb;border-left:3px solid #d1d5db;overflow-wrap:anywhere}',
].join('');

function toHtml(blocks: Block[], state: string): string {
  const out: string[] = [
    `<article class="supportkit-card" data-state="${escapeHtml(state)}">`,
    `<style>${CARD_STYLE}</style>`,
  ];
  const quote = (text: string) => `<blockquote>${escapeHtml(text).replace(/\r?\n/g, '<br>')}</blockquote>`;
  let list = false;
  for (const block of blocks) {
    if (block.type !== 'item' && list) {
      out.push('</ul>');
      list = false;
    }
    if (block.type === 'title') out.push(`<h2>${escapeHtml(block.text)}</h2>`);
    else if (block.type === 'heading') out.push(`<h3>${escapeHtml(block.text)}</h3>`);
    else if (block.type === 'field')
      out.push(`<p><strong>${escapeHtml(block.label)}</strong>: ${escapeHtml(block.value)}</p>`);
    else {
      if (!list) out.push('<ul>');
      list = true;
      const inner = [escapeHtml(block.text)];
      if (block.quote !== undefined) inner.push(quote(block.quote));
      if (block.entries?.length) {
        inner.push('<ol class="sk-timeline">');
        for (const entry of block.entries) {
          const said = entry.quote === undefined ? '' : quote(entry.quote);
          inner.push(
            `<li><strong>${escapeHtml(entry.label)}</strong>: ${escapeHtml(entry.value)}${said}</li>`,
          );
        }
        inner.push('</ol>');
      }
      out.push(`<li>${inner.join('\n')}</li>`);
    }
  }
  if (list) out.push('</ul>');
  out.push('</article>');
  return `${out.join('\n')}\n`;
}

/** Quote prefixes: a note's text under its item, a message under its timeline entry (one level deeper). */
const QUOTE = {
  markdown: { item: '  > ', entry: '    > ' },
  text: { item: '      | ', entry: '      | ' },
} as const;

/**
 * Every text from the card goes through the one sanitiser (src/text/safe-text.ts): a field, a title or an item
 * stays on its line (line breaks, terminal escapes and bidirectional overrides become `�`), and a quote (a note,
 * a message) keeps its lines, each behind the quote's own prefix, so no customer text can pass for a line of the
 * card (a name cannot print a fake "State: Green" line). A request's timeline is a list nested under it.
 */
function toMarkdown(blocks: Block[]): string {
  const e = markdownText;
  const quote = (text: string, prefix: string) =>
    textLines(text)
      .map((line) => `${prefix}${e(line)}`)
      .join('\n');
  return `${blocks
    .map((b) => {
      if (b.type === 'title') return `## ${e(b.text)}\n`;
      if (b.type === 'heading') return `\n### ${e(b.text)}\n`;
      if (b.type === 'field') return `- **${e(b.label)}**: ${e(b.value)}`;
      const lines = [`- ${e(b.text)}`];
      if (b.quote !== undefined) lines.push(quote(b.quote, QUOTE.markdown.item));
      for (const entry of b.entries ?? []) {
        lines.push(`  - **${e(entry.label)}**: ${e(entry.value)}`);
        if (entry.quote !== undefined) lines.push(quote(entry.quote, QUOTE.markdown.entry));
      }
      return lines.join('\n');
    })
    .join('\n')}\n`;
}

function toText(blocks: Block[]): string {
  const plain = plainText;
  const quote = (text: string, prefix: string) =>
    textLines(text)
      .map((line) => `${prefix}${line}`)
      .join('\n');
  return `${blocks
    .map((b) => {
      if (b.type === 'title') return `${plain(b.text)}\n${'='.repeat(Math.min(plain(b.text).length, 72))}`;
      if (b.type === 'heading') return `\n${plain(b.text)}`;
      if (b.type === 'field') return `  ${plain(b.label)}: ${plain(b.value)}`;
      const lines = [`  * ${plain(b.text)}`];
      if (b.quote !== undefined) lines.push(quote(b.quote, QUOTE.text.item));
      for (const entry of b.entries ?? []) {
        lines.push(`    ${plain(entry.label)}  ${plain(entry.value)}`);
        if (entry.quote !== undefined) lines.push(quote(entry.quote, QUOTE.text.entry));
      }
      return lines.join('\n');
    })
    .join('\n')}\n`;
}

/**
 * Renders a customer card for people: `html` for a CRM sidebar (every piece of customer text escaped, so a
 * subject such as `<script>` or `" onmouseover=` stays text), `markdown` for an e-mail or chat to a colleague
 * (raw HTML and markup characters escaped too), `text` for a terminal (control characters replaced). Each request
 * shows its timeline under it; the HTML carries its own scoped inline style. Labels (statuses, CSAT answers,
 * channels, the language's name) in Italian for an `it` locale, English otherwise; every time in the viewer's
 * time zone and locale (Intl).
 *
 * @example
 * ```ts
 * import { renderCard } from 'supportkit-ts/care';
 * const html = renderCard(card, { format: 'html', locale: 'it-IT', timeZone: 'Europe/Rome' });
 * // <article class="supportkit-card" data-state="yellow">\n<style>.supportkit-card{…}</style>\n<h2>Scheda cliente: …</h2>…
 * ```
 */
export function renderCard(card: CustomerCard, options: RenderCardOptions): string {
  const opts = readOptions(options);
  const parsed = parse(CustomerCard, card, 'renderCard() card');
  const labels = cardLabels(opts.locale);
  const format = new Intl.DateTimeFormat(opts.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: opts.timeZone,
  });
  const blocks = blocksOf(parsed, labels, (d) => format.format(d), opts.locale);
  if (opts.format === 'html') return toHtml(blocks, parsed.state ?? 'none');
  return opts.format === 'markdown' ? toMarkdown(blocks) : toText(blocks);
}
