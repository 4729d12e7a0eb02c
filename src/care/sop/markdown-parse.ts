import { parse as parseYaml, YAMLParseError } from 'yaml';
import { type SopSourceIssue, SopSyntaxError } from '../../errors/sop.js';
import { invalidArgument, ValidationError } from '../../errors/validation.js';
import { parse } from '../../models/parse.js';
import { SopDocument, type SopNode } from '../../models/sop.js';
import { compareInstructions } from './markdown-agree.js';
import { parseFlowchartLocated } from './mermaid-parse.js';
import { type ChartInstructions, flowchartToInstructions } from './mermaid-to-sop.js';
import { hasLineBreak, isSpace, lastLineBreak, skipSpace } from './scan.js';
import { type LocatedStep, parseSteps } from './steps.js';

const SUBJECT = 'SOP Markdown';

/** Section headings, in English and Italian, by what they hold. */
const SECTIONS = new Map<string, 'purpose' | 'terms' | 'flowchart' | 'steps'>(
  Object.entries({
    purpose: 'purpose',
    scopo: 'purpose',
    terms: 'terms',
    glossary: 'terms',
    termini: 'terms',
    glossario: 'terms',
    flowchart: 'flowchart',
    diagram: 'flowchart',
    diagramma: 'flowchart',
    'diagramma di flusso': 'flowchart',
    steps: 'steps',
    instructions: 'steps',
    istruzioni: 'steps',
    passi: 'steps',
    procedura: 'steps',
  }) as [string, 'purpose' | 'terms' | 'flowchart' | 'steps'][],
);
/** Front-matter keys and the document fields they fill (camelCase, snake_case and kebab-case all work). */
const KEYS = new Map<string, string>(
  Object.entries({
    id: 'id',
    title: 'title',
    department: 'department',
    purpose: 'purpose',
    owner: 'owner',
    version: 'version',
    reviewdate: 'reviewDate',
    appliesto: 'appliesTo',
    updatedat: 'updatedAt',
  }),
);

interface Section {
  kind: 'purpose' | 'terms' | 'flowchart' | 'steps';
  first: number;
  lines: string[];
}
interface Body {
  title?: string;
  sections: Section[];
}

function fail(line: number, message: string, column = 1): never {
  throw new SopSyntaxError(SUBJECT, [{ path: [], code: 'sop_syntax', message, line, column }]);
}

/** Front matter is a few key: value lines; an alias that expands further than this is an attack, not an SOP. */
const MAX_YAML_ALIASES = 100;
/**
 * Every value read as text (`failsafe`); warnings not logged (yaml would print them, with the text they quote, to
 * stderr: unknown tags and directives change nothing here); aliases bounded.
 */
const YAML_OPTIONS = { schema: 'failsafe', logLevel: 'error', maxAliasCount: MAX_YAML_ALIASES } as const;

function readFrontMatter(lines: string[]): { data: Record<string, unknown>; bodyStart: number } {
  if (lines[0]?.trim() !== '---') return { data: {}, bodyStart: 0 };
  const close = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (close < 0) fail(1, 'the front matter opened with --- is not closed');
  let data: unknown;
  try {
    data = parseYaml(lines.slice(1, close).join('\n'), YAML_OPTIONS);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      fail((at?.line ?? 1) + 1, `the front matter is not valid YAML (${error.code})`, at?.col ?? 1);
    }
    // yaml throws a ReferenceError for an alias past maxAliasCount ("billion laughs") or naming no anchor, and
    // might throw others: none is the caller's to catch, and their messages may quote the text.
    if (error instanceof ReferenceError)
      fail(
        2,
        `the front matter's YAML aliases cannot be expanded (an alias names no anchor, or they expand past ${MAX_YAML_ALIASES} values)`,
      );
    fail(2, 'the front matter could not be read as YAML');
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data))
    fail(2, 'the front matter is a list of key: value lines');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const field = KEYS.get(key.replace(/[-_\s]/g, '').toLowerCase());
    if (field === undefined)
      fail(
        2 + lines.slice(1, close).findIndex((l) => l.startsWith(key)),
        'unknown front-matter key (expected id, title, department, purpose, owner, version, reviewDate, appliesTo, updatedAt)',
      );
    out[field as string] = value;
  }
  return { data: out, bodyStart: close + 1 };
}

/**
 * A `#` or `##` heading line: its level and its text without the optional closing `#`s and edge spaces (what
 * `/^(#{1,2})\s+(.*?)\s*#*\s*$/` read, scanned: that pattern took seconds on `## a` + spaces + `#` + spaces).
 */
export function headingOf(line: string): { level: 1 | 2; text: string } | undefined {
  const level = line.startsWith('##') ? 2 : line.startsWith('#') ? 1 : 0;
  if (level === 0 || !isSpace(line, level)) return undefined;
  let end = line.trimEnd().length;
  while (end > level && line[end - 1] === '#') end--;
  const text = line.slice(level, end).trim();
  return hasLineBreak(text) ? undefined : { level, text };
}

/**
 * A glossary line `- **Term**: definition` or `- Term: definition`, as
 * `/^\s*[-*+]\s+(?:\*\*(.+?)\*\*|([^:]+?))\s*:\s*(.*)$/` read it (term and definition untrimmed), scanned: the
 * pattern backtracked cubically on a bullet followed by spaces and no colon.
 */
export function termLineOf(line: string): { term: string; definition: string } | undefined {
  const bullet = skipSpace(line, 0);
  if (bullet >= line.length || !'-*+'.includes(line[bullet] as string)) return undefined;
  const afterBullet = bullet + 1;
  const text = skipSpace(line, afterBullet);
  if (text === afterBullet) return undefined;
  const lastBreak = lastLineBreak(line);
  // The definition: after the colon and its spaces, up to the end, which `.` must reach without a line break.
  const definitionAfter = (colon: number) => {
    const from = skipSpace(line, colon + 1);
    return from > lastBreak ? line.slice(from) : undefined;
  };
  if (line.startsWith('**', text)) {
    // The shortest bold text (no line break inside) whose closing ** is followed by spaces and a colon.
    const labelStart = text + 2;
    let breakAt = labelStart;
    while (breakAt < line.length && !hasLineBreak(line[breakAt] as string)) breakAt++;
    for (let close = line.indexOf('**', labelStart + 1); close >= 0 && close <= breakAt; ) {
      const colon = skipSpace(line, close + 2);
      if (line[colon] === ':') {
        const definition = definitionAfter(colon);
        if (definition !== undefined) return { term: line.slice(labelStart, close), definition };
      }
      close = line.indexOf('**', close + 1);
    }
  }
  // Else the term is everything up to the first colon (at least one character after the bullet's first space).
  const colon = line.indexOf(':', afterBullet);
  if (colon < afterBullet + 2) return undefined;
  const definition = definitionAfter(colon);
  return definition === undefined ? undefined : { term: line.slice(afterBullet, colon), definition };
}

function readBody(lines: string[], start: number): Body {
  const body: Body = { sections: [] };
  let current: Section | undefined;
  let fenced = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? undefined : headingOf(line);
    if (heading?.level === 1 && body.title === undefined && current === undefined) {
      body.title = heading.text;
      continue;
    }
    if (heading?.level === 2) {
      const kind = SECTIONS.get(heading.text.toLowerCase());
      current = kind === undefined ? undefined : { kind, first: i + 2, lines: [] };
      if (current) body.sections.push(current);
      continue;
    }
    current?.lines.push(line);
  }
  return body;
}

function section(body: Body, kind: Section['kind']): Section | undefined {
  const found = body.sections.filter((s) => s.kind === kind);
  if (found.length > 1) fail((found[1] as Section).first - 1, 'this section appears twice');
  return found[0];
}

function readTerms(s: Section | undefined): { term: string; definition: string }[] {
  if (!s) return [];
  const terms: { term: string; definition: string }[] = [];
  s.lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const last = terms.at(-1);
    if (last && /^\s{2,}\S/.test(line)) {
      last.definition += `\n${line.trim()}`; // an indented line continues the definition above
      return;
    }
    const m = termLineOf(line);
    if (!m) fail(s.first + i, 'a term reads "- **Term**: definition"');
    terms.push({ term: m.term.trim(), definition: m.definition.trim() });
  });
  return terms;
}

function readChart(s: Section | undefined, all: Section[]): ChartInstructions | undefined {
  const where = s ?? all.find((x) => x.lines.some((l) => /^\s*```mermaid\s*$/.test(l)));
  if (!where) return undefined;
  const open = where.lines.findIndex((l) => /^\s*```mermaid\s*$/.test(l));
  if (open < 0) return fail(where.first, 'the flowchart section holds a ```mermaid block');
  const close = where.lines.findIndex((l, i) => i > open && /^\s*```\s*$/.test(l));
  if (close < 0) return fail(where.first + open, 'the ```mermaid block is not closed');
  const located = parseFlowchartLocated(where.lines.slice(open + 1, close).join('\n'), where.first + open);
  return flowchartToInstructions(located, SUBJECT);
}

/** Combines the chart and the steps: they must agree; the steps give roles and order, the chart groups. */
function instructionsOf(
  chart: ChartInstructions | undefined,
  steps: LocatedStep[] | undefined,
  firstLine: number,
) {
  if (!chart && !steps)
    return fail(firstLine, 'the SOP has no instructions: add a ```mermaid flowchart or a "## Steps" list');
  if (!steps) return chart as ChartInstructions;
  const nodes = steps.map((s) => s.node);
  const start = (nodes.find((n) => n.kind === 'start') ?? nodes[0])?.id ?? '';
  if (!chart) return { start, nodes };
  const issues = compareInstructions(chart, steps, start);
  if (issues.length > 0) throw new SopSyntaxError(SUBJECT, issues);
  const groups = new Map(chart.nodes.map((n) => [n.id, n.group]));
  return {
    start,
    nodes: nodes.map(
      (n): SopNode => (groups.get(n.id) === undefined ? n : { ...n, group: groups.get(n.id) as string }),
    ),
  };
}

/**
 * Reads an SOP written in Markdown: YAML front matter (`id`, `title`, `department`, `purpose`, `owner`,
 * `version`, `reviewDate`, `appliesTo: { tags, types }`), an optional `# Title`, then `## Purpose`, `## Terms`
 * (`- **Term**: definition`), `## Flowchart` (a ```mermaid block) and `## Steps` (numbered steps with
 * `if … → go to …` branches); Italian headings work too (Scopo, Termini, Diagramma, Istruzioni). With both a
 * flowchart and steps they must agree. Syntax problems are a {@link SopSyntaxError} with line and column; a
 * document the model refuses (a missing field, a step pointing nowhere) is a ValidationError with the field path.
 *
 * @example
 * ```ts
 * import { parseSopMarkdown } from 'supportkit-ts';
 * const sop = parseSopMarkdown(`---
 * id: sop-refund
 * title: Refund request
 * department: Billing
 * owner: billing-lead
 * version: 1.0.0
 * reviewDate: 2027-03-01
 * ---
 * ## Purpose
 * Refund customers consistently.
 *
 * ## Steps
 * 1. \`paid\` Was the order paid by card?
 *    - if yes → go to \`card\`
 *    - if no → go to \`done\`
 * 2. \`card\` Refund to the card → go to \`done\`
 * 3. \`done\` End: Customer informed
 * `);
 * sop.instructions.start; // 'paid'
 * ```
 */
export function parseSopMarkdown(text: string): SopDocument {
  if (typeof text !== 'string') throw invalidArgument('parseSopMarkdown()', 'text', 'expected a string');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const { data, bodyStart } = readFrontMatter(lines);
  const body = readBody(lines, bodyStart);
  const purpose = section(body, 'purpose');
  const stepsSection = section(body, 'steps');
  const chart = readChart(section(body, 'flowchart'), body.sections);
  const issues: SopSourceIssue[] = [];
  const steps = stepsSection ? parseSteps(stepsSection.lines, stepsSection.first, issues) : undefined;
  if (issues.length > 0) throw new SopSyntaxError(SUBJECT, issues);
  const doc = {
    ...data,
    title: data.title ?? body.title,
    purpose: data.purpose ?? purpose?.lines.join('\n').trim(),
    terms: readTerms(section(body, 'terms')),
    instructions: instructionsOf(chart, steps, bodyStart + 1),
  };
  try {
    return parse(SopDocument, doc, SUBJECT);
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(SUBJECT, error.issues);
    throw error;
  }
}
