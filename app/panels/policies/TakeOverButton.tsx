// Turns a generated policy into a hand-written one the editor can change.

import { takeOverPolicy } from '../../../src/doc/commands-panels.ts';
import { commitDoc, docStore } from '../../state/doc-store.ts';
import { useDesignLocked } from '../../collab/live-store.ts';
import { setSession } from '../../state/session-store.ts';

export function TakeOverButton({ policyId }: { policyId: string }) {
  const locked = useDesignLocked();
  return (
    <button
      type="button"
      disabled={locked}
      onClick={() => {
        const { doc, id } = takeOverPolicy(docStore.getState().doc, policyId);
        commitDoc(() => doc);
        setSession({ editingPolicyId: id, rightTab: 'policies' });
      }}
    >
      Take over (edit by hand)
    </button>
  );
}
