// Visits the rules, peers and ports of a policy with their field paths, so rule files do
// not each re-implement the loops (and agree on path spelling).

import type { Direction, EgressRule, IngressRule, NetworkPolicy, PolicyPeer, PolicyPort } from '../model/types.ts';
import { peersOfRule } from '../policy/np-rules.ts';

export interface RuleVisit {
  dir: Direction;
  rule: IngressRule | EgressRule;
  index: number;
  /** 'spec.ingress[0]' */
  path: string;
  /** 'from' or 'to' */
  peerKey: 'from' | 'to';
  peers: PolicyPeer[] | undefined;
  ports: PolicyPort[] | undefined;
}

export function policyRules(np: NetworkPolicy): RuleVisit[] {
  const out: RuleVisit[] = [];
  for (const dir of ['Ingress', 'Egress'] as const) {
    const rules = (dir === 'Ingress' ? np.ingress : np.egress) ?? [];
    rules.forEach((rule, index) => {
      out.push({
        dir,
        rule,
        index,
        path: `spec.${dir === 'Ingress' ? 'ingress' : 'egress'}[${index}]`,
        peerKey: dir === 'Ingress' ? 'from' : 'to',
        peers: peersOfRule(rule, dir),
        ports: rule.ports,
      });
    });
  }
  return out;
}
