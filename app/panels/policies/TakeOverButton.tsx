// Turns a generated policy into a hand-written one the editor can change.

import { adoptGeneratedPolicy } from '../../../src/policy/synthesize.ts';
import { commitDoc } from '../../state/doc-store.ts';
import { setSession } from '../../state/session-store.ts';

export function TakeOverButton({ policyId }: { policyId: string }) {
  return (
    <button
      type="button"
      onClick={() => {
        commitDoc((d) => ({ ...d, model: adoptGeneratedPolicy(d.model, policyId) }));
        setSession({ editingPolicyId: policyId });
      }}
    >
      Take over (edit by hand)
    </button>
  );
}
