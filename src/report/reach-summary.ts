// `--format summary`: reachability per namespace pair, for clusters too large to read pair by
// pair. One line per (source group, destination group) with something allowed: how many
// endpoint pairs are allowed and the union of their ports. A group is a workload's namespace,
// an external network (its split parts together) or `nodes`.

import { union } from '../policy/portset.ts';
import type { ConnSet, Reachability } from '../policy/reachability-types.ts';
import { formatConnSet } from './conn-format.ts';
import { connectionRows, reachView, type ReachView } from './rows.ts';

function groupOf(name: string, kind: string): string {
  if (kind === 'workload') return name.slice(0, name.indexOf('/'));
  if (kind === 'node') return name;
  const part = name.indexOf(' [');
  return `(${kind}) ${part >= 0 ? name.slice(0, part) : name}`;
}

interface Cell {
  pairs: number;
  ports: ConnSet;
  /** Connection sets already merged in (they are interned, so most repeat). */
  seen: Set<ConnSet>;
}

export function* reachSummaryChunks(r: Reachability, view: ReachView = reachView(r)): Generator<string> {
  const groupIndex = new Map<string, number>();
  const groups: string[] = [];
  const nameGroup = new Map<string, number>();
  view.names.forEach((name, i) => {
    const g = groupOf(name, view.kinds[i]);
    let gi = groupIndex.get(g);
    if (gi === undefined) {
      gi = groups.length;
      groups.push(g);
      groupIndex.set(g, gi);
    }
    nameGroup.set(name, gi);
  });
  const G = groups.length;
  const cells = new Map<number, Cell>();
  let total = 0;
  for (const row of connectionRows(r, view)) {
    total++;
    const key = nameGroup.get(row.src)! * G + nameGroup.get(row.dst)!;
    const cell = cells.get(key);
    if (!cell) {
      cells.set(key, { pairs: 1, ports: row.allowed, seen: new Set([row.allowed]) });
      continue;
    }
    cell.pairs++;
    if (!cell.seen.has(row.allowed)) {
      cell.seen.add(row.allowed);
      cell.ports = union(cell.ports, row.allowed);
    }
  }
  const order = [...cells.keys()].sort((a, b) => {
    const [sa, da, sb, db] = [groups[Math.floor(a / G)], groups[a % G], groups[Math.floor(b / G)], groups[b % G]];
    return sa < sb ? -1 : sa > sb ? 1 : da < db ? -1 : da > db ? 1 : 0;
  });
  const rows = order.map((k) => [groups[Math.floor(k / G)], groups[k % G], String(cells.get(k)!.pairs), formatConnSet(cells.get(k)!.ports)]);
  const header = ['SOURCE', 'DESTINATION', 'PAIRS', 'PORTS'];
  const widths = [0, 1, 2].map((c) => Math.min(48, Math.max(header[c].length, ...rows.map((row) => row[c].length))) + 2);
  const line = (cols: string[]) => cols.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join('') + '\n';
  yield line(header);
  for (const row of rows) yield line(row);
  if (rows.length === 0) yield '(no connections allowed)\n';
  yield `\n${rows.length} namespace pairs with allowed connections, ${total} endpoint pairs in all\n`;
}
