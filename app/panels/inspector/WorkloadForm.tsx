// Inspector for a workload: name, kind, pod labels and container ports.

import { protocolOf } from '../../../src/model/ports.ts';
import { PROTOCOLS, WORKLOAD_KINDS } from '../../../src/model/types.ts';
import type { ContainerPort, Protocol, Workload, WorkloadKind } from '../../../src/model/types.ts';
import { validateDnsSubdomain, validateIanaPortName } from '../../../src/model/labels.ts';
import { followingLabelClash, updateWorkload } from '../../../src/doc/commands.ts';
import { nameTakenError } from '../../../src/doc/commands-panels.ts';
import { commitDoc, useDocStore } from '../../state/doc-store.ts';
import { CommitInput } from '../fields/CommitInput.tsx';
import { EditableRows } from '../fields/EditableRows.tsx';
import type { RowValues } from '../fields/EditableRows.tsx';
import { LabelsEditor } from '../fields/LabelsEditor.tsx';
import { portNumberError } from '../fields/parse.ts';

const PORT_FIELDS = [
  { name: 'name', label: 'Name', placeholder: 'http', validate: (v: string) => (v.trim() ? validateIanaPortName(v.trim()) : null) },
  { name: 'containerPort', label: 'Port', placeholder: '8080', width: '72px', validate: (v: string) => portNumberError(v) },
  { name: 'protocol', label: 'Protocol', options: PROTOCOLS, width: '72px' },
];

function portsToRows(ports: ContainerPort[]): RowValues[] {
  return ports.map((p) => ({ name: p.name ?? '', containerPort: String(p.containerPort), protocol: protocolOf(p) }));
}

function rowsToPorts(rows: RowValues[]): ContainerPort[] {
  return rows.map((r) => {
    const p: ContainerPort = { containerPort: Number(r.containerPort.trim()) };
    if (r.name.trim()) p.name = r.name.trim();
    if (r.protocol && r.protocol !== 'TCP') p.protocol = r.protocol as Protocol;
    return p;
  });
}

function duplicatePortName(rows: RowValues[], i: number): string | null {
  const n = rows[i].name?.trim();
  if (!n) return null;
  return rows.some((r, j) => j !== i && r.name?.trim() === n) ? `port name "${n}" is used twice` : null;
}

export function WorkloadForm({ wl }: { wl: Workload }) {
  const model = useDocStore((s) => s.doc.model);
  const nsName = model.namespaces[wl.namespaceId]?.name ?? wl.namespaceId;
  const patch = (p: Partial<Workload>) => commitDoc((d) => updateWorkload(d, wl.id, p));
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} aria-label={`Workload ${wl.name}`}>
      <h3 className="form-title">
        <span className="kind-badge">{wl.kind}</span> {nsName}/{wl.name}
      </h3>
      <CommitInput
        label="Name"
        value={wl.name}
        validate={(v) => validateDnsSubdomain(v) ?? nameTakenError(model, 'workload', v, wl.id, wl.namespaceId) ?? followingLabelClash(model, wl.id, v)}
        onCommit={(name) => patch({ name })}
      />
      <div className="field">
        <label className="field-label" htmlFor={`kind-${wl.id}`}>
          Kind
        </label>
        <select id={`kind-${wl.id}`} value={wl.kind} onChange={(e) => patch({ kind: e.target.value as WorkloadKind })}>
          {WORKLOAD_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Pod labels</legend>
        {wl.labelsFollowName && (
          <p className="hint" data-testid="labels-follow-name">
            The <code>app</code> label follows the name: renaming the workload renames it. Editing the labels ends that.
          </p>
        )}
        <LabelsEditor label="Pod labels" labels={wl.podLabels} onChange={(podLabels) => patch({ podLabels })} testId="pod-labels" />
      </fieldset>
      <fieldset>
        <legend>Container ports</legend>
        <EditableRows
          label="Container ports"
          fields={PORT_FIELDS}
          rows={portsToRows(wl.ports)}
          blank={{ name: '', containerPort: '', protocol: 'TCP' }}
          validateList={duplicatePortName}
          onChange={(rows) => patch({ ports: rowsToPorts(rows) })}
        />
      </fieldset>
    </form>
  );
}
