// Builds small Reachability values by hand (one class per endpoint), for tests of the
// consumers (reports, diff, lint) that must not depend on the evaluator being right.

import type { ConnSet, Endpoint, EndpointKind, Reachability } from '../policy/reachability-types.ts';
import { emptyConn, intern } from '../policy/portset.ts';

export interface FixtureEndpoint {
  name: string;
  kind?: EndpointKind;
  id?: string;
}

export function reachFixture(
  eps: FixtureEndpoint[],
  allowed: Array<[src: string, dst: string, conn: ConnSet]>,
): Reachability {
  const endpoints: Endpoint[] = eps.map((e) => ({
    id: e.id ?? e.name,
    kind: e.kind ?? 'workload',
    modelId: e.id ?? e.name,
    name: e.name,
  }));
  const endpointIndex: Record<string, number> = {};
  endpoints.forEach((e, i) => (endpointIndex[e.id] = i));
  const n = endpoints.length;
  const connSets: ConnSet[] = [emptyConn()];
  const matrix = new Array<number>(n * n).fill(0);
  for (const [src, dst, conn] of allowed) {
    const s = endpointIndex[src];
    const d = endpointIndex[dst];
    if (s === undefined || d === undefined) throw new Error(`unknown endpoint in fixture: ${src} -> ${dst}`);
    const c = intern(conn);
    let k = connSets.indexOf(c);
    if (k < 0) k = connSets.push(c) - 1;
    matrix[s * n + d] = k;
  }
  return {
    endpoints,
    endpointIndex,
    classOf: endpoints.map((_, i) => i),
    classCount: n,
    connSets,
    matrix,
    stats: { classes: n, endpoints: n, ms: 0 },
  };
}
