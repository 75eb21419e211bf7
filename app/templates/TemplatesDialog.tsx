// Design-pattern templates: pick one, read what it does and assumes, set its options, apply it
// as ONE undoable step. The result is ordinary, editable objects and policies.
import { useDesignLocked } from '../collab/live-store.ts';
import { useMemo, useState } from 'react';
import '../panels/panels.css';
import '../lb/lb.css';
import type { Id, Model } from '../../src/model/types.ts';
import { TEMPLATE_INFOS, type TemplateInfo } from '../../src/templates/index.ts';
import { applyTemplate, type TemplateRequest } from '../../src/doc/commands-lb.ts';
import { parseCidr } from '../../src/net/ip.ts';
import { commitDoc, useDocStore } from '../state/doc-store.ts';
import { notify, setSession } from '../state/session-store.ts';
import { Modal } from '../panels/Modal.tsx';

const SYSTEM = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

function workloadsByNs(model: Model) {
  return Object.values(model.workloads)
    .map((w) => ({ id: w.id, label: `${model.namespaces[w.namespaceId]?.name ?? '?'}/${w.name}` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export function TemplatesDialog({ onClose }: { onClose: () => void }) {
  const model = useDocStore((s) => s.doc.model);
  const locked = useDesignLocked();
  const [which, setWhich] = useState<TemplateInfo['id']>('public-entry');
  const workloads = useMemo(() => workloadsByNs(model), [model]);
  const namespaces = useMemo(() => Object.values(model.namespaces).sort((a, b) => a.name.localeCompare(b.name)), [model]);
  // public entry
  const [publics, setPublics] = useState<Id[]>([]);
  const [etp, setEtp] = useState<'Cluster' | 'Local'>('Cluster');
  const [ranges, setRanges] = useState('');
  const [mesh, setMesh] = useState(true);
  // strict egress
  const [gateway, setGateway] = useState<Id>('');
  const [egressNs, setEgressNs] = useState<Id[] | null>(null);
  // namespace isolation
  const [isoNs, setIsoNs] = useState<Id>('');
  const [preserve, setPreserve] = useState(false);
  // cluster guardrails
  const [baselineDeny, setBaselineDeny] = useState(true);
  const [sensitiveNs, setSensitiveNs] = useState<Id>('');
  const [allowedNs, setAllowedNs] = useState<Id[]>([]);
  const [monitoringNs, setMonitoringNs] = useState<Id | null>(null);

  const info = TEMPLATE_INFOS.find((t) => t.id === which)!;
  const rangeList = ranges.split(/[\s,]+/).filter(Boolean);
  const badRanges = rangeList.filter((r) => !parseCidr(r).ok);
  const scopeNs = egressNs ?? namespaces.filter((n) => !SYSTEM.has(n.name)).map((n) => n.id);

  let request: TemplateRequest | null = null;
  let missing = '';
  if (which === 'public-entry') {
    if (publics.length === 0) missing = 'Choose at least one public workload.';
    else if (badRanges.length) missing = `Not a CIDR: ${badRanges.join(', ')}`;
    else request = { id: 'public-entry', options: { workloadIds: publics, externalTrafficPolicy: etp, meshIngress: mesh, ...(rangeList.length ? { sourceRanges: rangeList } : {}) } };
  } else if (which === 'strict-egress') {
    if (!gateway) missing = 'Choose the egress-gateway workload.';
    else request = { id: 'strict-egress', options: { gatewayId: gateway, namespaceIds: scopeNs } };
  } else if (which === 'namespace-isolation') {
    if (!isoNs) missing = 'Choose a namespace.';
    else request = { id: 'namespace-isolation', options: { namespaceId: isoNs, preserveCrossNamespace: preserve } };
  } else {
    // Monitoring defaults to a namespace named "monitoring" when the design has one.
    const mon = monitoringNs ?? namespaces.find((n) => n.name === 'monitoring')?.id ?? '';
    if (!baselineDeny && !sensitiveNs && !mon) missing = 'Choose at least one guardrail.';
    else request = { id: 'cluster-guardrails', options: { baselineDefaultDeny: baselineDeny, ...(sensitiveNs ? { sensitiveNamespaceId: sensitiveNs, allowedNamespaceIds: allowedNs } : {}), ...(mon ? { monitoringNamespaceId: mon } : {}) } };
  }
  const monitoringValue = monitoringNs ?? namespaces.find((n) => n.name === 'monitoring')?.id ?? '';

  const apply = () => {
    if (!request) return;
    let summary: string[] = [];
    const req = request;
    commitDoc((d) => {
      const r = applyTemplate(d, req);
      summary = r.summary;
      return r.doc;
    });
    // Cluster guardrails: show the tiers they went into.
    setSession({ selection: [], bottomTab: 'yaml', bottomOpen: true, ...(req.id === 'cluster-guardrails' ? { rightTab: 'cluster' as const } : {}) });
    notify(`${info.title}: ${summary.join(' ')}`);
    onClose();
  };

  const toggle = (list: Id[], id: Id, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

  return (
    <Modal title="Design patterns" onClose={onClose} testId="templates-dialog" wide>
      {workloads.length === 0 ? (
        <div className="empty-state"><p>The patterns work on the workloads of your design: add or import some first.</p></div>
      ) : (
        <div className="tpl-layout">
          <div className="tpl-choices" role="radiogroup" aria-label="Pattern">
            {TEMPLATE_INFOS.map((t) => (
              <button key={t.id} type="button" role="radio" aria-checked={which === t.id} className={`tpl-choice ${which === t.id ? 'active' : ''}`} onClick={() => setWhich(t.id)}>
                {t.title}
              </button>
            ))}
          </div>
          <div className="tpl-body">
            <p>{info.what}</p>
            <details className="tpl-assumptions">
              <summary>Assumptions ({info.assumptions.length})</summary>
              <ul>{info.assumptions.map((a, i) => <li key={i}>{a}</li>)}</ul>
            </details>
            {which === 'public-entry' && (
              <div className="form">
                <div className="field">
                  <span className="field-label">Public workloads</span>
                  <div className="tpl-checklist" role="group" aria-label="Public workloads">
                    {workloads.map((w) => (
                      <label key={w.id} className="check"><input type="checkbox" checked={publics.includes(w.id)} onChange={(e) => setPublics(toggle(publics, w.id, e.target.checked))} /> {w.label}</label>
                    ))}
                  </div>
                </div>
                <label className="field">
                  <span className="field-label">externalTrafficPolicy</span>
                  <select value={etp} onChange={(e) => setEtp(e.target.value as 'Cluster' | 'Local')}>
                    <option value="Cluster">Cluster (node SNAT: pods see node addresses)</option>
                    <option value="Local">Local (pods see the client address)</option>
                  </select>
                </label>
                <label className="field">
                  <span className="field-label">Client ranges (loadBalancerSourceRanges, optional)</span>
                  <input value={ranges} onChange={(e) => setRanges(e.target.value)} placeholder="e.g. 203.0.113.0/24" aria-invalid={badRanges.length > 0} />
                </label>
                <label className="check"><input type="checkbox" checked={mesh} onChange={(e) => setMesh(e.target.checked)} /> Keep pod-to-pod traffic open inside the cluster</label>
              </div>
            )}
            {which === 'strict-egress' && (
              <div className="form">
                <label className="field">
                  <span className="field-label">Egress gateway workload</span>
                  <select aria-label="Egress gateway workload" value={gateway} onChange={(e) => setGateway(e.target.value)}>
                    <option value="">Choose…</option>
                    {workloads.map((w) => <option key={w.id} value={w.id}>{w.label}</option>)}
                  </select>
                </label>
                <div className="field">
                  <span className="field-label">Namespaces to restrict</span>
                  <div className="tpl-checklist" role="group" aria-label="Namespaces to restrict">
                    {namespaces.map((n) => (
                      <label key={n.id} className="check"><input type="checkbox" checked={scopeNs.includes(n.id)} onChange={(e) => setEgressNs(toggle(scopeNs, n.id, e.target.checked))} /> {n.name}</label>
                    ))}
                  </div>
                </div>
              </div>
            )}
            {which === 'namespace-isolation' && (
              <div className="form">
                <label className="field">
                  <span className="field-label">Namespace</span>
                  <select aria-label="Namespace" value={isoNs} onChange={(e) => setIsoNs(e.target.value)}>
                    <option value="">Choose…</option>
                    {namespaces.map((n) => <option key={n.id} value={n.id}>{n.name}</option>)}
                  </select>
                </label>
                <label className="check"><input type="checkbox" checked={preserve} onChange={(e) => setPreserve(e.target.checked)} /> Keep today's cross-namespace flows as explicit rules</label>
              </div>
            )}
            {which === 'cluster-guardrails' && (
              <div className="form">
                <label className="check"><input type="checkbox" checked={baselineDeny} onChange={(e) => setBaselineDeny(e.target.checked)} /> Baseline default deny for every namespace except kube-system, kube-public, kube-node-lease (DNS allowed)</label>
                <label className="field">
                  <span className="field-label">Sensitive namespace (Admin Deny into it)</span>
                  <select aria-label="Sensitive namespace" value={sensitiveNs} onChange={(e) => setSensitiveNs(e.target.value)}>
                    <option value="">None</option>
                    {namespaces.map((n) => <option key={n.id} value={n.id}>{n.name}</option>)}
                  </select>
                </label>
                {sensitiveNs && (
                  <div className="field">
                    <span className="field-label">Except from (passed on to its NetworkPolicies)</span>
                    <div className="tpl-checklist" role="group" aria-label="Allowed namespaces">
                      {namespaces.filter((n) => n.id !== sensitiveNs).map((n) => (
                        <label key={n.id} className="check"><input type="checkbox" checked={allowedNs.includes(n.id)} onChange={(e) => setAllowedNs(toggle(allowedNs, n.id, e.target.checked))} /> {n.name}</label>
                      ))}
                    </div>
                  </div>
                )}
                <label className="field">
                  <span className="field-label">Monitoring namespace (Admin Pass)</span>
                  <select aria-label="Monitoring namespace" value={monitoringValue} onChange={(e) => setMonitoringNs(e.target.value)}>
                    <option value="">None</option>
                    {namespaces.map((n) => <option key={n.id} value={n.id}>{n.name}</option>)}
                  </select>
                </label>
              </div>
            )}
          </div>
        </div>
      )}
      {missing && workloads.length > 0 && <p className="hint">{missing}</p>}
      {locked && <p className="hint" data-testid="templates-locked">Read-only: patterns cannot be applied to this design.</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>Cancel</button>
        <button type="button" className="primary" disabled={!request || locked} onClick={apply}>Apply pattern</button>
      </div>
    </Modal>
  );
}
