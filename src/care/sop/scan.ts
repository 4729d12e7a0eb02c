/**
 * Small cursor helpers for the SOP readers. Patterns with adjacent quantifiers that can take the same characters
 * (`\s+(.*?)\s+`, `\s*#*\s*$`) backtrack polynomially on hostile lines (a heading of 4,000 characters took over
 * 20 s); the readers scan with these instead, each character looked at a bounded number of times (STYLE 20).
 * `isSpace` is exactly regex `\s`, `isLineBreak` exactly what regex `.` refuses, so the scans read the same
 * lines the old patterns did.
 */

const SPACE = /\s/;
/** What regex `.` does not match (without the `s` flag). */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** True when `text[i]` is whitespace as regex `\s` means it. */
export const isSpace = (text: string, i: number): boolean => i < text.length && SPACE.test(text[i] as string);

/** The index of the first non-space character at or after `i` (or `text.length`). */
export function skipSpace(text: string, i: number): number {
  let at = i;
  while (isSpace(text, at)) at++;
  return at;
}

/** The index of the last line break (`\r`, `\n`, U+2028, U+2029) in `text`, or -1. */
export function lastLineBreak(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (LINE_BREAK.test(text[i] as string)) return i;
  return -1;
}

/** True when `text` holds a line break (regex `.` would stop there). */
export const hasLineBreak = (text: string): boolean => LINE_BREAK.test(text);

/** True when from `i` to the end there is only whitespace and at most one `;` (the end of a statement). */
export function onlySeparatorFrom(text: string, i: number): boolean {
  let at = skipSpace(text, i);
  if (text[at] === ';') at = skipSpace(text, at + 1);
  return at === text.length;
}
