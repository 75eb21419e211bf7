// L-SEL-*: selectors that match nothing, namespace-by-name mistakes, controller-generated label
// keys and negative operators (semantics.md 1.2, 1.5, 6).

import { NAMESPACE_NAME_LABEL } from '../model/factory.ts';
import type { LabelSelector, NetworkPolicy, PolicyPeer } from '../model/types.ts';
import { peerMatches } from '../policy/np-rules.ts';
import { matchesSelector, namespaceLabels, selectorKey } from '../policy/selectors.ts';
import type { LintContext, LintFinding, LintRuleSet } from './types.ts';
import { policyRules } from './walk.ts';

/** Label keys the controllers set per rollout, per replica or per job run. */
export const GENERATED_LABEL_KEYS = [
  'pod-template-hash',
  'controller-revision-hash',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'batch.kubernetes.io/job-name',
  'batch.kubernetes.io/controller-uid',
  'job-name',
  'controller-uid',
];

/** Keys people use hoping to select a namespace by name. */
const NAME_LIKE_KEYS = ['name', 'ns', 'namespace'];

function selectorKeys(sel: LabelSelector): string[] {
  return [...Object.keys(sel.matchLabels ?? {}), ...(sel.matchExpressions ?? []).map((e) => e.key)];
}

/** Every selector of a policy with its path and role. */
function policySelectors(np: NetworkPolicy): Array<{ sel: LabelSelector; path: string; role: 'pod' | 'namespace' }> {
  const out: Array<{ sel: LabelSelector; path: string; role: 'pod' | 'namespace' }> = [
    { sel: np.podSelector, path: 'spec.podSelector', role: 'pod' },
  ];
  for (const r of policyRules(np)) {
    (r.peers ?? []).forEach((p, j) => {
      const at = `${r.path}.${r.peerKey}[${j}]`;
      if (p.podSelector) out.push({ sel: p.podSelector, path: `${at}.podSelector`, role: 'pod' });
      if (p.namespaceSelector) out.push({ sel: p.namespaceSelector, path: `${at}.namespaceSelector`, role: 'namespace' });
    });
  }
  return out;
}

/**
 * Answers memoised per lint run: at 10,000 policies the same peer shapes recur thousands of
 * times, and each answer is a scan over every workload. Keys are the selectors (and, for a
 * podSelector alone, the policy's namespace: it never reaches beyond it).
 */
interface SelectorMemo {
  knownNamespaces: Set<string>;
  namespaceMatch: Map<string, boolean>;
  peerMatch: Map<string, boolean>;
}
const memos = new WeakMap<LintContext, SelectorMemo>();

function memoOf(ctx: LintContext): SelectorMemo {
  let m = memos.get(ctx);
  if (!m) {
    m = { knownNamespaces: new Set(Object.values(ctx.model.namespaces).map((n) => n.name)), namespaceMatch: new Map(), peerMatch: new Map() };
    memos.set(ctx, m);
  }
  return m;
}

/** A namespaceSelector that names a namespace (by the well-known label) the model does not hold. */
function namesUnknownNamespace(ctx: LintContext, sel: LabelSelector): boolean {
  const name = sel.matchLabels?.[NAMESPACE_NAME_LABEL];
  const inValues = (sel.matchExpressions ?? []).find((e) => e.key === NAMESPACE_NAME_LABEL && e.operator === 'In')?.values ?? [];
  const wanted = name !== undefined ? [name, ...inValues] : inValues;
  const known = memoOf(ctx).knownNamespaces;
  return wanted.length > 0 && wanted.some((n) => !known.has(n));
}

function matchesSomeNamespace(ctx: LintContext, sel: LabelSelector): boolean {
  const memo = memoOf(ctx).namespaceMatch;
  const key = selectorKey(sel);
  let hit = memo.get(key);
  if (hit === undefined) {
    hit = Object.values(ctx.model.namespaces).some((n) => matchesSelector(sel, namespaceLabels(n)));
    memo.set(key, hit);
  }
  return hit;
}

function peerMatchesSomeWorkload(ctx: LintContext, peer: PolicyPeer, policyNsId: string): boolean {
  const memo = memoOf(ctx).peerMatch;
  const pod = peer.podSelector ? selectorKey(peer.podSelector) : '-';
  const key = peer.namespaceSelector ? `ns ${selectorKey(peer.namespaceSelector)} ${pod}` : `in ${policyNsId} ${pod}`;
  let hit = memo.get(key);
  if (hit === undefined) {
    // Without a namespaceSelector only the policy's own namespace can match.
    const candidates = peer.namespaceSelector ? Object.values(ctx.model.workloads) : ctx.workloadsIn(policyNsId);
    hit = candidates.some((w) => peerMatches(ctx.model, peer, policyNsId, { kind: 'workload', workload: w }));
    memo.set(key, hit);
  }
  return hit;
}

function unmatched(ctx: LintContext, np: NetworkPolicy): LintFinding[] {
  if (!ctx.hasWorkloads) return [];
  const out: LintFinding[] = [];
  const base = { id: 'L-SEL-01', severity: 'warning' as const, objectId: np.id, object: ctx.policyLabel(np) };
  const inNs = ctx.workloadsIn(np.namespaceId);
  if (!inNs.some((w) => matchesSelector(np.podSelector, w.podLabels))) {
    out.push({
      ...base,
      path: 'spec.podSelector',
      message: `podSelector matches no workload in namespace ${ctx.namespaceName(np.namespaceId)}: the policy applies to nothing`,
      hint: 'check the label keys and values against the pod template labels (e.g. `app` vs `app.kubernetes.io/name`)',
    });
  }
  for (const r of policyRules(np)) {
    (r.peers ?? []).forEach((peer, j) => {
      if (peer.ipBlock || (!peer.podSelector && !peer.namespaceSelector)) return;
      const path = `${r.path}.${r.peerKey}[${j}]`;
      if (peer.namespaceSelector) {
        // Namespaces outside the design (kube-system for DNS, say) cannot be judged.
        if (namesUnknownNamespace(ctx, peer.namespaceSelector)) return;
        if (selectorKeys(peer.namespaceSelector).some((k) => NAME_LIKE_KEYS.includes(k))) return; // L-SEL-02 says more
        if (!matchesSomeNamespace(ctx, peer.namespaceSelector)) {
          out.push({
            ...base,
            path: `${path}.namespaceSelector`,
            message: 'namespaceSelector matches no namespace in the design',
            hint: 'namespaceSelector matches namespace labels; select by name with `kubernetes.io/metadata.name`',
          });
          return;
        }
      }
      if (!peerMatchesSomeWorkload(ctx, peer, np.namespaceId)) {
        out.push({
          ...base,
          path,
          message: peer.namespaceSelector
            ? 'peer matches no workload (no pod in the selected namespaces carries these labels)'
            : `peer podSelector matches no workload in namespace ${ctx.namespaceName(np.namespaceId)} (a podSelector alone never reaches other namespaces)`,
          hint: 'check the labels; add a namespaceSelector to reach pods of other namespaces',
        });
      }
    });
  }
  return out;
}

export const selectorRules: LintRuleSet = {
  family: 'selectors',
  ids: ['L-SEL-01', 'L-SEL-02', 'L-SEL-03', 'L-SEL-04'],
  run(ctx) {
    const out: LintFinding[] = [];
    const namespaces = Object.values(ctx.model.namespaces);
    for (const np of ctx.policies) {
      out.push(...unmatched(ctx, np));
      const base = { objectId: np.id, object: ctx.policyLabel(np) };
      for (const { sel, path, role } of policySelectors(np)) {
        const keys = selectorKeys(sel);
        if (role === 'namespace') {
          for (const k of keys.filter((k) => NAME_LIKE_KEYS.includes(k))) {
            if (namespaces.some((n) => k in n.labels)) continue;
            const value = sel.matchLabels?.[k];
            out.push({
              ...base,
              id: 'L-SEL-02',
              severity: 'warning',
              path,
              message: `namespaceSelector uses the label \`${k}\`, which no namespace in the design carries; namespaces are not labelled with their name under that key`,
              hint: `use \`${NAMESPACE_NAME_LABEL}: ${value ?? '<name>'}\`, which the control plane sets on every namespace`,
            });
          }
        }
        for (const k of keys.filter((k) => GENERATED_LABEL_KEYS.includes(k))) {
          out.push({
            ...base,
            id: 'L-SEL-03',
            severity: 'warning',
            path,
            message: `selector uses the controller-generated label \`${k}\`, whose value changes per rollout or differs per pod`,
            hint: 'select on labels you set in the pod template instead',
          });
        }
        for (const e of sel.matchExpressions ?? []) {
          if (e.operator === 'NotIn' || e.operator === 'DoesNotExist') {
            out.push({
              ...base,
              id: 'L-SEL-04',
              severity: 'info',
              path,
              message: `\`${e.key} ${e.operator}${e.values ? ` (${e.values.join(', ')})` : ''}\` also matches ${role === 'pod' ? 'pods' : 'namespaces'} that do not have the key \`${e.key}\` at all`,
            });
          }
        }
      }
    }
    for (const svc of Object.values(ctx.model.services)) {
      for (const k of Object.keys(svc.selector ?? {}).filter((k) => GENERATED_LABEL_KEYS.includes(k))) {
        out.push({
          id: 'L-SEL-03',
          severity: 'warning',
          objectId: svc.id,
          object: `Service ${ctx.namespaceName(svc.namespaceId)}/${svc.name}`,
          path: 'spec.selector',
          message: `selector uses the controller-generated label \`${k}\`, whose value changes per rollout or differs per pod`,
          hint: 'select on labels you set in the pod template instead',
        });
      }
    }
    return out;
  },
};
