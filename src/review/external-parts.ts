// An external network that the cluster's own ranges (or an ipBlock `except`) cut into parts is
// evaluated per part, so the pair diff names each part (`Internet [0.0.0.0/5, …]`). A reviewer
// asked one question — what changed for the Internet — so parts whose change is the same (same
// other end, same ports gained and lost) are one review row, naming the network and listing the
// client addresses.

import type { PairChange } from '../diff/reachability-diff.ts';
import { formatConnSet } from '../report/conn-format.ts';

/** `network [cidr, cidr]` → { network, cidrs }; undefined for any other endpoint name. */
export function externalPart(name: string): { network: string; cidrs: string[] } | undefined {
  const m = /^(.*) \[([^\]]*)\]$/.exec(name);
  if (!m || m[1].includes('/')) return undefined;
  return { network: m[1], cidrs: m[2].split(',').map((c) => c.trim()).filter(Boolean) };
}

export interface MergedPairChange {
  /** The change with the part replaced by its network's name. */
  change: PairChange;
  /** The client (or destination) addresses of the merged parts, in the diff's order. */
  cidrs?: string[];
  /** A part's own names, for explain() (which takes a part's address as the endpoint). */
  explainSrc: string;
  explainDst: string;
}

/** Pair changes with same-change parts of one external network merged; order kept (first part's place). */
export function mergeExternalParts(changes: readonly PairChange[]): MergedPairChange[] {
  const out: MergedPairChange[] = [];
  const byKey = new Map<string, MergedPairChange>();
  for (const c of changes) {
    const sp = externalPart(c.src);
    const dp = sp ? undefined : externalPart(c.dst);
    const part = sp ?? dp;
    if (!part) {
      out.push({ change: c, explainSrc: c.src, explainDst: c.dst });
      continue;
    }
    const src = sp ? sp.network : c.src;
    const dst = dp ? dp.network : c.dst;
    const key = [src, dst, formatConnSet(c.added), formatConnSet(c.removed), sp ? 'src' : 'dst'].join('\u0000');
    const prev = byKey.get(key);
    if (prev) {
      prev.cidrs!.push(...part.cidrs);
      // One part had nothing before (or has nothing now), another had other ports: the network's
      // change is "ports differ", which is what both titles then say.
      if (prev.change.change !== c.change) prev.change = { ...prev.change, change: 'changed' };
      continue;
    }
    const merged: MergedPairChange = { change: { ...c, src, dst }, cidrs: [...part.cidrs], explainSrc: c.src, explainDst: c.dst };
    byKey.set(key, merged);
    out.push(merged);
  }
  return out;
}
