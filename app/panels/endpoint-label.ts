// Display names for model ids shown in panels (intent ends, list entries).

import type { Id, Model } from '../../src/model/types.ts';
import { serviceIdOfLoadBalancer } from '../../src/layout/sizes.ts';

export function endpointLabel(model: Model, id: Id): string {
  const w = model.workloads[id];
  if (w) return `${model.namespaces[w.namespaceId]?.name ?? '?'}/${w.name}`;
  const e = model.externals[id];
  if (e) return e.name;
  const s = model.services[id] ?? model.services[serviceIdOfLoadBalancer(id) ?? ''];
  if (s) return `${model.namespaces[s.namespaceId]?.name ?? '?'}/${s.name} (load balancer)`;
  const n = model.namespaces[id];
  if (n) return n.name;
  return id;
}
