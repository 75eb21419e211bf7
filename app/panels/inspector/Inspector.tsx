// The Inspect tab: a form for the selected element, a count for several, a hint for none.

import { useShallow } from 'zustand/react/shallow';
import type { Doc, Id } from '../../../src/model/types.ts';
import { serviceIdOfLoadBalancer } from '../../../src/layout/sizes.ts';
import { deleteEntities } from '../../../src/doc/commands.ts';
import { loadBalancerNodeId, parseEdgeId } from '../../../src/canvas/ids.ts';
import { commitDoc, useDocStore } from '../../state/doc-store.ts';
import { setSession, useSessionStore } from '../../state/session-store.ts';
import { useDesignLocked } from '../../collab/live-store.ts';
import { ExternalForm } from './ExternalForm.tsx';
import { IntentForm } from './IntentForm.tsx';
import { NamespaceForm } from './NamespaceForm.tsx';
import { ServiceForm } from './ServiceForm.tsx';
import { WorkloadForm } from './WorkloadForm.tsx';
import { Connections } from './Connections.tsx';
import { EditingPeers } from '../../collab/EditingPeers.tsx';
import { startConnect } from '../../state/connect-actions.ts';
import { shortcutKeys } from '../../state/shortcuts.ts';

type Selected =
  | { kind: 'namespace' | 'workload' | 'external' | 'service' | 'intent' | 'policy'; id: Id }
  | { kind: 'unknown'; id: Id };

/** What a selected canvas id stands for in the model. */
export function resolveSelection(doc: Doc, id: Id): Selected {
  const m = doc.model;
  if (m.namespaces[id]) return { kind: 'namespace', id };
  if (m.workloads[id]) return { kind: 'workload', id };
  if (m.externals[id]) return { kind: 'external', id };
  if (m.services[id]) return { kind: 'service', id };
  const lb = serviceIdOfLoadBalancer(id);
  if (lb && m.services[lb]) return { kind: 'service', id: lb };
  if (m.intents[id]) return { kind: 'intent', id };
  // An intent's edge on the canvas (clicked, or Enter on it from the keyboard) inspects the intent.
  const edge = parseEdgeId(id);
  if (edge?.kind === 'intent' && m.intents[edge.intentId]) return { kind: 'intent', id: edge.intentId };
  if (m.policies[id]) return { kind: 'policy', id };
  return { kind: 'unknown', id };
}

export function Inspector() {
  const selection = useSessionStore(useShallow((s) => s.selection));
  const doc = useDocStore((s) => s.doc);
  const resolved = selection.map((id) => resolveSelection(doc, id)).filter((s) => s.kind !== 'unknown');
  const readOnly = useDesignLocked();

  if (resolved.length === 0) {
    return (
      <div className="empty-state" data-testid="inspector-empty">
        <p>
          <strong>Nothing selected.</strong>
        </p>
        <ul>
          <li>Click a namespace, workload, external network or load balancer on the canvas to edit it here.</li>
          <li>Drag from one element to another to allow a flow (an intent), or select one and press <kbd>{shortcutKeys('Connect to…')}</kbd> (Connect to…).</li>
          <li>Click a connection to see why it is allowed or denied.</li>
          <li>
            Use <em>File → Import</em> to load existing manifests.
          </li>
        </ul>
      </div>
    );
  }

  if (resolved.length > 1) {
    return (
      <div className="multi-select">
        <p>
          <strong>{resolved.length} elements selected.</strong>
        </p>
        <button
          type="button"
          disabled={readOnly}
          className="danger"
          onClick={() => {
            commitDoc((d) => deleteEntities(d, resolved.map((r) => r.id)));
            setSession({ selection: [] });
          }}
        >
          Delete {resolved.length} elements
        </button>
      </div>
    );
  }

  const one = resolved[0];
  const connectionsNode = connectionsNodeOf(doc, one);
  return (
    <>
      <EditingPeers id={one.id} />
      {/* Read-only: every editing control of the form is disabled up front (no refusal after typing). */}
      <fieldset className="ro-fieldset" disabled={readOnly} data-testid="inspector-fields">
        {readOnly && <p className="hint">Read-only: editing is off.</p>}
        {(one.kind === 'workload' || one.kind === 'external' || (one.kind === 'service' && doc.model.services[one.id]?.type === 'LoadBalancer')) && (
          <button type="button" className="connect-button" onClick={startConnect} title={`Allow traffic from this to another node, picked from a list (${shortcutKeys('Connect to…')})`}>
            Connect to… <kbd>{shortcutKeys('Connect to…')}</kbd>
          </button>
        )}
        <SelectedForm doc={doc} one={one} />
      </fieldset>
      {/* Outside the read-only fieldset: opening an explanation is no edit. */}
      {connectionsNode && <Connections nodeId={connectionsNode} />}
    </>
  );
}

/** The canvas node whose connections the Inspector lists, or null (intents, policies, other Services). */
export function connectionsNodeOf(doc: Doc, one: Selected): Id | null {
  if (one.kind === 'namespace' || one.kind === 'workload' || one.kind === 'external') return one.id;
  if (one.kind === 'service' && doc.model.services[one.id]?.type === 'LoadBalancer') return loadBalancerNodeId(one.id);
  return null;
}

function SelectedForm({ doc, one }: { doc: Doc; one: Selected }) {
  const m = doc.model;
  switch (one.kind) {
    case 'namespace':
      return <NamespaceForm key={one.id} ns={m.namespaces[one.id]} />;
    case 'workload':
      return <WorkloadForm key={one.id} wl={m.workloads[one.id]} />;
    case 'external':
      return <ExternalForm key={one.id} ext={m.externals[one.id]} />;
    case 'service':
      return <ServiceForm key={one.id} svc={m.services[one.id]} />;
    case 'intent':
      return <IntentForm key={one.id} intent={m.intents[one.id]} />;
    case 'policy':
      return (
        <div className="empty-state">
          <p>
            Policy <strong>{m.policies[one.id].name}</strong>
          </p>
          <button type="button" onClick={() => setSession({ rightTab: 'policies', editingPolicyId: one.id })}>
            Open in the policy editor
          </button>
        </div>
      );
    default:
      return null;
  }
}
