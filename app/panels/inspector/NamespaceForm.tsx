// Inspector for a namespace: name, labels, and the default-deny switches used by design by intent.

import type { Namespace, NamespaceDefaults } from '../../../src/model/types.ts';
import { NAMESPACE_NAME_LABEL } from '../../../src/model/factory.ts';
import { validateDnsLabel } from '../../../src/model/labels.ts';
import { setNamespaceDefaults, updateNamespace } from '../../../src/doc/commands.ts';
import { commitDoc, useDocStore } from '../../state/doc-store.ts';
import { CommitInput } from '../fields/CommitInput.tsx';
import { LabelsEditor } from '../fields/LabelsEditor.tsx';
import { nameTakenError } from '../../../src/doc/commands-panels.ts';

const NO_DEFAULTS: NamespaceDefaults = { denyIngress: false, denyEgress: false, allowDns: false };

export function NamespaceForm({ ns }: { ns: Namespace }) {
  const defaults = useDocStore((s) => s.doc.model.namespaceDefaults[ns.id]) ?? NO_DEFAULTS;
  const model = useDocStore((s) => s.doc.model);
  const setDefault = (patch: Partial<NamespaceDefaults>) =>
    commitDoc((d) => setNamespaceDefaults(d, ns.id, { ...defaults, ...patch }));

  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} aria-label={`Namespace ${ns.name}`}>
      <h3 className="form-title">
        <span className="kind-badge">Namespace</span> {ns.name}
      </h3>
      <CommitInput
        label="Name"
        value={ns.name}
        validate={(v) => validateDnsLabel(v) ?? nameTakenError(model, 'namespace', v, ns.id)}
        onCommit={(name) => commitDoc((d) => updateNamespace(d, ns.id, { name }))}
      />
      <fieldset>
        <legend>Labels</legend>
        <p className="hint">
          <code>
            {NAMESPACE_NAME_LABEL}={ns.name}
          </code>{' '}
          is set by Kubernetes and always present.
        </p>
        <LabelsEditor label="Namespace labels" labels={ns.labels} onChange={(labels) => commitDoc((d) => updateNamespace(d, ns.id, { labels }))} />
      </fieldset>
      <fieldset>
        <legend>Defaults for design by intent</legend>
        <label className="check">
          <input type="checkbox" checked={defaults.denyIngress} onChange={(e) => setDefault({ denyIngress: e.target.checked })} />
          Deny all ingress by default
        </label>
        <label className="check">
          <input type="checkbox" checked={defaults.denyEgress} onChange={(e) => setDefault({ denyEgress: e.target.checked })} />
          Deny all egress by default
        </label>
        <label className="check indent">
          <input
            type="checkbox"
            checked={defaults.allowDns}
            disabled={!defaults.denyEgress}
            onChange={(e) => setDefault({ allowDns: e.target.checked })}
          />
          …but allow DNS (UDP/TCP 53 to kube-dns)
        </label>
        <p className="hint">These switches generate policies; intents drawn on the canvas open the allowed flows.</p>
      </fieldset>
    </form>
  );
}
