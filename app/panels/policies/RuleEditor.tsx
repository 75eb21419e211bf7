// One ingress or egress rule: its peers (from/to) and ports.

import type { Direction, EgressRule, IngressRule, Model, NetworkPolicy, PolicyPeer } from '../../../src/model/types.ts';
import { rulePeers, withRulePeers, withRulePorts } from '../../../src/doc/commands-panels.ts';
import { PolicyPortsEditor } from '../fields/PolicyPortsEditor.tsx';
import { PeerEditor } from './PeerEditor.tsx';

type Rule = IngressRule | EgressRule;

export function RuleEditor(props: {
  model: Model;
  policy: NetworkPolicy;
  dir: Direction;
  index: number;
  rule: Rule;
  onChange: (r: Rule) => void;
  onRemove: () => void;
}) {
  const { model, policy, dir, index, rule, onChange, onRemove } = props;
  const peers = rulePeers(rule, dir) ?? [];
  const word = dir === 'Ingress' ? 'from' : 'to';
  const ruleLabel = `${dir} rule ${index + 1}`;
  const setPeers = (next: PolicyPeer[]) => onChange(withRulePeers(rule, dir, next));
  return (
    <section className="rule" aria-label={ruleLabel}>
      <header className="rule-head">
        <h5>{ruleLabel}</h5>
        <button type="button" className="icon-btn" aria-label={`Remove ${ruleLabel}`} title="Remove rule" onClick={onRemove}>
          ×
        </button>
      </header>
      <div className="sub-label">{word}</div>
      {peers.length === 0 && (
        <p className="hint">
          No peers: {dir === 'Ingress' ? 'every source' : 'every destination'}, including addresses outside the cluster.
        </p>
      )}
      {peers.map((p, i) => (
        <PeerEditor
          key={i}
          model={model}
          policy={policy}
          peer={p}
          label={`${ruleLabel} ${word} peer ${i + 1}`}
          onChange={(np) => setPeers(peers.map((q, j) => (j === i ? np : q)))}
          onRemove={() => setPeers(peers.filter((_, j) => j !== i))}
        />
      ))}
      <div className="add-buttons">
        <button type="button" onClick={() => setPeers([...peers, { podSelector: {} }])}>
          + pods
        </button>
        <button type="button" onClick={() => setPeers([...peers, { namespaceSelector: {} }])}>
          + namespaces
        </button>
        <button type="button" onClick={() => setPeers([...peers, { ipBlock: { cidr: '0.0.0.0/0' } }])}>
          + IP block
        </button>
      </div>
      <div className="sub-label">ports</div>
      {!rule.ports?.length && <p className="hint">No ports: every port of every protocol.</p>}
      <PolicyPortsEditor label={`${ruleLabel} ports`} ports={rule.ports} onChange={(ports) => onChange(withRulePorts(rule, ports))} />
    </section>
  );
}
