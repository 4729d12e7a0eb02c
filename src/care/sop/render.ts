import { invalidOption } from '../../errors/validation.js';
import { parse } from '../../models/parse.js';
import { SopDocument, type SopDocumentInput, type SopNode } from '../../models/sop.js';
import { inlineText, markdownText } from '../../text/safe-text.js';
import { type SopLabels, sopLabels } from './labels.js';
import { stepLanguage } from './markdown-print.js';
import { escapeXml, flowchartSvg } from './svg.js';

/**
 * Options of {@link renderSop}.
 * @example `renderSop(sop, { format: 'html', locale: 'it-IT' })`
 */
export interface RenderSopOptions {
  /** `html` (with the flowchart as inline SVG) for an intranet or a helpdesk sidebar, `markdown` for a wiki, `text` for a terminal. */
  format: 'markdown' | 'html' | 'text';
  /** Labels in Italian for `it…`, English otherwise. @default 'en' */
  locale?: string;
}

/** A piece of text that is either the author's words or a `[[term]]` from the glossary. */
type Run = { text: string; term?: string };
/** An instruction as the reader sees it: its number, what to do, and where to go. */
interface Item {
  n: number;
  node: SopNode;
  head: Run[];
  role?: string;
  next: Run[][];
}

/** The largest procedure drawn as a flowchart in HTML. */
const MAX_DRAWN_NODES = 200;
/** A word the author marks as a glossary term: `[[term]]`. */
const MARK = /\[\[([^[\]]+)\]\]/g;

/** Splits text at `[[term]]` marks; a term found in the glossary carries its definition. */
function runs(text: string, glossary: Map<string, string>): Run[] {
  const out: Run[] = [];
  let last = 0;
  for (const m of text.matchAll(MARK)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    const word = (m[1] as string).trim();
    const definition = glossary.get(word.toLocaleLowerCase());
    out.push(definition === undefined ? { text: word } : { text: word, term: definition });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** Numbers the nodes in the author's order, with the start first. */
function numbering(sop: SopDocument): Map<string, number> {
  const order = sop.instructions.nodes.map((n) => n.id).filter((id) => id !== sop.instructions.start);
  order.unshift(sop.instructions.start);
  return new Map(order.map((id, i) => [id, i + 1]));
}

function itemsOf(sop: SopDocument, l: SopLabels): Item[] {
  const number = numbering(sop);
  const glossary = new Map(sop.terms.map((t) => [t.term.toLocaleLowerCase(), t.definition]));
  const at = (id: string) => number.get(id) as number;
  const items = sop.instructions.nodes.map((node): Item => {
    const item: Item = { n: at(node.id), node, head: [], next: [] };
    if (node.kind === 'start') {
      item.head = [{ text: node.text ? `${l.start}: ` : l.start }, ...runs(node.text ?? '', glossary)];
      item.next = [[{ text: `→ ${l.goTo(at(node.next))}` }]];
    } else if (node.kind === 'step') {
      item.head = runs(node.text, glossary);
      if (node.role) item.role = node.role;
      item.next = [[{ text: node.next === null ? l.endsHere : `→ ${l.goTo(at(node.next))}` }]];
    } else if (node.kind === 'decision') {
      item.head = runs(node.question, glossary);
      item.next = node.branches.map((b) => [{ text: l.ifThen(b.label, at(b.next)) }]);
    } else item.head = [{ text: node.outcome ? `${l.end}: ` : l.end }, ...runs(node.outcome ?? '', glossary)];
    return item;
  });
  return items.sort((a, b) => a.n - b.n);
}

/** Label a flowchart node shows: its number and its text, marks removed. */
function chartLabel(node: SopNode, n: number, l: SopLabels): string {
  const text =
    node.kind === 'start'
      ? (node.text ?? l.start)
      : node.kind === 'end'
        ? (node.outcome ?? l.end)
        : node.kind === 'step'
          ? node.text
          : node.question;
  return `${n}. ${text.replace(MARK, '$1')}`;
}

function fields(sop: SopDocument, l: SopLabels): [string, string][] {
  const out: [string, string][] = [
    [l.department, sop.department],
    [l.owner, sop.owner],
    [l.version, sop.version],
    [l.reviewDate, sop.reviewDate],
  ];
  const a = sop.appliesTo;
  if (a && (a.tags.length > 0 || a.types.length > 0)) {
    const parts = [
      ...(a.tags.length > 0 ? [`${l.tags}: ${a.tags.join(', ')}`] : []),
      ...(a.types.length > 0 ? [`${l.types}: ${a.types.join(', ')}`] : []),
    ];
    out.push([l.appliesTo, parts.join('; ')]);
  }
  return out;
}

/** Author text on one line (breaks as spaces; escapes, overrides → �), Markdown-escaped: src/text/safe-text.ts. */
const md = (text: string) => markdownText(inlineText(text));
const mdRuns = (r: Run[]) => r.map((x) => (x.term === undefined ? md(x.text) : `**${md(x.text)}**`)).join('');
/** Author text on one line in plain text: no line break, terminal escape or bidirectional override gets through. */
const plain = inlineText;
const textRuns = (r: Run[]) => plain(r.map((x) => x.text).join(''));
const htmlRuns = (r: Run[]) =>
  r
    .map((x) =>
      x.term === undefined
        ? escapeXml(x.text)
        : `<abbr title="${escapeXml(x.term)}">${escapeXml(x.text)}</abbr>`,
    )
    .join('');

function renderMarkdown(sop: SopDocument, l: SopLabels, items: Item[]): string {
  const lines = [`# ${md(sop.title)}`, '', ...fields(sop, l).map(([k, v]) => `- **${md(k)}**: ${md(v)}`), ''];
  lines.push(`## ${l.purpose}`, '', md(sop.purpose), '');
  if (sop.terms.length > 0)
    lines.push(`## ${l.terms}`, '', ...sop.terms.map((t) => `- **${md(t.term)}**: ${md(t.definition)}`), '');
  lines.push(`## ${l.instructions}`, '');
  for (const item of items) {
    const role = item.role === undefined ? '' : ` _(${md(l.role)}: ${md(item.role)})_`;
    lines.push(`${item.n}. ${mdRuns(item.head)}${role}`, ...item.next.map((t) => `   - ${mdRuns(t)}`));
  }
  return `${lines.join('\n')}\n`;
}

function renderText(sop: SopDocument, l: SopLabels, items: Item[]): string {
  const lines = [
    plain(sop.title),
    '='.repeat(Math.min(sop.title.length, 60)),
    ...fields(sop, l).map(([k, v]) => `${k}: ${plain(v)}`),
    '',
  ];
  lines.push(`${l.purpose}: ${plain(sop.purpose)}`, '');
  if (sop.terms.length > 0)
    lines.push(`${l.terms}:`, ...sop.terms.map((t) => `  ${plain(t.term)}: ${plain(t.definition)}`), '');
  lines.push(`${l.instructions}:`);
  for (const item of items) {
    const role = item.role === undefined ? '' : ` (${l.role}: ${plain(item.role)})`;
    lines.push(`  ${item.n}. ${textRuns(item.head)}${role}`, ...item.next.map((t) => `     ${textRuns(t)}`));
  }
  return `${lines.join('\n')}\n`;
}

function renderHtml(sop: SopDocument, l: SopLabels, items: Item[], language: string): string {
  const dl = fields(sop, l)
    .map(([k, v]) => `<dt>${escapeXml(k)}</dt><dd>${escapeXml(v)}</dd>`)
    .join('');
  const out = [
    `<article class="sop" lang="${language}">`,
    `<h1>${escapeXml(sop.title)}</h1>`,
    `<dl class="sop-fields">${dl}</dl>`,
  ];
  out.push(`<h2>${escapeXml(l.purpose)}</h2>`, `<p>${escapeXml(sop.purpose)}</p>`);
  if (sop.terms.length > 0) {
    const terms = sop.terms
      .map((t) => `<dt>${escapeXml(t.term)}</dt><dd>${escapeXml(t.definition)}</dd>`)
      .join('');
    out.push(`<h2>${escapeXml(l.terms)}</h2>`, `<dl class="sop-terms">${terms}</dl>`);
  }
  out.push(`<h2>${escapeXml(l.instructions)}</h2>`, '<ol class="sop-steps">');
  for (const item of items) {
    const role =
      item.role === undefined
        ? ''
        : ` <span class="sop-role">(${escapeXml(l.role)}: ${escapeXml(item.role)})</span>`;
    const then = item.next.map((t) => `<li>${htmlRuns(t)}</li>`).join('');
    out.push(
      `<li value="${item.n}" id="sop-step-${item.n}">${htmlRuns(item.head)}${role}<ul>${then}</ul></li>`,
    );
  }
  out.push('</ol>');
  // Past this size a drawing is no longer readable, and the layered layout takes seconds: the list stands alone.
  if (items.length > MAX_DRAWN_NODES) return `${[...out, '</article>'].join('\n')}\n`;
  out.push(`<h2>${escapeXml(l.flowchart)}</h2>`);
  const number = new Map(items.map((i) => [i.node.id, i.n]));
  const svg = flowchartSvg(
    sop,
    (node) => chartLabel(node, number.get(node.id) as number, l),
    `${l.flowchart}: ${sop.title}`,
  );
  out.push(`<figure class="sop-flowchart">${svg}</figure>`, '</article>');
  return `${out.join('\n')}\n`;
}

/**
 * Renders an SOP as the document a new colleague reads: a header block (department, owner, version, review date,
 * what it applies to), the purpose, the glossary, the instructions numbered in the author's order (the start first) with each decision's
 * branches spelled out ("If “yes”: go to step 4.") and roles, and — in HTML — the flowchart as inline SVG (no
 * scripts, no network; procedures over 200 nodes get the list only). `[[term]]` marks become the term (in HTML an `<abbr>` with its definition). Every text is
 * escaped for the format.
 *
 * @example
 * ```ts
 * import { renderSop } from 'supportkit-ts';
 * const html = renderSop(sop, { format: 'html', locale: 'it-IT' });
 * const markdown = renderSop(sop, { format: 'markdown' });
 * ```
 */
export function renderSop(sop: SopDocumentInput, options: RenderSopOptions): string {
  if (typeof options !== 'object' || options === null)
    throw invalidOption('renderSop', '', 'expected an object with format');
  if (options.format !== 'markdown' && options.format !== 'html' && options.format !== 'text')
    throw invalidOption('renderSop', 'format', 'must be "markdown", "html" or "text"');
  if (options.locale !== undefined && typeof options.locale !== 'string')
    throw invalidOption('renderSop', 'locale', 'expected a BCP 47 locale such as it-IT');
  const doc = parse(SopDocument, sop, 'renderSop() sop');
  const language = stepLanguage(options.locale);
  const l = sopLabels(language);
  const items = itemsOf(doc, l);
  if (options.format === 'markdown') return renderMarkdown(doc, l, items);
  if (options.format === 'text') return renderText(doc, l, items);
  return renderHtml(doc, l, items, language);
}
