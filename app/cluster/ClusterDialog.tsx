// Cluster assumptions: where plugins and clouds differ. Each change is one undo step and the
// reachability, paths and assertions re-evaluate at once.
import { LockedFieldset } from '../share/LockedFieldset.tsx';
import { useEffect, useState } from 'react';
import '../panels/panels.css';
import '../lb/lb.css';
import type { ClusterProfile, ClusterSettings } from '../../src/model/types.ts';
import { parseCidr } from '../../src/net/ip.ts';
import { setClusterProfile, updateCluster, updateClusterProfile } from '../../src/doc/commands-lb.ts';
import { commitDoc, useDocStore } from '../state/doc-store.ts';
import { Modal } from '../panels/Modal.tsx';

const PROFILE_TEXT: Record<ClusterProfile['name'], string> = {
  upstream: 'The Kubernetes conformance behaviour (kube-proxy, ipBlock matches pods and nodes).',
  cilium: 'Cilium defaults: ipBlock never matches pods or nodes, SNAT for services, endPort unsupported.',
  'netpol-analyzer-compat': 'Same answers as netpol-analyzer: ipBlock matches nodes but not pods.',
  custom: 'Your own switches below.',
};

const MODES: { id: NonNullable<ClusterSettings['lbDeliveryMode']>; label: string; hint: string }[] = [
  { id: 'vip-passthrough', label: 'VIP pass-through', hint: 'The LB keeps the client address and delivers to the VIP; kube-proxy routes it (most clouds, MetalLB).' },
  { id: 'nodeport-passthrough', label: 'Node-port pass-through', hint: 'The LB forwards to the node ports of the Service (classic ELB style).' },
  { id: 'proxy', label: 'Proxying LB', hint: 'The LB opens its own connection: pods see the LB addresses (set LB source CIDRs).' },
  { id: 'direct-to-pod', label: 'Direct to pod', hint: 'The LB sends straight to pod IPs (AWS NLB IP targets, GKE NEG): pods see the LB addresses.' },
];

function cidrListError(text: string): string | null {
  const bad = splitList(text).filter((c) => !parseCidr(c).ok);
  return bad.length ? `Not a CIDR: ${bad.join(', ')} (e.g. 10.0.0.0/16 or 2001:db8::/64)` : null;
}
const splitList = (t: string) => t.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);

function CidrField({ label, hint, value, onCommit, testId }: { label: string; hint: string; value: string[]; onCommit: (v: string[]) => void; testId: string }) {
  const [draft, setDraft] = useState(value.join(', '));
  useEffect(() => setDraft(value.join(', ')), [value]);
  const error = cidrListError(draft);
  const commit = () => {
    if (error) return;
    const next = splitList(draft);
    if (next.join(',') !== value.join(',')) onCommit(next);
  };
  return (
    <label className="field cluster-field">
      <span className="field-label">{label}</span>
      <input value={draft} data-testid={testId} aria-invalid={!!error} onChange={(e) => setDraft(e.target.value)} onBlur={commit}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); commit(); } }} placeholder="none" />
      {error ? <span className="field-error">{error}</span> : <span className="hint">{hint}</span>}
    </label>
  );
}

function Switch({ label, hint, checked, onChange }: { label: string; hint: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className="cluster-switch">
      <label className="check"><input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}</label>
      <span className="hint">{hint}</span>
    </div>
  );
}

export function ClusterDialog({ onClose }: { onClose: () => void }) {
  const c = useDocStore((s) => s.doc.model.cluster);
  const p = c.profile;
  const setProfile = (patch: Partial<Omit<ClusterProfile, 'name'>>) => commitDoc((d) => updateClusterProfile(d, patch));
  const mode = c.lbDeliveryMode ?? 'vip-passthrough';
  return (
    <Modal title="Cluster assumptions" onClose={onClose} testId="cluster-dialog" wide>
      <p className="hint">What the analysis assumes about your cluster. Each change is one undo step; reachability, paths and assertions update at once.</p>
      <LockedFieldset testId="cluster-fields">
      <div className="cluster-grid">
        <section>
          <h4>Network plugin</h4>
          <label className="field">
            <span className="field-label">Profile</span>
            <select aria-label="Profile" value={p.name} onChange={(e) => commitDoc((d) => setClusterProfile(d, e.target.value as ClusterProfile['name']))}>
              <option value="upstream">upstream</option>
              <option value="cilium">cilium</option>
              <option value="netpol-analyzer-compat">netpol-analyzer-compat</option>
              <option value="custom">custom</option>
            </select>
            <span className="hint">{PROFILE_TEXT[p.name]}</span>
          </label>
          <Switch label="ipBlock matches pods" hint="An ipBlock covering a pod IP selects that pod (upstream: yes; Cilium: no)." checked={p.ipBlockMatchesPods} onChange={(v) => setProfile({ ipBlockMatchesPods: v })} />
          <Switch label="ipBlock matches nodes" hint="An ipBlock covering node addresses admits nodes, hostNetwork pods and SNATed LB traffic." checked={p.ipBlockMatchesNodes} onChange={(v) => setProfile({ ipBlockMatchesNodes: v })} />
          <Switch label="hostNetwork pods are pods" hint="Selectors match hostNetwork pods (most plugins: no, they are node traffic)." checked={p.hostNetworkIsPod} onChange={(v) => setProfile({ hostNetworkIsPod: v })} />
          <Switch label="endPort enforced" hint="Port ranges (endPort) in policies are enforced (Cilium: unsupported)." checked={p.endPortSupported} onChange={(v) => setProfile({ endPortSupported: v })} />
          <label className="field">
            <span className="field-label">Service proxy</span>
            <select aria-label="Service proxy" value={p.serviceProxy} onChange={(e) => setProfile({ serviceProxy: e.target.value as ClusterProfile['serviceProxy'] })}>
              <option value="kube-proxy">kube-proxy</option>
              <option value="cilium-snat">Cilium (SNAT)</option>
              <option value="cilium-dsr">Cilium (DSR)</option>
            </select>
            <span className="hint">Decides the source a backend sees for external traffic: SNAT shows node addresses, DSR keeps the client.</span>
          </label>
        </section>
        <section>
          <h4>Addresses</h4>
          <CidrField label="Node CIDRs" testId="cluster-nodeCidrs" hint="Node addresses; SNATed external traffic appears from these." value={c.nodeCidrs} onCommit={(v) => commitDoc((d) => updateCluster(d, { nodeCidrs: v }))} />
          <CidrField label="Pod CIDRs" testId="cluster-podCidrs" hint="Pod addresses; excluded from the default Internet." value={c.podCidrs} onCommit={(v) => commitDoc((d) => updateCluster(d, { podCidrs: v }))} />
          <CidrField label="Service CIDRs" testId="cluster-serviceCidrs" hint="ClusterIP addresses; policies never see them (traffic is translated first)." value={c.serviceCidrs} onCommit={(v) => commitDoc((d) => updateCluster(d, { serviceCidrs: v }))} />
          <h4>Load balancers</h4>
          <label className="field">
            <span className="field-label">LB delivery mode</span>
            <select aria-label="LB delivery mode" value={mode} onChange={(e) => commitDoc((d) => updateCluster(d, { lbDeliveryMode: e.target.value === 'vip-passthrough' ? undefined : e.target.value as ClusterSettings['lbDeliveryMode'] }))}>
              {MODES.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
            </select>
            <span className="hint">{MODES.find((m) => m.id === mode)?.hint}</span>
          </label>
          <CidrField label="LB source CIDRs" testId="cluster-lbSourceCidrs" hint="Addresses a proxying / direct-to-pod LB connects from (e.g. the NLB subnets)." value={c.lbSourceCidrs ?? []} onCommit={(v) => commitDoc((d) => updateCluster(d, { lbSourceCidrs: v.length ? v : undefined }))} />
          <Switch label="loadBalancerSourceRanges enforced" hint="The cloud firewall or kube-proxy drops clients outside a Service's source ranges." checked={c.lbSourceRangesEnforced !== false} onChange={(v) => commitDoc((d) => updateCluster(d, { lbSourceRangesEnforced: v ? undefined : false }))} />
        </section>
      </div>
      </LockedFieldset>
      <div className="dialog-buttons"><button type="button" className="primary" onClick={onClose}>Done</button></div>
    </Modal>
  );
}
