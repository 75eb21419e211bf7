// What a backend's ingress side admits from the source address it really sees after the
// Service / load-balancer path (client, load balancer or SNAT node). Client and LB addresses go
// through the evaluator's ingressAllowedFrom(); node addresses set its `node` flag (an ipBlock
// matches them only when profile.ipBlockMatchesNodes).

import type { Model, Workload } from '../model/types.ts';
import { ipIntersect, ipSetOf, toCidrs, type IpSet } from '../net/ipset.ts';
import { parseCidr } from '../net/ip.ts';
import { ingressAllowedFrom, ingressPolicies } from '../policy/evaluate.ts';
import { ipBlockSet, isPolicyPod, peersOfRule, rulesFor } from '../policy/np-rules.ts';
import { allConn } from '../policy/portset.ts';
import type { ConnSet } from '../policy/reachability-types.ts';

export interface AdmittedPart {
  cidrs: string[];
  allowed: ConnSet;
}

export interface IngressSide {
  /** 'not-a-pod': hostNetwork backend; 'not-isolated': no ingress policy selects it. */
  status: 'not-a-pod' | 'not-isolated' | 'isolated';
  /** The seen source split into parts that the backend's rules treat alike. */
  parts: AdmittedPart[];
  /** True when the ingress rules hold an ipBlock overlapping the node addresses. */
  hasNodeIpBlock: boolean;
}

export function validIpSet(cidrs: readonly string[]): IpSet {
  return ipSetOf(cidrs.filter((c) => parseCidr(c).ok));
}

/** ipBlock address sets of the ingress rules that apply to a workload. */
export function ingressBlocks(model: Model, w: Workload): IpSet[] {
  return ingressPolicies(model, w).flatMap((np) =>
    rulesFor(np, 'Ingress').flatMap((r) => (peersOfRule(r, 'Ingress') ?? []).flatMap((p) => (p.ipBlock ? [ipBlockSet(p.ipBlock)] : []))),
  );
}

function overlapsNodes(model: Model, blocks: IpSet[]): boolean {
  const nodes = validIpSet(model.cluster.nodeCidrs);
  return blocks.some((b) => ipIntersect(b, nodes).length > 0);
}

/**
 * Ingress decision for `backend` on traffic whose source address is `cidrs`.
 * `node`: the addresses are node addresses (SNAT); `cidrs` empty: the source is unknown, so
 * only rules that admit every source can apply.
 */
export function ingressFromAddresses(model: Model, backend: Workload, cidrs: readonly string[], node: boolean): IngressSide {
  const profile = model.cluster.profile;
  const blocks = ingressBlocks(model, backend);
  const hasNodeIpBlock = overlapsNodes(model, blocks);
  if (!isPolicyPod(backend, profile)) return { status: 'not-a-pod', parts: [{ cidrs: [...cidrs], allowed: allConn() }], hasNodeIpBlock };
  const r = ingressAllowedFrom(model, backend.id, { kind: 'ip', cidrs: toCidrs(validIpSet(cidrs)), node });
  if (!r.isolated) return { status: 'not-isolated', parts: [{ cidrs: [...cidrs], allowed: allConn() }], hasNodeIpBlock };
  return { status: 'isolated', parts: r.parts, hasNodeIpBlock };
}
