// L-PT-*: policyTypes defaulting surprises (semantics.md 1.3).

import type { LintFinding, LintRuleSet } from './types.ts';

export const policyTypeRules: LintRuleSet = {
  family: 'policy-types',
  ids: ['L-PT-01', 'L-PT-02', 'L-PT-03'],
  run(ctx) {
    const out: LintFinding[] = [];
    for (const np of ctx.policies) {
      const base = { objectId: np.id, object: ctx.policyLabel(np) };
      const explicit = (np.policyTypes ?? []).length > 0;
      const ingressRules = np.ingress?.length ?? 0;
      const egressRules = np.egress?.length ?? 0;
      if (!explicit && egressRules > 0 && ingressRules === 0) {
        out.push({
          ...base,
          id: 'L-PT-01',
          severity: 'warning',
          path: 'spec.policyTypes',
          message: 'has egress rules but no policyTypes, so it also isolates ingress: all ingress to the selected pods is denied',
          hint: 'add `policyTypes: [Egress]` if only egress was meant to be restricted',
        });
      }
      if (!explicit && np.egress !== undefined && egressRules === 0) {
        out.push({
          ...base,
          id: 'L-PT-02',
          severity: 'warning',
          path: 'spec.egress',
          message: '`egress: []` without policyTypes does not isolate egress; nothing is denied',
          hint: 'add `Egress` to `policyTypes` to deny all egress',
        });
      }
      if (explicit) {
        for (const [dir, count, key] of [['Ingress', ingressRules, 'ingress'], ['Egress', egressRules, 'egress']] as const) {
          if (count > 0 && !np.policyTypes!.includes(dir)) {
            out.push({
              ...base,
              id: 'L-PT-03',
              severity: 'warning',
              path: `spec.${key}`,
              message: `has ${key} rules but policyTypes does not list ${dir}, so those rules are ignored`,
              hint: `add \`${dir}\` to \`policyTypes\` or remove the ${key} rules`,
            });
          }
        }
      }
    }
    return out;
  },
};
