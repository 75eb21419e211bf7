// The canvas status line's words about what the edges show, decided beside the edges
// (edges.ts says whether edges are grouped or bundled): short enough for one line at 1280 px,
// with the full sentence for the title.

export interface EdgeStatusInput {
  /** Some drawn edge stands for several node pairs (CanvasEdgeOutput.aggregated). */
  aggregated: boolean;
  /** Connections not drawn, counted on the cards instead (CanvasEdgeOutput.bundled). */
  bundled: number;
  /** The edge view shows only the selection's connections, and nothing is selected. */
  awaitingSelection: boolean;
}

export interface StatusHint { short: string; full: string }

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The hints after the evaluation figures, in order; empty when the edges are drawn one per pair. */
export function edgeStatusHints(s: EdgeStatusInput): StatusHint[] {
  const out: StatusHint[] = [];
  if (s.bundled > 0) {
    out.push({
      short: `${plural(s.bundled, 'connection')} on the cards: select one`,
      full: `${plural(s.bundled, 'connection')} summarised on the cards instead of drawn: select a node to draw all of its own connections`,
    });
  } else if (s.aggregated) {
    out.push({
      short: 'edges grouped per namespace · select a node for its own',
      full: 'Dense design: edges are grouped per namespace; select a node to draw its own edges',
    });
  }
  if (s.awaitingSelection) out.push({ short: 'select a node to see its connections', full: 'Select a node to see its connections' });
  return out;
}
