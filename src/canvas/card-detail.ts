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

/** The level whose smallest line is still MIN_TEXT_PX on screen at `zoom`, for a card's fonts. */
function detailFor(font: { readonly line: number; readonly summary: number }, zoom: number): CardDetail {
  if (font.line * zoom >= MIN_TEXT_PX) return 'full';
  if (font.summary * zoom >= MIN_TEXT_PX) return 'summary';
  return 'title';
}

export function denseCardDetail(zoom: number): CardDetail {
  return detailFor(DENSE_FONT, zoom);
}

/**
 * Font sizes (CSS px at zoom 1) of a normal overview card (fewer than DENSE_MIN_NAMESPACES
 * namespaces; styles.css .ns-card): full detail draws the name at `title` and two lines
 * (count and deny; badges and connections) at `line`; summary draws the name at
 * `summaryTitle` and one line at `summary` (deny state, exposure badges, connections).
 */
export const CARD_FONT = { title: 17, line: 12, summaryTitle: 20, summary: 20 } as const;

/** How much a normal overview card says at `zoom` (same levels and rule as denseCardDetail). */
export function normalCardDetail(zoom: number): CardDetail {
  return detailFor(CARD_FONT, zoom);
}

/** The detail of the overview's cards, dense or not, at `zoom`. */
export function cardDetail(zoom: number, dense: boolean): CardDetail {
  return dense ? denseCardDetail(zoom) : normalCardDetail(zoom);
}

/**
 * Font sizes of a load balancer or external network node of a large design (styles.css
 * .lb-node, .ext-node): full detail has a 13 px title over 11 px lines (namespace and ports,
 * addresses, connections not drawn); brief detail a `briefTitle` name over, for an external
 * network, its connections line at `briefLine` (the addresses and the load balancer's ports are
 * in the Inspector and the node's title).
 */
export const SIDE_NODE_FONT = { title: 13, line: 11, briefTitle: 20, briefLine: 20 } as const;

export type SideNodeDetail = 'full' | 'brief';

export function sideNodeDetail(zoom: number): SideNodeDetail {
  return SIDE_NODE_FONT.line * zoom >= MIN_TEXT_PX ? 'full' : 'brief';
}
