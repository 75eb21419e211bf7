// Live validation of a policy in the editor, by the same reader that validates imports, so the
// editor and the importer never disagree about what Kubernetes accepts.

import type { NetworkPolicy } from '../../../src/model/types.ts';
import { readPolicySpec } from '../../../src/k8s/policy-from-manifest.ts';

export interface PolicyProblem {
  severity: 'error' | 'warning' | 'info';
  path: string;
  message: string;
}

// The importer's messages end with what it did about the problem; in the editor nothing is
// dropped, so that tail would mislead.
const IMPORT_ACTION = /;\s*(policy not imported|[^;]*\b(removed|dropped|ignored)\b[^;]*)$/;

export function policyProblems(np: NetworkPolicy): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const spec = { podSelector: np.podSelector, policyTypes: np.policyTypes, ingress: np.ingress, egress: np.egress };
  // A JSON round trip drops `undefined` fields, as a manifest would not have them.
  readPolicySpec(JSON.parse(JSON.stringify(spec)), (severity, path, message) => {
    out.push({ severity, path, message: message.replace(IMPORT_ACTION, '') });
  });
  return out;
}
