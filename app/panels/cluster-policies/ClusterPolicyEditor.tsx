// The form of one cluster policy: every field of ClusterNetworkPolicy v1alpha2 (and of the
// v1alpha1 AdminNetworkPolicy / BaselineAdminNetworkPolicy it was imported as): name, tier,
// priority, subject, and per direction the ordered rules with action, peers and ports. Each
// committed field is one undo step; problems are listed with the field they are about
// (src/doc/cluster-policy-problems.ts).

import { LockedFieldset } from '../../share/LockedFieldset.tsx';
import type { ClusterAction, ClusterPeer, ClusterPolicy, ClusterPort, ClusterRule, ClusterSubject, Direction, Id, LabelSelector, Model, Protocol } from '../../../src/model/types.ts';
import { PROTOCOLS } from '../../../src/model/types.ts';
import type { FieldProblem } from '../../../src/doc/cluster-policy-problems.ts';
import { hasPriority, putClusterPolicy, removeClusterPolicy } from '../../../src/doc/commands-cluster.ts';
import { validateDnsSubdomain } from '../../../src/model/labels.ts';
import { exportObject } from '../../../src/k8s/export.ts';
import { commitDoc, useDocStore } from '../../state/doc-store.ts';
import { setSession } from '../../state/session-store.ts';
import { CommitInput } from '../fields/CommitInput.tsx';
import { EditableRows, type RowValues } from '../fields/EditableRows.tsx';
import { cidrError, portNumberError, portOrNameError, toOptionalNumber, toPortOrName } from '../fields/parse.ts';
import { SelectorEditor } from '../policies/SelectorEditor.tsx';
import { clusterPeerMatchIds, clusterSubjectMatchIds } from '../../../src/canvas/cluster-highlight.ts';

/** "Matches 3: db, db/postgres, …" for the ids a selector matches (names only; the core decides the ids). */
function matchesText(model: Model, ids: Id[]): string {
  if (ids.length === 0) return 'Matches nothing in this design.';
  const name = (id: Id) => model.namespaces[id] ? `namespace ${model.namespaces[id].name}`
    : model.workloads[id] ? `${model.namespaces[model.workloads[id].namespaceId]?.name ?? '?'}/${model.workloads[id].name}`
    : model.externals[id]?.name ?? id;
  return `Matches ${ids.length}: ${ids.slice(0, 4).map(name).join(', ')}${ids.length > 4 ? `, and ${ids.length - 4} more` : ''}.`;
}

/** Highlight props of a SelectorEditor in this form: its own matches while focused, the policy's subjects after. */
function matchProps(model: Model, ids: Id[], subjects: Id[]) {
  return { matchIds: ids, matchText: matchesText(model, ids), idleHighlight: subjects };
}

type PeerKind = keyof ClusterPeer;
const INGRESS_PEERS: PeerKind[] = ['namespaces', 'pods'];
const EGRESS_PEERS: PeerKind[] = ['namespaces', 'pods', 'networks', 'nodes', 'domainNames'];
const ACTIONS: ClusterAction[] = ['Accept', 'Deny', 'Pass'];

const peerKind = (p: ClusterPeer): PeerKind => (Object.keys(p) as PeerKind[]).find((k) => p[k] !== undefined) ?? 'namespaces';
const blankPeer = (k: PeerKind): ClusterPeer =>
  k === 'pods' ? { pods: { namespaceSelector: {}, podSelector: {} } } : k === 'networks' ? { networks: [] } : k === 'domainNames' ? { domainNames: [] } : { [k]: {} };
const splitList = (t: string): string[] => t.split(/[\s,]+/).filter(Boolean);

/** The action as the policy's API version spells it (v1alpha1 says Allow). */
const actionLabel = (p: ClusterPolicy, a: ClusterAction): string => (a === 'Accept' && p.version === 'v1alpha1' ? 'Allow' : a);

function Problems({ problems, prefix, testId }: { problems: FieldProblem[]; prefix: string; testId?: string }) {
  const mine = problems.filter((x) => x.field === prefix || x.field.startsWith(`${prefix}.`) || x.field.startsWith(`${prefix}[`));
  if (mine.length === 0) return null;
  return (
    <ul className="cp-problems" role="alert" data-testid={testId}>
      {mine.map((x, i) => (
        <li key={i} className="field-error"><code>{x.field}</code>: {x.message}</li>
      ))}
    </ul>
  );
}

export function ClusterPolicyEditor({ policy: p, problems }: { policy: ClusterPolicy; problems: FieldProblem[] }) {
  const model = useDocStore((s) => s.doc.model);
  const save = (next: ClusterPolicy) => commitDoc((d) => putClusterPolicy(d, next));
  const v1 = p.version === 'v1alpha1';
  return (
    <LockedFieldset testId="cp-editor-fields">
    <div className="cp-editor form" data-testid="cp-editor" aria-label={`Cluster policy ${p.name}`}>
      <h4 className="form-title">{p.tier} policy <code>{p.name}</code></h4>
      <p className="hint">
        {v1 ? (p.tier === 'Admin' ? 'AdminNetworkPolicy' : 'BaselineAdminNetworkPolicy') : 'ClusterNetworkPolicy'} ({p.version ?? 'v1alpha2'}): exported in this version.
      </p>
      <Problems problems={problems} prefix="metadata" />
      <CommitInput label="Name" value={p.name} validate={(t) => validateDnsSubdomain(t.trim())} onCommit={(t) => save({ ...p, name: t.trim() })} testId="cp-name" />
      <label className="field">
        <span className="field-label">Tier</span>
        <select aria-label="Tier" value={p.tier} disabled={v1} onChange={(e) => save({ ...p, tier: e.target.value as ClusterPolicy['tier'] })}>
          <option value="Admin">Admin (before NetworkPolicies)</option>
          <option value="Baseline">Baseline (where no NetworkPolicy selects the pod)</option>
        </select>
        {v1 && <span className="hint">A v1alpha1 object keeps its kind; create a new policy for the other tier.</span>}
      </label>
      {hasPriority(p) && (
        <CommitInput
          label="Priority (0-1000, lower first)"
          value={String(p.priority)}
          validate={(t) => (/^\d+$/.test(t.trim()) && Number(t) <= 1000 ? null : 'spec.priority: a whole number from 0 to 1000')}
          onCommit={(t) => save({ ...p, priority: Number(t.trim()) })}
          testId="cp-priority"
        />
      )}
      <Problems problems={problems} prefix="spec.priority" />
      <SubjectEditor policy={p} model={model} onChange={(subject) => save({ ...p, subject })} />
      <Problems problems={problems} prefix="spec.subject" />
      {(['Ingress', 'Egress'] as const).map((dir) => (
        <RulesEditor key={dir} policy={p} model={model} dir={dir} problems={problems} onChange={(rules) => save(dir === 'Ingress' ? { ...p, ingress: rules } : { ...p, egress: rules })} />
      ))}
      <details className="cp-yaml">
        <summary>YAML of this policy</summary>
        <pre data-testid="cp-yaml">{exportObject(model, p.id)}</pre>
      </details>
      <div className="dialog-buttons">
        <button
          type="button"
          className="danger"
          onClick={() => {
            commitDoc((d) => removeClusterPolicy(d, p.id));
            setSession({ editingClusterPolicyId: null });
          }}
        >
          Delete policy
        </button>
      </div>
    </div>
    </LockedFieldset>
  );
}

function SubjectEditor({ policy: p, model, onChange }: { policy: ClusterPolicy; model: Model; onChange: (s: ClusterSubject) => void }) {
  const kind = p.subject.pods ? 'pods' : 'namespaces';
  const subjects = clusterSubjectMatchIds(model, p);
  const m = matchProps(model, subjects, subjects);
  return (
    <fieldset className="cp-subject">
      <legend>Subject: the pods this policy applies to</legend>
      <div className="cp-radio" role="radiogroup" aria-label="Subject kind">
        <label className="check"><input type="radio" name={`subj-${p.id}`} checked={kind === 'namespaces'} onChange={() => onChange({ namespaces: p.subject.pods?.namespaceSelector ?? {} })} /> namespaces</label>
        <label className="check"><input type="radio" name={`subj-${p.id}`} checked={kind === 'pods'} onChange={() => onChange({ pods: { namespaceSelector: p.subject.namespaces ?? {}, podSelector: {} } })} /> pods</label>
      </div>
      {kind === 'namespaces' ? (
        <SelectorEditor label="Namespace selector" selector={p.subject.namespaces ?? {}} onChange={(namespaces) => onChange({ namespaces })} {...m} testId="cp-subject-namespaces" />
      ) : (
        <>
          <SelectorEditor label="Namespace selector" selector={p.subject.pods!.namespaceSelector} onChange={(namespaceSelector) => onChange({ pods: { ...p.subject.pods!, namespaceSelector } })} {...m} />
          <SelectorEditor label="Pod selector" selector={p.subject.pods!.podSelector} onChange={(podSelector) => onChange({ pods: { ...p.subject.pods!, podSelector } })} {...m} />
        </>
      )}
    </fieldset>
  );
}

function RulesEditor({ policy: p, model, dir, problems, onChange }: { policy: ClusterPolicy; model: Model; dir: Direction; problems: FieldProblem[]; onChange: (rules: ClusterRule[]) => void }) {
  const subjects = clusterSubjectMatchIds(model, p);
  const rules = dir === 'Ingress' ? p.ingress : p.egress;
  const key = dir === 'Ingress' ? 'ingress' : 'egress';
  const set = (i: number, r: ClusterRule) => onChange(rules.map((x, j) => (j === i ? r : x)));
  const swap = (i: number, j: number) => {
    const next = [...rules];
    [next[i], next[j]] = [next[j], next[i]];
    onChange(next);
  };
  return (
    <section className="cp-rules" aria-label={`${dir} rules`} data-testid={`cp-${key}`}>
      <h4>{dir} rules <span className="hint">(first match decides)</span></h4>
      {rules.length === 0 && <p className="hint">No {key} rules: this direction is left to the next tier.</p>}
      {rules.map((r, i) => (
        <fieldset key={i} className="cp-rule">
          <legend>{key}[{i}]{r.name ? ` ${r.name}` : ''}</legend>
          <div className="cp-rule-head">
            <CommitInput label="Rule name" value={r.name ?? ''} validate={(t) => (t.length > 100 ? 'at most 100 characters' : null)} onCommit={(t) => set(i, { ...r, ...(t.trim() ? { name: t.trim() } : { name: undefined }) })} />
            <label className="field cp-action">
              <span className="field-label">Action</span>
              <select aria-label={`${key}[${i}] action`} value={r.action} onChange={(e) => set(i, { ...r, action: e.target.value as ClusterAction })}>
                {ACTIONS.map((a) => <option key={a} value={a}>{actionLabel(p, a)}</option>)}
              </select>
            </label>
          </div>
          <PeersEditor model={model} subjects={subjects} rule={r} dir={dir} label={`${key}[${i}] ${dir === 'Ingress' ? 'from' : 'to'}`} onChange={(peers) => set(i, { ...r, peers })} />
          <PortsEditor rule={r} label={`${key}[${i}] ${p.version === 'v1alpha1' ? 'ports' : 'protocols'}`} onChange={(ports) => set(i, { ...r, ...(ports.length ? { ports } : { ports: undefined }) })} />
          <Problems problems={problems} prefix={`spec.${key}[${i}]`} testId={`cp-problems-${key}-${i}`} />
          <div className="cp-rule-buttons">
            <button type="button" disabled={i === 0} onClick={() => swap(i, i - 1)} aria-label={`Move ${key}[${i}] up`}>↑</button>
            <button type="button" disabled={i === rules.length - 1} onClick={() => swap(i, i + 1)} aria-label={`Move ${key}[${i}] down`}>↓</button>
            <button type="button" onClick={() => onChange(rules.filter((_, j) => j !== i))}>Remove rule</button>
          </div>
        </fieldset>
      ))}
      <Problems problems={problems} prefix={`spec.${key}`} />
      <button type="button" onClick={() => onChange([...rules, { action: 'Deny', peers: [{ namespaces: {} }] }])}>+ {dir} rule</button>
    </section>
  );
}

function PeersEditor({ model, subjects, rule, dir, label, onChange }: { model: Model; subjects: Id[]; rule: ClusterRule; dir: Direction; label: string; onChange: (peers: ClusterPeer[]) => void }) {
  const kinds = dir === 'Ingress' ? INGRESS_PEERS : EGRESS_PEERS;
  const set = (i: number, x: ClusterPeer) => onChange(rule.peers.map((y, j) => (j === i ? x : y)));
  return (
    <div className="cp-peers" role="group" aria-label={label}>
      <span className="sub-label">{dir === 'Ingress' ? 'From' : 'To'} (any of)</span>
      {rule.peers.map((x, i) => {
        const k = peerKind(x);
        const m = matchProps(model, clusterPeerMatchIds(model, x), subjects);
        return (
          <div key={i} className="cp-peer">
            <div className="cp-peer-head">
              <select aria-label={`${label}[${i}] kind`} value={k} onChange={(e) => set(i, blankPeer(e.target.value as PeerKind))}>
                {kinds.map((kk) => <option key={kk} value={kk}>{kk}</option>)}
              </select>
              <button type="button" className="icon-btn" aria-label={`Remove ${label}[${i}]`} onClick={() => onChange(rule.peers.filter((_, j) => j !== i))}>×</button>
            </div>
            {k === 'namespaces' && <SelectorEditor label="Namespace selector" selector={x.namespaces ?? {}} onChange={(namespaces) => set(i, { namespaces })} {...m} />}
            {k === 'nodes' && <SelectorEditor label="Node selector" selector={x.nodes ?? {}} onChange={(nodes) => set(i, { nodes })} {...m} />}
            {k === 'pods' && (
              <>
                <SelectorEditor label="Namespace selector" selector={x.pods!.namespaceSelector} onChange={(namespaceSelector: LabelSelector) => set(i, { pods: { ...x.pods!, namespaceSelector } })} {...m} />
                <SelectorEditor label="Pod selector" selector={x.pods!.podSelector} onChange={(podSelector: LabelSelector) => set(i, { pods: { ...x.pods!, podSelector } })} {...m} />
              </>
            )}
            {k === 'networks' && (
              <CommitInput label="CIDRs (comma-separated, at most 25)" value={(x.networks ?? []).join(', ')} placeholder="10.0.0.0/8, 2001:db8::/32"
                validate={(t) => splitList(t).map((c) => cidrError(c)).find(Boolean) ?? (splitList(t).length > 25 ? 'at most 25 CIDRs' : null)}
                onCommit={(t) => set(i, { networks: splitList(t) })} />
            )}
            {k === 'domainNames' && (
              <CommitInput label="Domain names (comma-separated; Accept rules only)" value={(x.domainNames ?? []).join(', ')} placeholder="api.example.com, *.example.org"
                onCommit={(t) => set(i, { domainNames: splitList(t) })} />
            )}
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rule.peers, { namespaces: {} }])}>+ peer</button>
    </div>
  );
}

const PORT_FIELDS = [
  { name: 'protocol', label: 'Protocol', options: PROTOCOLS, width: '72px' },
  { name: 'port', label: 'Port, start or name', placeholder: 'port', validate: (v: string) => portOrNameError(v, false) },
  { name: 'endPort', label: 'End', placeholder: '', width: '66px', validate: (v: string, row: RowValues) => {
    if (!v.trim()) return null;
    const e = portNumberError(v);
    if (e) return e;
    if (!/^\d+$/.test(row.port.trim())) return 'needs a numeric start';
    return Number(v) <= Number(row.port) ? 'must be > start' : null;
  } },
];

function PortsEditor({ rule, label, onChange }: { rule: ClusterRule; label: string; onChange: (ports: ClusterPort[]) => void }) {
  const rows: RowValues[] = (rule.ports ?? []).map((pt) => ({
    protocol: pt.protocol ?? 'TCP',
    port: pt.namedPort ?? (pt.port === undefined ? '' : String(pt.port)),
    endPort: pt.endPort === undefined ? '' : String(pt.endPort),
  }));
  const toPorts = (rs: RowValues[]): ClusterPort[] => rs.map((r) => {
    const v = toPortOrName(r.port);
    if (typeof v === 'string') return { namedPort: v };
    const end = toOptionalNumber(r.endPort);
    return { protocol: r.protocol as Protocol, ...(v !== undefined ? { port: v } : {}), ...(end !== undefined ? { endPort: end } : {}) };
  });
  return (
    <div className="cp-ports">
      <span className="sub-label">Ports (none = every protocol and port; a name is a named port of the destination pod)</span>
      <EditableRows label={label} fields={PORT_FIELDS} rows={rows} blank={{ protocol: 'TCP', port: '', endPort: '' }} onChange={(rs) => onChange(toPorts(rs))} />
    </div>
  );
}
