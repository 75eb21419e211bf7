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
// dropped, so that tail would mislead. Limitation: where the importer drops a whole rule it
// stops checking that rule, so a second problem in the same rule shows once the first is fixed.
const IMPORT_ACTION = /;\s*(policy not imported|[^;]*\b(removed|dropped|ignored)\b[^;]*)$/;
// Follow-up notes that only say what the importer dropped because of an earlier problem.
const ONLY_ACTION = /^(peer removed(: .*)?|port entry removed|rule removed|no valid (peer|port) is left\b.*|the API server rejects this policy.*|invalid podSelector; read as .*|the policy cannot be represented.*)$/;

export function policyProblems(np: NetworkPolicy): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const spec = { podSelector: np.podSelector, policyTypes: np.policyTypes, ingress: np.ingress, egress: np.egress };
  // A JSON round trip drops `undefined` fields, as a manifest would not have them.
  readPolicySpec(JSON.parse(JSON.stringify(spec)), (severity, path, message) => {
    if (ONLY_ACTION.test(message)) return;
    out.push({ severity, path, message: message.replace(IMPORT_ACTION, '') });
  });
  return out;
}
