import { DateTime } from 'luxon';
import { invalidOption } from '../../errors/validation.js';
import { parse } from '../../models/parse.js';
import { isIanaTimeZone } from '../../models/primitives.js';
import { SopDocument, type SopDocumentInput } from '../../models/sop.js';
import { isMermaidSafeId } from './flowchart.js';
import { isEnd, reachableFromStart, reachingAnEnd, stronglyConnected, successors } from './graph.js';
import { type FindingSubject, findingMessage } from './labels.js';
import { stepLanguage } from './markdown-print.js';
import { instructionTexts, termUse } from './terms.js';

/**
 * Every finding {@link checkSop} can report; the table in docs/sops.md says what each means.
 * @example `const code: SopFindingCode = 'unreachable_step';`
 */
export type SopFindingCode =
  | 'start_not_unique'
  | 'unreachable_step'
  | 'no_path_to_end'
  | 'cycle_without_exit'
  | 'decision_duplicate_label'
  | 'decision_too_few_exits'
  | 'term_undefined'
  | 'term_unused'
  | 'review_overdue'
  | 'empty_purpose'
  | 'mermaid_unsafe_id';

/**
 * One thing {@link checkSop} found: errors make the procedure wrong to follow, warnings make it harder to read.
 * @example `const f: SopFinding = { code: 'term_unused', severity: 'warning', term: 'RMA', message: '…' };`
 */
export interface SopFinding {
  code: SopFindingCode;
  severity: 'error' | 'warning';
  /** The node the finding is about. */
  nodeId?: string;
  /** The glossary term the finding is about. */
  term?: string;
  /** The finding in words, in the language asked for. */
  message: string;
}

/**
 * Options of {@link checkSop}.
 * @example `checkSop(sop, { locale: 'it-IT', asOf: new Date('2026-11-29T10:00:00Z'), timeZone: 'Europe/Rome' })`
 */
export interface CheckSopOptions {
  /** Messages in Italian for `it…`, English otherwise. @default 'en' */
  locale?: string;
  /** The moment the review date is compared with. @default now */
  asOf?: Date;
  /** The time zone whose calendar date `asOf` falls on. @default 'UTC' */
  timeZone?: string;
}

const ERRORS = new Set<SopFindingCode>([
  'start_not_unique',
  'unreachable_step',
  'no_path_to_end',
  'cycle_without_exit',
  'decision_duplicate_label',
  'decision_too_few_exits',
]);

function graphFindings(sop: SopDocument, add: (code: SopFindingCode, s: FindingSubject) => void): void {
  const { start, nodes } = sop.instructions;
  for (const node of nodes)
    if (node.kind === 'start' && node.id !== start) add('start_not_unique', { nodeId: node.id });
  const reachable = new Set(reachableFromStart(sop));
  for (const node of nodes) if (!reachable.has(node.id)) add('unreachable_step', { nodeId: node.id });
  const reaching = reachingAnEnd(sop);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const trapped = new Set<string>();
  for (const component of stronglyConnected(sop)) {
    const members = new Set(component);
    const first = byId.get(component[0] as string);
    const cyclic = component.length > 1 || (first !== undefined && successors(first).includes(first.id));
    const exits = component.some((id) =>
      successors(byId.get(id) as never).some((next) => !members.has(next)),
    );
    if (cyclic && !exits && !component.some((id) => isEnd(byId.get(id) as never))) {
      add('cycle_without_exit', { nodeId: component[0] as string });
      for (const id of component) trapped.add(id);
    }
  }
  for (const node of nodes)
    if (!reaching.has(node.id) && !trapped.has(node.id)) add('no_path_to_end', { nodeId: node.id });
}

function decisionFindings(sop: SopDocument, add: (code: SopFindingCode, s: FindingSubject) => void): void {
  for (const node of sop.instructions.nodes) {
    if (node.kind !== 'decision') continue;
    const labels = node.branches.map((b) => b.label.trim().toLocaleLowerCase());
    if (new Set(labels).size < labels.length) add('decision_duplicate_label', { nodeId: node.id });
    if (new Set(node.branches.map((b) => b.next)).size < 2)
      add('decision_too_few_exits', { nodeId: node.id });
  }
}

function readOptions(options: CheckSopOptions) {
  if (typeof options !== 'object' || options === null)
    throw invalidOption('checkSop', '', 'expected an object');
  const asOf = options.asOf ?? new Date();
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime()))
    throw invalidOption('checkSop', 'asOf', 'expected a valid Date');
  const timeZone = options.timeZone ?? 'UTC';
  if (typeof timeZone !== 'string' || !isIanaTimeZone(timeZone))
    throw invalidOption('checkSop', 'timeZone', 'expected an IANA time zone such as Europe/Rome');
  if (options.locale !== undefined && typeof options.locale !== 'string')
    throw invalidOption('checkSop', 'locale', 'expected a BCP 47 locale such as it-IT');
  return { asOf, timeZone, language: stepLanguage(options.locale) };
}

/**
 * Reviews an SOP the way an editor shows problems while it is written, without throwing for them: exactly one
 * start; every node reachable from it; from every node a path to an end; no loop without an exit; decisions with
 * distinct labels leading to at least two different steps; acronyms (`CRM`, `L2`) and `[[marked terms]]` in the
 * purpose and instructions defined in the terms, and every term used; a review date in the past; an empty
 * purpose; node ids Mermaid cannot draw. Messages are in Italian or English (`locale`). What the `SopDocument`
 * model refuses (dangling references, duplicate ids) is still a ValidationError.
 *
 * @example
 * ```ts
 * import { checkSop } from 'supportkit-ts';
 * for (const f of checkSop(sop, { locale: 'it' })) console.log(f.severity, f.code, f.nodeId ?? f.term ?? '', f.message);
 * // error unreachable_step orphan "orphan" non si raggiunge dall'inizio.
 * ```
 */
export function checkSop(sop: SopDocumentInput, options: CheckSopOptions = {}): SopFinding[] {
  const doc = parse(SopDocument, sop, 'checkSop() sop');
  const { asOf, timeZone, language } = readOptions(options);
  const findings: SopFinding[] = [];
  const add = (code: SopFindingCode, subject: FindingSubject) => {
    const { reviewDate: _, ...about } = subject;
    findings.push({
      code,
      severity: ERRORS.has(code) ? 'error' : 'warning',
      ...about,
      message: findingMessage(code, subject, language),
    });
  };
  graphFindings(doc, add);
  decisionFindings(doc, add);
  const use = termUse(doc.terms, [doc.purpose, ...instructionTexts(doc)]);
  for (const term of use.undefined) add('term_undefined', { term });
  for (const term of use.unused) add('term_unused', { term });
  const today = DateTime.fromJSDate(asOf, { zone: timeZone }).toISODate() as string;
  if (doc.reviewDate < today) add('review_overdue', { reviewDate: doc.reviewDate });
  if (doc.purpose.trim() === '') add('empty_purpose', {});
  for (const node of doc.instructions.nodes)
    if (!isMermaidSafeId(node.id)) add('mermaid_unsafe_id', { nodeId: node.id });
  return findings;
}
