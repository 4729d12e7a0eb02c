import { SupportkitError } from './base.js';
import { field, optionalNumber, strings, text } from './lenient.js';
import { issueOf, ValidationError, type ValidationIssue } from './validation.js';

/**
 * A problem in SOP source text (Markdown or a Mermaid flowchart), with where it is: 1-based line and column in
 * the text that was parsed.
 * @example `const issue: SopSourceIssue = { path: [], code: 'sop_syntax', message: 'expected -->', line: 3, column: 9 };`
 */
export interface SopSourceIssue extends ValidationIssue {
  readonly line: number;
  readonly column: number;
}

function sopIssueOf(given: unknown): SopSourceIssue {
  const issue = issueOf(given);
  const line = optionalNumber(field(given, 'line'));
  const column = optionalNumber(field(given, 'column'));
  return issue === given && line !== undefined && column !== undefined
    ? (given as SopSourceIssue)
    : { ...issue, line: line ?? 0, column: column ?? 0 };
}

/**
 * SOP Markdown or a Mermaid flowchart that cannot be read. A {@link ValidationError} whose issues also carry the
 * line and column of each problem; the message lists them (`line 3, column 9: …`) and never quotes the text.
 *
 * @example
 * ```ts
 * import { parseMermaidFlowchart, SopSyntaxError } from 'supportkit-ts';
 * try {
 *   parseMermaidFlowchart('flowchart TD\n  a --> end');
 * } catch (error) {
 *   if (error instanceof SopSyntaxError) console.log(error.issues[0]?.line, error.issues[0]?.column); // 2 9
 * }
 * ```
 */
export class SopSyntaxError extends ValidationError {
  override readonly issues: readonly SopSourceIssue[];

  constructor(subject: string, issues: readonly SopSourceIssue[]) {
    // Lenient (see SupportkitError): issues read as ValidationError reads them, with a line and column of 0 when
    // not numbers.
    issues = Array.isArray(issues) ? issues.map(sopIssueOf) : [];
    subject = text(subject, 'SOP source');
    super(subject, issues);
    this.issues = issues;
    const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
    const lines = issues.slice(0, 20).map((i) => `  - line ${i.line}, column ${i.column}: ${i.message}`);
    if (issues.length > 20) lines.push(`  … and ${issues.length - 20} more (see error.issues)`);
    this.message = `Could not read ${subject} (${count}):\n${lines.join('\n')}`;
  }
}

/**
 * Why a move on an SOP run was refused:
 * - `not_current`: the step is not the one the run waits for;
 * - `choice_required`: the step is a decision and no choice was given;
 * - `not_an_exit`: the choice is not one of the decision's branch labels;
 * - `choice_not_allowed`: a choice was given for a step that is not a decision;
 * - `finished`: the run is already complete;
 * - `time_goes_back`: the move is dated before the run's last move.
 * @example `const reason: SopInvalidMoveReason = 'not_an_exit';`
 */
export type SopInvalidMoveReason =
  | 'not_current'
  | 'choice_required'
  | 'not_an_exit'
  | 'choice_not_allowed'
  | 'finished'
  | 'time_goes_back';

/**
 * A move an SOP run cannot make (`code: 'sop_invalid_move'`); `reason` says why, `stepId` which step was asked
 * for and `expected` the step ids (or branch labels) that would have been accepted. Ids and labels come from the
 * SOP, never from customer text.
 *
 * @example
 * ```ts
 * import { advanceSopRun, SopInvalidMoveError } from 'supportkit-ts';
 * try {
 *   advanceSopRun(run, { stepId: 'refund', operatorId: 'agent-1', at: new Date() });
 * } catch (error) {
 *   if (error instanceof SopInvalidMoveError) console.log(error.reason, error.expected);
 * }
 * ```
 */
export class SopInvalidMoveError extends SupportkitError {
  readonly reason: SopInvalidMoveReason;
  readonly stepId: string;
  readonly expected: readonly string[];

  constructor(reason: SopInvalidMoveReason, stepId: string, expected: readonly string[], message: string) {
    super(text(message, 'The SOP run cannot make this move'), { code: 'sop_invalid_move' });
    this.reason = text(reason, 'not_current') as SopInvalidMoveReason;
    this.stepId = text(stepId, '');
    this.expected = Array.isArray(expected) ? strings(expected) : [];
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason, stepId: this.stepId, expected: this.expected };
  }
}
