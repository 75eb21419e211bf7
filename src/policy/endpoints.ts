// The endpoints of a design: every workload, every external network (split into parts that
// policies' ipBlocks treat differently) and the cluster's nodes.
//
// Public API: buildEndpoints(model): { endpoints, refs, blocks }   (refs parallel to endpoints)
//             workloadEndpoint(model, workload), collectBlocks(model), splitByBlocks(set, blocks)

import type { Model, Workload } from '../model/types.ts';
import { ipDifference, ipIntersect, ipSetOf, toCidrs, describeIpSet, type IpSet } from '../net/ipset.ts';
import { parseCidr } from '../net/ip.ts';
import { ipBlockSet, namespaceOf, type PeerRef } from './np-rules.ts';
import type { Endpoint } from './reachability-types.ts';

export const NODE_ENDPOINT_ID = 'node';

export interface BuiltEndpoints {
  endpoints: Endpoint[];
  refs: PeerRef[];
  /** Distinct ipBlock address sets of all policies, keyed by `cidr|except,...`. */
  blocks: Map<string, IpSet>;
}

export function ipBlockKey(cidr: string, except: readonly string[] | undefined): string {
  return `${cidr}|${[...(except ?? [])].sort().join(',')}`;
}

function validSet(cidrs: readonly string[]): IpSet {
  return ipSetOf(cidrs.filter((c) => parseCidr(c).ok));
}

export function collectBlocks(model: Model): Map<string, IpSet> {
  const blocks = new Map<string, IpSet>();
  for (const np of Object.values(model.policies)) {
    for (const rule of [...(np.ingress ?? []), ...(np.egress ?? [])]) {
      const peers = 'from' in rule ? rule.from : 'to' in rule ? rule.to : undefined;
      for (const p of peers ?? []) {
        if (!p.ipBlock) continue;
        const key = ipBlockKey(p.ipBlock.cidr, p.ipBlock.except);
        if (!blocks.has(key)) blocks.set(key, ipBlockSet(p.ipBlock));
      }
    }
  }
  // Cluster policies' `networks` split external networks the same way.
  for (const cp of Object.values(model.clusterPolicies ?? {})) {
    for (const rule of cp.egress) {
      for (const p of rule.peers) {
        for (const cidr of p.networks ?? []) {
          const key = ipBlockKey(cidr, undefined);
          if (!blocks.has(key)) blocks.set(key, ipBlockSet({ cidr }));
        }
      }
    }
  }
  return blocks;
}

/** Splits an address set so each part is inside or outside every block. */
export function splitByBlocks(set: IpSet, blocks: Iterable<IpSet>): IpSet[] {
  let parts: IpSet[] = set.length ? [set] : [];
  for (const b of blocks) {
    const next: IpSet[] = [];
    for (const p of parts) {
      const inside = ipIntersect(p, b);
      if (inside.length === 0 || inside.length === p.length && ipDifference(p, b).length === 0) {
        next.push(p);
        continue;
      }
      next.push(inside, ipDifference(p, b));
    }
    parts = next;
  }
  return parts.sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : 0));
}

/** The endpoint standing for one workload (its id is the workload's). */
export function workloadEndpoint(model: Model, w: Workload): Endpoint {
  const ips = w.podIPs?.length ? toCidrs(validSet(w.podIPs)) : undefined;
  return { id: w.id, kind: 'workload', modelId: w.id, name: `${namespaceOf(model, w.namespaceId).name}/${w.name}`, ...(ips ? { cidrs: ips } : {}) };
}

export function buildEndpoints(model: Model): BuiltEndpoints {
  const endpoints: Endpoint[] = [];
  const refs: PeerRef[] = [];
  const blocks = collectBlocks(model);

  const workloads = Object.values(model.workloads).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const w of workloads) {
    endpoints.push(workloadEndpoint(model, w));
    refs.push({ kind: 'workload', workload: w });
  }

  for (const ext of Object.values(model.externals).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const parts = splitByBlocks(validSet(ext.cidrs), blocks.values());
    const domains = ext.domainNames?.length ? { domains: ext.domainNames } : {};
    if (parts.length <= 1) {
      const set = parts[0] ?? [];
      endpoints.push({ id: ext.id, kind: 'external', modelId: ext.id, name: ext.name, cidrs: toCidrs(set) });
      refs.push({ kind: 'addresses', set, node: false, ...domains });
      continue;
    }
    parts.forEach((set, n) => {
      const cidrs = toCidrs(set);
      endpoints.push({ id: `${ext.id}#${n}`, kind: 'external', modelId: ext.id, name: `${ext.name} [${describeIpSet(set)}]`, cidrs });
      refs.push({ kind: 'addresses', set, node: false, ...domains });
    });
  }

  // Design nodes (for cluster policies' `nodes` peers): each its own endpoint.
  for (const node of Object.values(model.nodes ?? {}).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const set = validSet(node.addresses);
    endpoints.push({ id: node.id, kind: 'node', modelId: node.id, name: `node ${node.name}`, cidrs: toCidrs(set) });
    refs.push({ kind: 'addresses', set, node: true, nodeName: node.name });
  }

  const nodeSet = validSet(model.cluster.nodeCidrs);
  if (model.cluster.nodeCidrs.length > 0) {
    endpoints.push({ id: NODE_ENDPOINT_ID, kind: 'node', modelId: NODE_ENDPOINT_ID, name: 'nodes', cidrs: toCidrs(nodeSet) });
    refs.push({ kind: 'addresses', set: nodeSet, node: true });
  }
  return { endpoints, refs, blocks };
}
