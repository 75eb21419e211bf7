// How much a dense overview card (app/flow/nodes/NamespaceNode.tsx CompactNamespace, styles.css
// .ns-card.dense) says at a zoom: every text line it draws is at least MIN_TEXT_PX high on
// screen; lines that would be smaller are dropped, lowest priority first, rather than drawn tiny.
//   full:    name, counts and badges, connections not drawn (hubs, "+N more")
//   summary: name and the connections line, larger (counts and badges are in the Inspector)
//   title:   name only
// The name is always drawn (at DENSE_FONT.title it stays >= 9 px down to the fit of 80 namespaces
// on a 1280x800 screen with the panels open).

/** Smallest text height on screen a card draws. */
export const MIN_TEXT_PX = 9;

/** Font sizes (CSS px at zoom 1) of a dense card's lines, per detail level (styles.css uses them). */
export const DENSE_FONT = { title: 22, line: 11, summary: 23 } as const;

export type CardDetail = 'full' | 'summary' | 'title';

export function denseCardDetail(zoom: number): CardDetail {
  if (DENSE_FONT.line * zoom >= MIN_TEXT_PX) return 'full';
  if (DENSE_FONT.summary * zoom >= MIN_TEXT_PX) return 'summary';
  return 'title';
}
