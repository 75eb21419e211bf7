// NetworkPolicies grouped by namespace, with create / duplicate / delete / take over.

import { useDesignLocked } from '../../collab/live-store.ts';
import type { Id, Model, NetworkPolicy } from '../../../src/model/types.ts';
import { deletePolicy, upsertPolicy } from '../../../src/doc/commands.ts';
import { duplicatePolicyObject, newPolicy } from '../../../src/doc/commands-panels.ts';
import { commitDoc, docStore, useDocStore } from '../../state/doc-store.ts';
import { setSession } from '../../state/session-store.ts';
import { TakeOverButton } from './TakeOverButton.tsx';

function byNamespace(model: Model): { nsId: Id; nsName: string; policies: NetworkPolicy[] }[] {
  return Object.values(model.namespaces)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((ns) => ({
      nsId: ns.id,
      nsName: ns.name,
      policies: Object.values(model.policies)
        .filter((p) => p.namespaceId === ns.id)
        .sort((a, b) => a.name.localeCompare(b.name)),
    }));
}

function create(nsId: Id) {
  const np = newPolicy(docStore.getState().doc.model, nsId);
  commitDoc((d) => upsertPolicy(d, np));
  setSession({ editingPolicyId: np.id });
}

function duplicate(id: Id) {
  const copy = duplicatePolicyObject(docStore.getState().doc.model, id);
  if (!copy) return;
  commitDoc((d) => upsertPolicy(d, copy));
  setSession({ editingPolicyId: copy.id });
}

export function PolicyList() {
  const model = useDocStore((s) => s.doc.model);
  const locked = useDesignLocked();
  const groups = byNamespace(model);
  if (groups.length === 0) {
    return (
      <div className="empty-state">
        <p>
          <strong>No namespaces yet.</strong>
        </p>
        <p>Add a namespace from the palette or import manifests; its NetworkPolicies are listed here.</p>
      </div>
    );
  }
  return (
    <div className="policy-list" data-testid="policy-list">
      {groups.map((g) => (
        <section key={g.nsId} className="ns-group" aria-label={`Policies in ${g.nsName}`}>
          <header className="ns-group-head">
            <h4>{g.nsName}</h4>
            <button type="button" disabled={locked} onClick={() => create(g.nsId)} aria-label={`New policy in ${g.nsName}`}>
              + New policy
            </button>
          </header>
          {g.policies.length === 0 && <p className="hint">No policies: every pod here is open in both directions.</p>}
          <ul>
            {g.policies.map((p) => (
              <li key={p.id} className="policy-item" data-testid={`policy-item-${p.name}`}>
                <button type="button" className="link-btn policy-name" title={p.name} onClick={() => setSession({ editingPolicyId: p.id })}>
                  {p.name}
                </button>
                {p.generated && (
                  <span className="tag generated" title={p.generated.note}>
                    generated
                  </span>
                )}
                <span className="item-actions">
                  {p.generated ? (
                    <TakeOverButton policyId={p.id} />
                  ) : (
                    <>
                      <button type="button" disabled={locked} onClick={() => duplicate(p.id)} aria-label={`Duplicate ${p.name}`}>
                        Duplicate
                      </button>
                      <button type="button" className="danger" disabled={locked} onClick={() => commitDoc((d) => deletePolicy(d, p.id))} aria-label={`Delete ${p.name}`}>
                        Delete
                      </button>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
