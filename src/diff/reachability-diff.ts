// What changed in reachability between two designs (e.g. main branch vs pull request).
// Endpoints are matched by name (`ns/name`, external network names), since ids of two separately
// imported designs need not agree. External networks may be split into different parts on each
// side (parts follow the ipBlocks of the policies), so both splits are refined to their common
// parts before comparing; a part is named `network [cidrs]` unless it is the whole network.

import type { Model } from '../model/types.ts';
import { ipIntersect, ipIsEmpty, ipSetOf, toCidrs, type IpSet } from '../net/ipset.ts';
import { emptyConn, equals, isEmpty, subtract } from '../policy/portset.ts';
import type { ConnSet, EndpointKind, Reachability } from '../policy/reachability-types.ts';

export interface PairChange {
  src: string;
  dst: string;
  /** added: nothing was allowed before; removed: nothing is allowed now; changed: ports differ. */
  change: 'added' | 'removed' | 'changed';
  before: ConnSet;
  after: ConnSet;
  /** after minus before */
  added: ConnSet;
  /** before minus after */
  removed: ConnSet;
}

export interface ReachDiff {
  endpointsAdded: string[];
  endpointsRemoved: string[];
  /** Sorted by source, then destination. */
  changes: PairChange[];
  counts: { added: number; removed: number; changed: number };
}

interface Unit {
  name: string;
  kind: EndpointKind;
  base?: number;
  next?: number;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function externalName(model: Model, modelId: string, fallback: string): string {
  return model.externals[modelId]?.name ?? fallback.replace(/ \[.*\]$/, '');
}

/** Pairs each side's endpoints into comparable units (see the file comment). */
function matchUnits(baseModel: Model, base: Reachability, newModel: Model, next: Reachability): Unit[] {
  const units = new Map<string, Unit>();
  const externals = new Map<string, { base: Array<{ i: number; set: IpSet }>; next: Array<{ i: number; set: IpSet }> }>();
  const add = (r: Reachability, model: Model, side: 'base' | 'next') => {
    r.endpoints.forEach((e, i) => {
      if (e.kind === 'external') {
        const net = externalName(model, e.modelId, e.name);
        const entry = externals.get(net) ?? { base: [], next: [] };
        entry[side].push({ i, set: ipSetOf(e.cidrs ?? []) });
        externals.set(net, entry);
        return;
      }
      const u = units.get(e.name) ?? { name: e.name, kind: e.kind };
      if (u[side] === undefined) u[side] = i;
      units.set(e.name, u);
    });
  };
  add(base, baseModel, 'base');
  add(next, newModel, 'next');
  for (const [net, parts] of externals) {
    const whole = (list: typeof parts.base) => list.length === 1;
    if (parts.base.length === 0 || parts.next.length === 0 || (whole(parts.base) && whole(parts.next))) {
      const b = parts.base[0];
      const n = parts.next[0];
      units.set(net, { name: net, kind: 'external', base: b?.i, next: n?.i });
      continue;
    }
    for (const b of parts.base) {
      for (const n of parts.next) {
        const common = ipIntersect(b.set, n.set);
        if (ipIsEmpty(common)) continue;
        const name = `${net} [${toCidrs(common).join(', ')}]`;
        units.set(name, { name, kind: 'external', base: b.i, next: n.i });
      }
    }
  }
  return [...units.values()].sort((a, b) => byText(a.name, b.name));
}

function conn(r: Reachability, from: number | undefined, to: number | undefined): ConnSet {
  if (from === undefined || to === undefined || from === to) return emptyConn();
  return r.connSets[r.matrix[r.classOf[from] * r.classCount + r.classOf[to]]];
}

export function diffReachability(baseModel: Model, baseReach: Reachability, newModel: Model, newReach: Reachability): ReachDiff {
  const units = matchUnits(baseModel, baseReach, newModel, newReach);
  const changes: PairChange[] = [];
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const u of units) {
    for (const v of units) {
      // Traffic between two non-workload endpoints is outside NetworkPolicy (semantics 1.8).
      if (u === v || (u.kind !== 'workload' && v.kind !== 'workload')) continue;
      const before = conn(baseReach, u.base, v.base);
      const after = conn(newReach, u.next, v.next);
      if (equals(before, after)) continue;
      const change = isEmpty(before) ? 'added' : isEmpty(after) ? 'removed' : 'changed';
      counts[change]++;
      changes.push({ src: u.name, dst: v.name, change, before, after, added: subtract(after, before), removed: subtract(before, after) });
    }
  }
  return {
    endpointsAdded: units.filter((u) => u.base === undefined).map((u) => u.name),
    endpointsRemoved: units.filter((u) => u.next === undefined).map((u) => u.name),
    changes,
    counts,
  };
}

/** True when the diff widens access anywhere (a new connection or new ports). */
export function diffAddsAccess(d: ReachDiff): boolean {
  return d.changes.some((c) => !isEmpty(c.added));
}

/** True when the diff narrows access anywhere. */
export function diffRemovesAccess(d: ReachDiff): boolean {
  return d.changes.some((c) => !isEmpty(c.removed));
}
