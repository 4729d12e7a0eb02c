import { stringify } from 'yaml';
import { invalidOption } from '../../errors/validation.js';
import { parse } from '../../models/parse.js';
import { SopDocument, type SopDocumentInput } from '../../models/sop.js';
import { isMermaidSafeId } from './flowchart.js';
import { printFlowchart, sopToFlowchart } from './mermaid-print.js';
import { printSteps, type StepLanguage } from './steps.js';

/**
 * Options of {@link sopToMarkdown}.
 * @example `sopToMarkdown(sop, { locale: 'it' })`
 */
export interface SopToMarkdownOptions {
  /** Headings and step words in Italian (`it…`) or English (anything else). @default 'en' */
  locale?: string;
}

const HEADINGS = {
  en: { purpose: 'Purpose', terms: 'Terms', flowchart: 'Flowchart', steps: 'Steps' },
  it: { purpose: 'Scopo', terms: 'Termini', flowchart: 'Diagramma', steps: 'Istruzioni' },
} as const;

/** A YAML scalar for one front-matter line (quoted when YAML would read it as something else). */
const scalar = (value: string) => stringify(value).trimEnd();
const list = (values: readonly string[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;

function frontMatter(sop: SopDocument): string[] {
  const lines = [
    '---',
    `id: ${scalar(sop.id)}`,
    `title: ${scalar(sop.title)}`,
    `department: ${scalar(sop.department)}`,
  ];
  lines.push(
    `owner: ${scalar(sop.owner)}`,
    `version: ${scalar(sop.version)}`,
    `reviewDate: ${sop.reviewDate}`,
  );
  if (sop.appliesTo)
    lines.push('appliesTo:', `  tags: ${list(sop.appliesTo.tags)}`, `  types: ${list(sop.appliesTo.types)}`);
  if (sop.updatedAt) lines.push(`updatedAt: ${sop.updatedAt.toISOString()}`);
  lines.push('---');
  return lines;
}

/** The language of a locale for SOP words: Italian for `it…`, else English. */
export function stepLanguage(locale: string | undefined): StepLanguage {
  return typeof locale === 'string' && /^it\b/i.test(locale) ? 'it' : 'en';
}

/**
 * Writes an SOP as Markdown that {@link parseSopMarkdown} reads back to an equal document: front matter, the
 * title, purpose, terms, the flowchart as a ```mermaid block (left out when a node id is not one Mermaid can
 * use) and the numbered steps with their roles. A purpose that would read as a heading or a list, and texts with
 * leading or trailing spaces, are the cases that do not come back exactly (see docs/sops.md).
 *
 * @example
 * ```ts
 * import { parseSopMarkdown, sopToMarkdown } from 'supportkit-ts';
 * const text = sopToMarkdown(sop, { locale: 'it' });
 * parseSopMarkdown(text); // deep-equals sop
 * ```
 */
export function sopToMarkdown(sop: SopDocumentInput, options: SopToMarkdownOptions = {}): string {
  if (typeof options !== 'object' || options === null)
    throw invalidOption('sopToMarkdown', '', 'expected an object');
  if (options.locale !== undefined && typeof options.locale !== 'string')
    throw invalidOption('sopToMarkdown', 'locale', 'expected a BCP 47 locale such as it-IT');
  const doc = parse(SopDocument, sop, 'sopToMarkdown() sop');
  const language = stepLanguage(options.locale);
  const h = HEADINGS[language];
  const lines = [...frontMatter(doc), '', `# ${doc.title}`, '', `## ${h.purpose}`, '', doc.purpose, ''];
  if (doc.terms.length > 0) {
    lines.push(
      `## ${h.terms}`,
      '',
      ...doc.terms.map((t) => `- **${t.term}**: ${t.definition.replace(/\n/g, '\n  ')}`),
      '',
    );
  }
  const ordered = [...doc.instructions.nodes];
  const start = ordered.findIndex((n) => n.id === doc.instructions.start);
  // Both forms read the start as the first start node, else the first node: without a start node, the start
  // moves to the top so the document reads back the same.
  if (start > 0 && !ordered.some((n) => n.kind === 'start')) ordered.unshift(...ordered.splice(start, 1));
  const printed = { ...doc, instructions: { start: doc.instructions.start, nodes: ordered } };
  if (ordered.every((n) => isMermaidSafeId(n.id))) {
    const chart = printFlowchart(sopToFlowchart(printed, 'TD')).trimEnd();
    lines.push(`## ${h.flowchart}`, '', '```mermaid', chart, '```', '');
  }
  lines.push(`## ${h.steps}`, '', ...printSteps(ordered, language), '');
  return lines.join('\n');
}
