import type { SopFindingCode } from './check.js';

/** What a finding message may mention: the node id and the term, both written by the SOP's author. */
export interface FindingSubject {
  nodeId?: string;
  term?: string;
  reviewDate?: string;
}

type Messages = Record<SopFindingCode, (s: FindingSubject) => string>;

const en: Messages = {
  start_not_unique: (s) =>
    `"${s.nodeId}" is marked as a start, but the procedure starts elsewhere: keep exactly one start.`,
  unreachable_step: (s) => `"${s.nodeId}" cannot be reached from the start.`,
  no_path_to_end: (s) => `From "${s.nodeId}" no path reaches an end.`,
  cycle_without_exit: (s) => `"${s.nodeId}" is in a loop that never exits: add a branch that leaves it.`,
  decision_duplicate_label: (s) => `Decision "${s.nodeId}" has two branches with the same label.`,
  decision_too_few_exits: (s) => `Decision "${s.nodeId}" leads to fewer than two different steps.`,
  term_undefined: (s) => `"${s.term}" is used but not defined in the terms.`,
  term_unused: (s) => `The term "${s.term}" is defined but not used.`,
  review_overdue: (s) => `The review date (${s.reviewDate}) has passed: review the procedure.`,
  empty_purpose: () => 'The purpose is empty: say why the procedure exists.',
  mermaid_unsafe_id: (s) =>
    `Node id "${s.nodeId}" cannot be used in a Mermaid flowchart (ASCII letters, digits and _ only, not "end").`,
};

const it: Messages = {
  start_not_unique: (s) =>
    `"${s.nodeId}" è segnato come inizio, ma la procedura inizia altrove: tieni un solo inizio.`,
  unreachable_step: (s) => `"${s.nodeId}" non si raggiunge dall'inizio.`,
  no_path_to_end: (s) => `Da "${s.nodeId}" nessun percorso arriva a una fine.`,
  cycle_without_exit: (s) => `"${s.nodeId}" è in un ciclo senza uscita: aggiungi un ramo che ne esca.`,
  decision_duplicate_label: (s) => `La decisione "${s.nodeId}" ha due rami con la stessa etichetta.`,
  decision_too_few_exits: (s) => `La decisione "${s.nodeId}" porta a meno di due passi diversi.`,
  term_undefined: (s) => `"${s.term}" è usato ma non è definito nei termini.`,
  term_unused: (s) => `Il termine "${s.term}" è definito ma non è usato.`,
  review_overdue: (s) => `La data di revisione (${s.reviewDate}) è passata: rivedi la procedura.`,
  empty_purpose: () => 'Lo scopo è vuoto: spiega perché esiste la procedura.',
  mermaid_unsafe_id: (s) =>
    `L'id "${s.nodeId}" non si può usare in un diagramma Mermaid (solo lettere ASCII, cifre e _, e non "end").`,
};

/** The finding message for a code, in Italian for `it…` locales and English otherwise. */
export function findingMessage(code: SopFindingCode, subject: FindingSubject, language: 'en' | 'it'): string {
  return (language === 'it' ? it : en)[code](subject);
}

/**
 * The words a rendered SOP uses, in one language.
 * @example `sopLabels('it').purpose // 'Scopo'`
 */
export interface SopLabels {
  department: string;
  owner: string;
  version: string;
  reviewDate: string;
  appliesTo: string;
  tags: string;
  types: string;
  purpose: string;
  terms: string;
  instructions: string;
  flowchart: string;
  role: string;
  start: string;
  end: string;
  goTo: (n: number) => string;
  ifThen: (label: string, n: number) => string;
  endsHere: string;
  none: string;
}

const enLabels: SopLabels = {
  department: 'Department',
  owner: 'Owner',
  version: 'Version',
  reviewDate: 'Review date',
  appliesTo: 'Applies to',
  tags: 'tags',
  types: 'types',
  purpose: 'Purpose',
  terms: 'Terms',
  instructions: 'Instructions',
  flowchart: 'Flowchart',
  role: 'Role',
  start: 'Start',
  end: 'End',
  goTo: (n) => `go to step ${n}`,
  ifThen: (label, n) => `If “${label}”: go to step ${n}.`,
  endsHere: 'The procedure ends here.',
  none: '—',
};

const itLabels: SopLabels = {
  department: 'Reparto',
  owner: 'Responsabile',
  version: 'Versione',
  reviewDate: 'Data di revisione',
  appliesTo: 'Si applica a',
  tags: 'tag',
  types: 'tipi',
  purpose: 'Scopo',
  terms: 'Termini',
  instructions: 'Istruzioni',
  flowchart: 'Diagramma di flusso',
  role: 'Ruolo',
  start: 'Inizio',
  end: 'Fine',
  goTo: (n) => `vai al passo ${n}`,
  ifThen: (label, n) => `Se “${label}”: vai al passo ${n}.`,
  endsHere: 'La procedura finisce qui.',
  none: '—',
};

/**
 * The labels for a language: Italian for `it`, English otherwise.
 * @example `sopLabels('en').instructions // 'Instructions'`
 */
export function sopLabels(language: 'en' | 'it'): SopLabels {
  return language === 'it' ? itLabels : enLabels;
}
