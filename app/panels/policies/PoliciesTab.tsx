// The Policies tab: the list, or the editor for sessionStore.editingPolicyId.

import { useDocStore } from '../../state/doc-store.ts';
import { useSessionStore } from '../../state/session-store.ts';
import { PolicyEditor } from './PolicyEditor.tsx';
import { PolicyList } from './PolicyList.tsx';

export function PoliciesTab() {
  const editingId = useSessionStore((s) => s.editingPolicyId);
  const policy = useDocStore((s) => (editingId ? s.doc.model.policies[editingId] : undefined));
  return policy ? <PolicyEditor key={policy.id} policy={policy} /> : <PolicyList />;
}
