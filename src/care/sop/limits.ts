/**
 * How large an SOP read from text may be. Mermaid's `&` multiplies: `a0 & … & ak --> b0 & … & bk` is (k+1)²
 * edges, so 62 KB of text once asked for 1.6 GB. The readers count before they expand and refuse what passes
 * these limits with a SopSyntaxError naming them. A procedure a person follows is far smaller (the HTML
 * rendering stops drawing at 200 nodes).
 */

/** The most nodes an SOP's flowchart or step list may have. */
export const MAX_SOP_NODES = 5_000;
/** The most edges (exits of steps, branches of decisions) an SOP's flowchart or step list may have. */
export const MAX_SOP_EDGES = 20_000;

const count = (n: number) => n.toLocaleString('en-US');

/** The message of the issue raised when a text passes a limit (numbers only: never text from the document). */
export function limitMessage(what: 'nodes' | 'edges', extra = ''): string {
  const limit = what === 'nodes' ? MAX_SOP_NODES : MAX_SOP_EDGES;
  return `the SOP has more than ${count(limit)} ${what}, the limit for an SOP${extra}`;
}
