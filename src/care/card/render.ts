import { invalidOption } from '../../errors/validation.js';
import { type CardTimelineEntry, CustomerCard } from '../../models/customer-card.js';
import { parse } from '../../models/parse.js';
import { isIanaTimeZone } from '../../models/primitives.js';
import { markdownText, plainText, textLines } from '../../text/safe-text.js';
import { type CardLabels, cardLabels, statusLabel } from './labels.js';

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

type Block =
  | { type: 'title' | 'heading' | 'item' | 'quote'; text: string }
  | { type: 'field'; label: string; value: string };

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

function blocksOf(card: CustomerCard, l: CardLabels, when: (d: Date) => string): Block[] {
  const f = card.figures;
  const blocks: Block[] = [
    { type: 'title', text: `${l.card}: ${card.name || card.id}` },
    { type: 'field', label: l.state, value: l.states[card.state ?? 'none'] },
    { type: 'field', label: l.organization, value: card.organizationName ?? card.organizationId ?? l.none },
    { type: 'field', label: l.language, value: card.language ?? l.none },
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
  const survey = (s: { value: string | number; at: Date } | null) =>
    s ? `${s.value} (${when(s.at)})` : l.none;
  blocks.push(
    { type: 'heading', text: l.figures },
    { type: 'field', label: l.openRequests, value: String(f.openRequests) },
    { type: 'field', label: l.oldestUnanswered, value: duration(f.oldestUnansweredMinutes, l) },
    { type: 'field', label: l.firstReplyMedian, value: duration(f.firstReplyMedianMinutes, l) },
    { type: 'field', label: l.lastCsat, value: survey(f.lastCsat) },
    { type: 'field', label: l.lastNps, value: survey(f.lastNps) },
    { type: 'field', label: l.lastCes, value: survey(f.lastCes) },
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
      value: f.channels.map((c) => `${c.channel} (${c.count})`).join(', ') || l.none,
    },
  );
  if (card.notes.length > 0) blocks.push({ type: 'heading', text: l.notes });
  for (const note of card.notes) {
    const last = note.revisions[note.revisions.length - 1]!;
    const edited =
      note.revisions.length > 1
        ? ` — ${l.edited}: ${last.authorName ?? last.authorId}, ${when(last.at)}`
        : '';
    blocks.push(
      { type: 'item', text: `${note.authorName ?? note.authorId}, ${when(note.createdAt)}${edited}` },
      { type: 'quote', text: note.body },
    );
  }
  if (card.tickets.length > 0) blocks.push({ type: 'heading', text: l.requests });
  for (const ticket of card.tickets) {
    const where = ticket.source ? `${ticket.source.adapter} #${ticket.id}` : `#${ticket.id}`;
    blocks.push({
      type: 'item',
      text: `${where} ${ticket.subject} — ${l.status}: ${statusLabel(l, ticket.status)}, ${l.created}: ${when(ticket.createdAt)}`,
    });
    for (const entry of ticket.timeline) blocks.push(...entryBlocks(entry, l, when));
  }
  return blocks;
}

function entryBlocks(entry: CardTimelineEntry, l: CardLabels, when: (d: Date) => string): Block[] {
  const at = when(entry.at);
  switch (entry.kind) {
    case 'message': {
      const role =
        entry.authorRole === 'end-user' ? l.customer : entry.authorRole === 'agent' ? l.agent : l.system;
      const who = `${entry.authorName ?? entry.authorId} (${role}${entry.public ? '' : `, ${l.private}`})`;
      return [
        { type: 'field', label: at, value: who },
        { type: 'quote', text: entry.body },
      ];
    }
    case 'status':
      return [
        {
          type: 'field',
          label: at,
          value: `${l.statusChange}: ${entry.from == null ? l.none : statusLabel(l, String(entry.from))} → ${statusLabel(l, String(entry.to))}`,
        },
      ];
    case 'csat':
      return [
        {
          type: 'field',
          label: at,
          value: `CSAT: ${entry.rating ?? l.none}${entry.comment ? ` — ${entry.comment}` : ''}`,
        },
      ];
    default:
      return [
        {
          type: 'field',
          label: at,
          value: `${entry.kind.toUpperCase()}: ${entry.score}${entry.comment ? ` — ${entry.comment}` : ''}`,
        },
      ];
  }
}

function toHtml(blocks: Block[], state: string): string {
  const out: string[] = [`<article class="supportkit-card" data-state="${escapeHtml(state)}">`];
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
    else if (block.type === 'quote')
      out.push(`<blockquote>${escapeHtml(block.text).replace(/\r?\n/g, '<br>')}</blockquote>`);
    else {
      if (!list) out.push('<ul>');
      list = true;
      out.push(`<li>${escapeHtml(block.text)}</li>`);
    }
  }
  if (list) out.push('</ul>');
  out.push('</article>');
  return `${out.join('\n')}\n`;
}

/**
 * Every text from the card goes through the one sanitiser (src/text/safe-text.ts): a field, a title or an item
 * stays on its line (line breaks, terminal escapes and bidirectional overrides become `�`), and a quote (a note,
 * a message) keeps its lines, each behind the quote's own prefix, so no customer text can pass for a line of the
 * card (a name cannot print a fake "State: Green" line).
 */
function toMarkdown(blocks: Block[]): string {
  const e = markdownText;
  return `${blocks
    .map((b) => {
      if (b.type === 'title') return `## ${e(b.text)}\n`;
      if (b.type === 'heading') return `\n### ${e(b.text)}\n`;
      if (b.type === 'field') return `- **${e(b.label)}**: ${e(b.value)}`;
      if (b.type === 'quote')
        return textLines(b.text)
          .map((line) => `  > ${e(line)}`)
          .join('\n');
      return `- ${e(b.text)}`;
    })
    .join('\n')}\n`;
}

function toText(blocks: Block[]): string {
  const plain = plainText;
  return `${blocks
    .map((b) => {
      if (b.type === 'title') return `${plain(b.text)}\n${'='.repeat(Math.min(plain(b.text).length, 72))}`;
      if (b.type === 'heading') return `\n${plain(b.text)}`;
      if (b.type === 'field') return `  ${plain(b.label)}: ${plain(b.value)}`;
      if (b.type === 'quote')
        return textLines(b.text)
          .map((line) => `      | ${line}`)
          .join('\n');
      return `  * ${plain(b.text)}`;
    })
    .join('\n')}\n`;
}

/**
 * Renders a customer card for people: `html` for a CRM sidebar (every piece of customer text escaped, so a
 * subject such as `<script>` or `" onmouseover=` stays text), `markdown` for an e-mail or chat to a colleague
 * (raw HTML and markup characters escaped too), `text` for a terminal (control characters replaced). Labels in
 * Italian for an `it` locale, English otherwise; every time in the viewer's time zone and locale (Intl).
 *
 * @example
 * ```ts
 * import { renderCard } from 'supportkit-ts/care';
 * const html = renderCard(card, { format: 'html', locale: 'it-IT', timeZone: 'Europe/Rome' });
 * // <article class="supportkit-card" data-state="yellow"><h2>Scheda cliente: …</h2>…
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
  const blocks = blocksOf(parsed, labels, (d) => format.format(d));
  if (opts.format === 'html') return toHtml(blocks, parsed.state ?? 'none');
  return opts.format === 'markdown' ? toMarkdown(blocks) : toText(blocks);
}
