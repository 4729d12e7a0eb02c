import type { SopDocument, SopTerm } from '../../models/sop.js';

/** Words in capitals (two or more characters, digits allowed after the first letter) read as acronyms. */
const ACRONYM = /(?<![\p{L}\p{N}_])\p{Lu}[\p{Lu}\p{N}]+(?![\p{L}\p{N}_])/gu;
/** Words an author marks as terms: `[[term]]`. */
const MARKED = /\[\[([^[\]]+)\]\]/g;
/** Capitalised words that are not acronyms to define. */
const NOT_ACRONYMS = new Set(['OK', 'KO']);

/** Every text of the instructions a reader sees: steps, roles, questions, branch labels, outcomes. */
export function instructionTexts(sop: SopDocument): string[] {
  const out: string[] = [];
  for (const node of sop.instructions.nodes) {
    if (node.kind === 'start' && node.text) out.push(node.text);
    if (node.kind === 'step') out.push(node.text, ...(node.role ? [node.role] : []));
    if (node.kind === 'decision') out.push(node.question, ...node.branches.map((b) => b.label));
    if (node.kind === 'end' && node.outcome) out.push(node.outcome);
  }
  return out;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `term` occurs in `text` as a whole word (any case) or marked as `[[term]]`. */
export function mentions(text: string, term: string): boolean {
  const word = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(term)}(?![\\p{L}\\p{N}_])`, 'iu');
  return word.test(text);
}

/**
 * Terms the texts use without defining them (acronyms and `[[marked]]` words, in first-use order) and glossary
 * terms no text uses.
 */
export function termUse(terms: readonly SopTerm[], texts: readonly string[]) {
  const defined = new Map(terms.map((t) => [t.term.toLocaleLowerCase(), t.term]));
  const used = new Map<string, string>();
  for (const text of texts) {
    for (const m of text.matchAll(MARKED))
      used.set((m[1] as string).trim().toLocaleLowerCase(), (m[1] as string).trim());
    for (const m of text.matchAll(ACRONYM))
      if (!NOT_ACRONYMS.has(m[0])) used.set(m[0].toLocaleLowerCase(), m[0]);
  }
  const undefinedTerms = [...used].filter(([key]) => !defined.has(key)).map(([, term]) => term);
  const unused = terms.filter((t) => !texts.some((text) => mentions(text, t.term))).map((t) => t.term);
  return { undefined: undefinedTerms, unused };
}
