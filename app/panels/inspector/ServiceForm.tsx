// Inspector for a Service (and the load balancer node that stands for a LoadBalancer Service).

import { protocolOf } from '../../../src/model/ports.ts';
import { servicePortProblems } from '../../../src/model/service-ports.ts';
import { PROTOCOLS } from '../../../src/model/types.ts';
import type { Protocol, Service, ServicePort, ServiceType } from '../../../src/model/types.ts';
import { validateDns1035Label, validateDnsLabel } from '../../../src/model/labels.ts';
import { updateService } from '../../../src/doc/commands.ts';
import { nameTakenError } from '../../../src/doc/commands-panels.ts';
import { commitDoc, useDocStore } from '../../state/doc-store.ts';
import { CommitInput } from '../fields/CommitInput.tsx';
import { EditableRows } from '../fields/EditableRows.tsx';
import type { RowValues } from '../fields/EditableRows.tsx';
import { LabelsEditor } from '../fields/LabelsEditor.tsx';
import { portNumberError, portOrNameError, toOptionalNumber, toPortOrName } from '../fields/parse.ts';
import { CIDR_FIELDS } from './ExternalForm.tsx';

const TYPES: ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer'];

function nodePortError(v: string, row: RowValues, type: ServiceType): string | null {
  if (!v.trim()) return null;
  if (type === 'ClusterIP') return 'only NodePort and LoadBalancer Services have node ports';
  return portNumberError(v);
}

function portFields(type: ServiceType) {
  return [
    { name: 'name', label: 'Name', placeholder: 'http', validate: (v: string) => (v.trim() ? validateDnsLabel(v.trim()) : null) },
    { name: 'port', label: 'Port', placeholder: '80', width: '60px', validate: (v: string) => portNumberError(v) },
    { name: 'targetPort', label: 'Target', placeholder: 'same', width: '66px', validate: (v: string) => portOrNameError(v, true) },
    { name: 'nodePort', label: 'Node port', placeholder: 'auto', width: '66px', validate: (v: string, r: RowValues) => nodePortError(v, r, type) },
    { name: 'protocol', label: 'Proto', options: PROTOCOLS, width: '66px' },
  ];
}

function portsToRows(ports: ServicePort[]): RowValues[] {
  return ports.map((p) => ({
    name: p.name ?? '',
    port: String(p.port),
    targetPort: p.targetPort === undefined ? '' : String(p.targetPort),
    nodePort: p.nodePort === undefined ? '' : String(p.nodePort),
    protocol: protocolOf(p),
  }));
}

function rowsToPorts(rows: RowValues[]): ServicePort[] {
  return rows.map((r) => {
    const p: ServicePort = { port: Number(r.port.trim()) };
    if (r.name.trim()) p.name = r.name.trim();
    if (r.protocol && r.protocol !== 'TCP') p.protocol = r.protocol as Protocol;
    const target = toPortOrName(r.targetPort);
    if (target !== undefined) p.targetPort = target;
    const node = toOptionalNumber(r.nodePort);
    if (node !== undefined) p.nodePort = node;
    return p;
  });
}

// The API server's port-list rules come from the core; rows are still text while edited.
function servicePortListError(rows: RowValues[], i: number): string | null {
  const ports = rows.map((r) => ({ name: r.name, port: r.port?.trim() ? Number(r.port) : undefined, protocol: r.protocol as Protocol }));
  return servicePortProblems(ports).find((p) => p.index === i)?.message ?? null;
}

export function ServiceForm({ svc }: { svc: Service }) {
  const model = useDocStore((s) => s.doc.model);
  const nsName = model.namespaces[svc.namespaceId]?.name ?? svc.namespaceId;
  const patch = (p: Partial<Service>) => commitDoc((d) => updateService(d, svc.id, p));
  const external = svc.type !== 'ClusterIP';
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} aria-label={`Service ${svc.name}`}>
      <h3 className="form-title">
        <span className="kind-badge">{svc.type === 'LoadBalancer' ? 'Load balancer' : 'Service'}</span> {nsName}/{svc.name}
      </h3>
      <CommitInput
        label="Name"
        value={svc.name}
        validate={(v) => validateDns1035Label(v) ?? nameTakenError(model, 'service', v, svc.id, svc.namespaceId)}
        onCommit={(name) => patch({ name })}
      />
      <div className="field">
        <label className="field-label" htmlFor={`svctype-${svc.id}`}>
          Type
        </label>
        <select id={`svctype-${svc.id}`} value={svc.type} onChange={(e) => patch({ type: e.target.value as ServiceType })}>
          {TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Selector</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={svc.selector !== undefined}
            onChange={(e) => patch({ selector: e.target.checked ? {} : undefined })}
          />
          Selects pods (a Service without selector has manual endpoints)
        </label>
        {svc.selector !== undefined && (
          <LabelsEditor label="Service selector" labels={svc.selector} onChange={(selector) => patch({ selector })} />
        )}
      </fieldset>
      <fieldset>
        <legend>Ports</legend>
        <EditableRows
          label="Service ports"
          fields={portFields(svc.type)}
          rows={portsToRows(svc.ports)}
          blank={{ name: '', port: '', targetPort: '', nodePort: '', protocol: 'TCP' }}
          validateList={servicePortListError}
          onChange={(rows) => patch({ ports: rowsToPorts(rows) })}
        />
      </fieldset>
      {external && (
        <div className="field">
          <label className="field-label" htmlFor={`etp-${svc.id}`}>
            externalTrafficPolicy
          </label>
          <select
            id={`etp-${svc.id}`}
            value={svc.externalTrafficPolicy ?? 'Cluster'}
            onChange={(e) => patch({ externalTrafficPolicy: e.target.value as 'Cluster' | 'Local' })}
          >
            <option value="Cluster">Cluster (SNAT to a node address)</option>
            <option value="Local">Local (client address kept)</option>
          </select>
        </div>
      )}
      {svc.type === 'LoadBalancer' && (
        <fieldset>
          <legend>loadBalancerSourceRanges</legend>
          <p className="hint">Empty: the load balancer accepts every client address.</p>
          <EditableRows
            label="Source ranges"
            fields={CIDR_FIELDS}
            rows={(svc.loadBalancerSourceRanges ?? []).map((cidr) => ({ cidr }))}
            blank={{ cidr: '' }}
            onChange={(rows) => {
              const ranges = rows.map((r) => r.cidr.trim());
              patch({ loadBalancerSourceRanges: ranges.length ? ranges : undefined });
            }}
          />
        </fieldset>
      )}
    </form>
  );
}
