// L-PORT-*: protocol defaulting, named ports that resolve nowhere or cannot resolve (1.7).

import type { NetworkPolicy, PolicyPort, Workload } from '../model/types.ts';
import { isPolicyPod, isSubject, ruleMatchesPeer } from '../policy/np-rules.ts';
import type { LintContext, LintFinding, LintRuleSet } from './types.ts';
import { policyRules, type RuleVisit } from './walk.ts';

/** Egress peers recur across policies: their matches are computed once per lint run. */
const egressMemo = new WeakMap<LintContext, Map<string, Workload[]>>();

/** The pods a rule's ports are resolved on: the subjects for ingress, the peers for egress. */
function destinations(ctx: LintContext, np: NetworkPolicy, r: RuleVisit): Workload[] {
  const profile = ctx.model.cluster.profile;
  if (r.dir === 'Ingress') return ctx.workloadsIn(np.namespaceId).filter((w) => isSubject(ctx.model, np, w));
  let memo = egressMemo.get(ctx);
  if (!memo) egressMemo.set(ctx, (memo = new Map()));
  const key = `${np.namespaceId} ${JSON.stringify(r.peers ?? null)}`;
  let hit = memo.get(key);
  if (!hit) {
    hit = Object.values(ctx.model.workloads).filter(
      (w) => isPolicyPod(w, profile) && ruleMatchesPeer(ctx.model, r.rule, 'Egress', np.namespaceId, { kind: 'workload', workload: w }),
    );
    memo.set(key, hit);
  }
  return hit;
}

function hasNamedPort(w: Workload, p: PolicyPort): boolean {
  const proto = p.protocol ?? 'TCP';
  return w.ports.some((cp) => cp.name === p.port && (cp.protocol ?? 'TCP') === proto);
}

export const portRules: LintRuleSet = {
  family: 'ports',
  ids: ['L-PORT-01', 'L-PORT-03', 'L-PORT-04', 'L-PORT-05', 'L-PORT-07'],
  run(ctx) {
    const out: LintFinding[] = [];
    for (const np of ctx.policies) {
      const base = { objectId: np.id, object: ctx.policyLabel(np) };
      for (const r of policyRules(np)) {
        const ports = r.ports ?? [];
        ports.forEach((p, k) => {
          const path = `${r.path}.ports[${k}]`;
          const udp53Listed = ports.some((q) => q.protocol === 'UDP' && (q.port === 53 || q.port === undefined || (typeof q.port === 'number' && q.port <= 53 && (q.endPort ?? q.port) >= 53)));
          if (p.protocol === undefined && p.port === 53 && !udp53Listed) {
            out.push({
              ...base,
              id: 'L-PORT-01',
              severity: 'warning',
              path,
              message: 'port 53 without protocol means TCP 53 only; DNS is mostly UDP',
              hint: 'add an entry `{protocol: UDP, port: 53}` (and keep TCP 53 for large answers)',
            });
          }
          if (p.endPort !== undefined || p.protocol === 'SCTP') {
            out.push({
              ...base,
              id: 'L-PORT-07',
              severity: 'info',
              path,
              message: `${p.endPort !== undefined ? '`endPort` (a port range)' : 'SCTP'} is not supported by every network plugin (Cilium lists it as unsupported); there ${p.endPort !== undefined ? `only port ${String(p.port)} is allowed` : 'the entry has no effect'}`,
            });
          }
          if (typeof p.port !== 'string') return;
          const peers = r.peers ?? [];
          if (r.dir === 'Egress' && peers.length > 0 && peers.every((peer) => peer.ipBlock)) {
            out.push({
              ...base,
              id: 'L-PORT-05',
              severity: 'warning',
              path,
              message: `named port \`${p.port}\` in a rule whose only peers are ipBlocks: a named port is resolved on destination pods and never matches an IP address`,
              hint: 'use the port number',
            });
            return;
          }
          if (!ctx.hasWorkloads) return;
          const dsts = destinations(ctx, np, r);
          const numbers = new Map<number, string>();
          for (const w of dsts) {
            const cp = w.ports.find((c) => c.name === p.port && (c.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
            if (cp && !numbers.has(cp.containerPort)) numbers.set(cp.containerPort, ctx.workloadLabel(w));
          }
          if (r.dir === 'Egress' && numbers.size > 1) {
            out.push({
              ...base,
              id: 'L-PORT-04',
              severity: 'info',
              path,
              message: `named port \`${p.port}\` means different numbers on different destination pods (${[...numbers].map(([n, w]) => `${n} on ${w}`).join(', ')}); correct, but Cilium skips egress rules with such named ports`,
              hint: 'use the same container port number everywhere, or list the numbers',
            });
          }
          if (dsts.length > 0 && !dsts.some((w) => hasNamedPort(w, p))) {
            out.push({
              ...base,
              id: 'L-PORT-03',
              severity: 'warning',
              path,
              message: `named port \`${p.port}\`/${p.protocol ?? 'TCP'} is not defined on any destination pod (${dsts.length} checked), so this entry allows nothing`,
              hint: 'use a container port name of the destination pods (with the same protocol), or the port number',
            });
          }
        });
      }
    }
    return out;
  },
};
