// What each lint id means, in words a reviewer can act on (semantics.md section 4). Shown as
// rule help by code-scanning views (SARIF tool.driver.rules) and anywhere a finding needs a
// longer explanation than its message.

import type { LintSeverity } from './types.ts';

export interface LintRuleInfo {
  /** One line: what the rule detects. */
  title: string;
  /** Why it matters and what to do. */
  help: string;
  /** The severity the rule reports at (a finding may still carry its own). */
  severity: LintSeverity;
}

export const LINT_CATALOGUE: Readonly<Record<string, LintRuleInfo>> = {
  'L-PT-01': { severity: 'warning', title: 'Egress rules without policyTypes also deny all ingress', help: 'A policy with egress rules, no policyTypes and no ingress rules is read as policyTypes [Ingress, Egress]: it also isolates the selected pods for ingress. Add `policyTypes: [Egress]` if only egress was meant.' },
  'L-PT-02': { severity: 'warning', title: 'Empty egress list does not isolate egress', help: '`egress: []` without policyTypes leaves egress open, because policyTypes defaults to Ingress only. Add Egress to policyTypes to deny all egress.' },
  'L-PT-03': { severity: 'warning', title: 'Rules for a direction missing from policyTypes are ignored', help: 'When policyTypes is given explicitly, rules for a direction it does not list have no effect. Add the direction to policyTypes or remove the rules.' },
  'L-PEER-02': { severity: 'warning', title: 'namespaceSelector and podSelector in separate peers are OR, not AND', help: 'Two list items `- namespaceSelector` and `- podSelector` admit either set. If only those pods in those namespaces were meant, put both selectors under one `-`.' },
  'L-PEER-04': { severity: 'info', title: 'Policy selects or peers hostNetwork workloads', help: 'Traffic of hostNetwork pods is node traffic; most network plugins do not apply NetworkPolicy to it. Use ipBlock rules for node addresses instead.' },
  'L-SEL-01': { severity: 'warning', title: 'Selector matches no pod or namespace', help: 'A selector that matches nothing in the manifests is usually a typo or a missing label (for example `app` instead of `app.kubernetes.io/name`). Check the labels on the intended objects.' },
  'L-SEL-02': { severity: 'warning', title: 'namespaceSelector keys on a label the namespace does not have', help: 'Namespaces carry `kubernetes.io/metadata.name: NAME` automatically; `name: kube-system` style labels exist only if someone added them. Select on `kubernetes.io/metadata.name`.' },
  'L-SEL-03': { severity: 'warning', title: 'Selector keys on controller-generated labels', help: 'Labels such as pod-template-hash, controller-revision-hash or statefulset.kubernetes.io/pod-name change with every rollout or differ per replica, so the policy stops matching. Select on stable application labels.' },
  'L-SEL-04': { severity: 'info', title: 'NotIn / DoesNotExist also match objects without the key', help: 'A NotIn or DoesNotExist requirement matches every object that lacks the label key, which often includes more pods or namespaces than intended.' },
  'L-PORT-01': { severity: 'warning', title: 'Port without protocol where the target speaks UDP', help: 'A port entry without protocol means TCP. DNS (53) and other UDP services need `protocol: UDP` (DNS needs both UDP and TCP).' },
  'L-PORT-03': { severity: 'warning', title: 'Named port not defined on any destination pod', help: 'A named port resolves per destination pod; where no container declares the name (with that protocol) the rule allows nothing. Fix the name or declare the port on the pods.' },
  'L-PORT-04': { severity: 'info', title: 'Named port resolves to different numbers on different pods', help: 'The same port name maps to different numbers on the destination pods. This works upstream, but some plugins (Cilium egress) skip such rules.' },
  'L-PORT-05': { severity: 'warning', title: 'Named port with only ipBlock peers', help: 'Named ports are resolved on pods; for ipBlock destinations there is no pod to resolve them on, so the rule cannot match. Use a port number.' },
  'L-PORT-06': { severity: 'warning', title: 'Egress port is the Service port, not the backends\' targetPort', help: 'Policies see traffic after the Service is translated to the backend pods, so egress must allow the targetPort, not the Service port.' },
  'L-PORT-07': { severity: 'info', title: 'endPort or SCTP used', help: 'endPort ranges and SCTP are not supported by every network plugin; where they are not, the entry has no effect.' },
  'L-IPB-02': { severity: 'info', title: 'ipBlock overlaps pod addresses', help: 'Whether an ipBlock matches pods differs between plugins (it does on upstream and Calico, not on Cilium). Use pod or namespace selectors for pods.' },
  'L-IPB-03': { severity: 'warning', title: 'ipBlock overlaps the Service CIDR', help: 'ClusterIPs are translated to pod addresses before policy is applied, so an ipBlock on Service addresses grants nothing. Select the backend pods instead.' },
  'L-IPB-04': { severity: 'info', title: 'Internet rule 0.0.0.0/0 without except for cluster ranges', help: 'On some plugins 0.0.0.0/0 also admits pods and nodes. Add `except` entries for the pod, Service and node ranges when only the outside world was meant.' },
  'L-IPB-05': { severity: 'info', title: 'ipBlock on node addresses', help: 'Node-address ipBlocks are ignored by some plugins (Cilium, unless policy-cidr-match-mode=nodes), and SNATed traffic may come from another address.' },
  'L-DNS-01': { severity: 'warning', title: 'Egress-isolated pods cannot resolve names', help: 'Pods isolated for egress need a rule admitting UDP 53 and TCP 53 to the cluster DNS pods (namespace kubernetes.io/metadata.name: kube-system, pods k8s-app: kube-dns), or name resolution fails.' },
  'L-SVC-01': { severity: 'warning', title: 'Service selector matches no pod', help: 'The Service has no endpoints. Check its selector against the pod labels.' },
  'L-SVC-02': { severity: 'warning', title: 'Named targetPort missing on some selected pods', help: 'Pods that do not declare the named targetPort are not endpoints of the Service.' },
  'L-SVC-03': { severity: 'error', title: 'Multi-port Service with unnamed or duplicate ports', help: 'The API server rejects a Service with several ports unless each has a unique name and a unique port/protocol pair.' },
  'L-LB-01': { severity: 'warning', title: '"Only from the load balancer" compiled to node addresses, but pods see client addresses', help: 'With externalTrafficPolicy: Local, DSR or client-IP preservation, backends see the client address, not the node address; the ipBlock does not match.' },
  'L-LB-03': { severity: 'info', title: 'Relying on loadBalancerSourceRanges for security', help: 'loadBalancerSourceRanges does not cover the NodePort path, nor in-cluster clients on some plugins. Enforce the same restriction with NetworkPolicy.' },
  'L-LB-04': { severity: 'warning', title: 'Direct-to-pod load balancer not admitted by the backends', help: 'Load balancers that send traffic straight to pods (NEG, NLB IP targets) need the backends\' ingress policy to admit the load balancer and health-check ranges, or backends are marked unhealthy.' },
  'L-LB-05': { severity: 'info', title: 'externalTrafficPolicy: Cluster with source-based ingress policy', help: 'With SNAT the backends see node addresses; client-CIDR ipBlocks match only on the node that received the traffic.' },
  'L-LB-06': { severity: 'warning', title: 'Load balancer whose backends admit nothing from it', help: 'No ingress rule on the backends admits the traffic the load balancer delivers, so the exposed ports are unreachable from outside.' },
  'L-LB-07': { severity: 'warning', title: 'Egress ipBlock to an in-cluster load balancer address', help: 'In-cluster traffic to a load balancer IP is usually short-circuited to the backend pods, so an egress ipBlock on that address does not match. Select the backend pods.' },
  'L-SHADOW-01': { severity: 'info', title: 'Policy is shadowed by other policies', help: 'Every connection this policy allows is already allowed by other policies on the same pods; removing it changes no reachability. Remove it, or narrow the policy that shadows it.' },
  'L-ANP-01': { severity: 'warning', title: 'Two cluster policies of one tier and priority can match the same connection', help: 'The API leaves the order of same-priority policies undefined: implementations may apply either. The designer applies them by name so results are repeatable; give the policies different priorities so the order is the one you mean.' },
  'L-ANP-02': { severity: 'info', title: 'A networks peer also matches pod addresses', help: '`networks` is meant for destinations outside the cluster but is matched against pod traffic too: allowing or denying 0.0.0.0/0 affects pod-to-pod traffic. Put a rule for pod peers (namespaces: {}) before it if that is not meant.' },
  'L-ANP-03': { severity: 'info', title: 'Experimental cluster policy fields', help: '`nodes`, `domainNames` and named ports are in the experimental channel of the network-policy-api CRDs and need support in the network plugin.' },
  'L-ANP-04': { severity: 'warning', title: 'Cluster policy rule shadowed by an earlier rule or a higher-priority policy', help: 'Every connection the rule matches is decided first (first match wins, lower priority numbers first), so the rule never takes effect. Move it up, narrow the earlier rule or remove it.' },
  'L-ANP-05': { severity: 'info', title: 'NetworkPolicy allow overridden by an Admin Deny', help: 'The Admin tier is evaluated before NetworkPolicies: an Admin Deny stops traffic a NetworkPolicy allows. If the traffic is intended, the platform team can Pass or Accept it before the Deny.' },
  'L-ANP-06': { severity: 'warning', title: 'Cluster policy selects no pod', help: 'The subject matches no pod of the manifests (hostNetwork pods are never subjects), so none of its rules applies. Check the namespace and pod selectors.' },
  'L-ANP-07': { severity: 'warning', title: 'Baseline deny leaves pods without DNS', help: 'A Baseline egress Deny applies to pods that no NetworkPolicy isolates for egress; without an earlier Accept for UDP and TCP 53 to kube-dns, name lookups fail in every such namespace.' },
};

/** Help for an id, with a generic text for ids added without a catalogue entry. */
export function lintRuleInfo(id: string, severity: LintSeverity = 'warning'): LintRuleInfo {
  return LINT_CATALOGUE[id] ?? { severity, title: id, help: `See the NetPol Designer lint catalogue for ${id}.` };
}
