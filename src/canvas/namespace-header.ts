// A namespace is drawn at least as wide as its header needs (name, workload count, default-deny
// badge, the collapse button and review badges), so the header is never cut: the drawn width
// is the layout's width or the header's, whichever is larger, up to HEADER_MAX_W (past that a
// genuinely long name ends in an ellipsis and keeps its full text as its title). Widths are
// estimated from the text (styles.css .ns-header: 14px bold name, 11px count, 10px badge).

import type { Doc, Id } from '../model/types.ts';

const PAD = 24;
const GAP = 8;
const NAME_CHAR_W = 8.8;
/** Room for the count as `999 workloads` (11px). */
const COUNT_W = 13 * 6.4;
const DENY_CHAR_W = 6.1;
const DENY_PAD = 10;
/** The collapse button or a review badge at the header's end. */
const END_W = 28;
/** Past this width a namespace does not grow for its header: the name ends in an ellipsis. */
export const HEADER_MAX_W = 560;

/** The default-deny badge's text (app/flow/nodes/NamespaceNode.tsx draws `deny <text>`). */
export function denyBadgeText(deny: { ingress: boolean; egress: boolean }): string {
  return [deny.ingress ? 'ingress' : '', deny.egress ? 'egress' : ''].filter(Boolean).join(' + ');
}

/** Width the header of a namespace called `name` needs. */
export function namespaceHeaderWidth(name: string, deny: { ingress: boolean; egress: boolean }): number {
  const d = denyBadgeText(deny);
  const badge = d ? GAP + (`deny ${d}`.length * DENY_CHAR_W + DENY_PAD) : 0;
  return Math.ceil(PAD + name.length * NAME_CHAR_W + GAP + COUNT_W + badge + GAP + END_W);
}

/** The width a namespace is drawn at: its layout width, grown to fit its header. */
export function fitHeaderWidth(doc: Doc, nsId: Id, w: number): number {
  const ns = doc.model.namespaces[nsId];
  if (!ns) return w;
  const d = doc.model.namespaceDefaults[nsId];
  const need = namespaceHeaderWidth(ns.name, { ingress: !!d?.denyIngress, egress: !!d?.denyEgress });
  return Math.max(w, Math.min(HEADER_MAX_W, need));
}
