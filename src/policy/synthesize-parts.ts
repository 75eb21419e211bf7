// Building blocks of intent synthesis: how an intent endpoint is resolved, which selector
// targets a workload, how intended ports become policy ports, and DNS-safe policy names.

import { canonicalCidr } from '../net/ip.ts';
import { NAMESPACE_NAME_LABEL } from '../model/factory.ts';
import type { ExternalNetwork, Id, LabelSelector, Model, PolicyPeer, PolicyPort, Service, Workload } from '../model/types.ts';
import { matchesSelector } from './selectors.ts';
import { serviceIdOfLoadBalancerNode } from '../canvas/ids.ts';

export type IntentEnd =
  | { kind: 'workload'; workload: Workload; label: string }
  | { kind: 'external'; external: ExternalNetwork; label: string }
  | { kind: 'loadbalancer'; service: Service; label: string };

/** Resolves an intent endpoint id: a workload, an external network, or `lb:<serviceId>` / a service id. */
export function resolveIntentEnd(model: Model, id: Id): IntentEnd | string {
  const w = model.workloads[id];
  if (w) return { kind: 'workload', workload: w, label: workloadLabel(model, w) };
  const e = model.externals[id];
  if (e) return { kind: 'external', external: e, label: e.name };
  const svc = model.services[serviceIdOfLoadBalancerNode(id) ?? id];
  if (svc) {
    const label = `load balancer ${namespaceName(model, svc.namespaceId)}/${svc.name}`;
    if (svc.type !== 'LoadBalancer') return `${namespaceName(model, svc.namespaceId)}/${svc.name} is a ${svc.type} Service, not a load balancer`;
    return { kind: 'loadbalancer', service: svc, label };
  }
  return `'${id}' is not in the design`;
}

export function namespaceName(model: Model, nsId: Id): string {
  return model.namespaces[nsId]?.name ?? nsId;
}

export function workloadLabel(model: Model, w: Workload): string {
  return `${namespaceName(model, w.namespaceId)}/${w.name}`;
}

/** Selects exactly the namespace named like `nsId` (semantics.md 1.5). */
export function namespaceSelectorFor(model: Model, nsId: Id): LabelSelector {
  return { matchLabels: { [NAMESPACE_NAME_LABEL]: namespaceName(model, nsId) } };
}

export interface WorkloadSelector {
  selector: LabelSelector;
  /** Other workloads of the namespace the selector also matches (then rules cover them too). */
  alsoSelects: Workload[];
}

/** Keys that usually name an application on their own; preferred when they are unique. */
const NAME_KEYS = ['app.kubernetes.io/name', 'app'];

/**
 * The pod selector for a workload: `app.kubernetes.io/name` or `app` alone when that already
 * singles it out within its namespace, else all its pod labels. Undefined when it has no labels.
 */
export function workloadSelector(model: Model, w: Workload, sameNamespace?: readonly Workload[]): WorkloadSelector | undefined {
  const keys = Object.keys(w.podLabels).sort();
  if (keys.length === 0) return undefined;
  const others = (sameNamespace ?? Object.values(model.workloads)).filter((o) => o.namespaceId === w.namespaceId && o.id !== w.id);
  const matching = (sel: LabelSelector): Workload[] => others.filter((o) => matchesSelector(sel, o.podLabels));
  for (const key of NAME_KEYS) {
    const value = w.podLabels[key];
    if (value === undefined) continue;
    const sel = { matchLabels: { [key]: value } };
    if (matching(sel).length === 0) return { selector: sel, alsoSelects: [] };
  }
  const all: Record<string, string> = {};
  for (const k of keys) all[k] = w.podLabels[k] as string;
  const sel = { matchLabels: all };
  return { selector: sel, alsoSelects: matching(sel) };
}

/** ipBlock peers for an external network, canonical CIDRs; invalid CIDRs are reported. */
export function ipBlockPeers(e: ExternalNetwork): { peers: PolicyPeer[]; problems: string[] } {
  const peers: PolicyPeer[] = [];
  const problems: string[] = [];
  for (const c of e.cidrs) {
    const canon = canonicalCidr(c);
    if (canon === undefined) problems.push(`${e.name}: '${c}' is not a valid CIDR; left out`);
    else if (!peers.some((p) => p.ipBlock?.cidr === canon)) peers.push({ ipBlock: { cidr: canon } });
  }
  return { peers, problems };
}

export type ResolvedPorts =
  /** `undefined` ports = all ports of all protocols. */
  | { ok: true; ports: PolicyPort[] | undefined; problems: string[] }
  | { ok: false; problem: string };

/**
 * Intended ports as explicit policy ports, resolved against the target pod: named ports become
 * numbers, and "no ports" means the target's container ports (or all ports if it declares none).
 * An intent whose every port fails to resolve is not realised: dropping the list would mean "all ports".
 */
export function resolveIntentPorts(intentPorts: readonly PolicyPort[], target: Workload | undefined, targetLabel: string): ResolvedPorts {
  const out: PolicyPort[] = [];
  const seen = new Set<string>();
  const add = (p: PolicyPort): void => {
    const key = `${p.protocol}/${p.port ?? '*'}/${p.endPort ?? ''}`;
    if (!seen.has(key)) { seen.add(key); out.push(p); }
  };
  if (intentPorts.length === 0) {
    if (!target || target.ports.length === 0) return { ok: true, ports: undefined, problems: [] };
    const sorted = [...target.ports].sort((a, b) => (a.protocol ?? 'TCP').localeCompare(b.protocol ?? 'TCP') || a.containerPort - b.containerPort);
    for (const cp of sorted) add({ protocol: cp.protocol ?? 'TCP', port: cp.containerPort });
    return { ok: true, ports: out, problems: [] };
  }
  const problems: string[] = [];
  for (const p of intentPorts) {
    const protocol = p.protocol ?? 'TCP';
    if (typeof p.port === 'string') {
      const hits = target?.ports.filter((cp) => cp.name === p.port && (cp.protocol ?? 'TCP') === protocol) ?? [];
      if (hits.length === 0) {
        problems.push(target
          ? `port '${p.port}' (${protocol}) is not a container port of ${targetLabel}`
          : `named port '${p.port}' cannot be used toward ${targetLabel}: only pods have named ports`);
      }
      for (const cp of hits) add({ protocol, port: cp.containerPort });
    } else if (p.port === undefined) {
      add({ protocol });
    } else if (p.endPort !== undefined && p.endPort > p.port) {
      add({ protocol, port: p.port, endPort: p.endPort });
    } else {
      add({ protocol, port: p.port });
    }
  }
  if (out.length === 0) return { ok: false, problem: problems.join('; ') };
  return { ok: true, ports: out, problems };
}

/** A DNS-subdomain-safe name part: lowercase alphanumerics, '-' and '.', alphanumeric at both ends. */
export function dnsSafe(text: string): string {
  const s = text.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/-{2,}/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return s === '' ? 'x' : s;
}

/** `base`, or `base-2`, `base-3`… whichever is not in `taken`; at most 253 characters. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  const b = base.slice(0, 240).replace(/[^a-z0-9]+$/, '');
  if (!taken.has(b)) return b;
  for (let i = 2; ; i++) if (!taken.has(`${b}-${i}`)) return `${b}-${i}`;
}
