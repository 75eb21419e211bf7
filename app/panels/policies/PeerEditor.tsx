// One peer of a rule: pods, namespaces, pods in namespaces, or an IP block.

import type { Model, NetworkPolicy, PolicyPeer } from '../../../src/model/types.ts';
import { peerAsKind, peerKind } from '../../../src/doc/commands-panels.ts';
import type { PeerKind } from '../../../src/doc/commands-panels.ts';
import { CommitInput } from '../fields/CommitInput.tsx';
import { EditableRows } from '../fields/EditableRows.tsx';
import { cidrError } from '../fields/parse.ts';
import { describeMatches, peerMatchIds } from './matches.ts';
import { SelectorEditor } from './SelectorEditor.tsx';

const KINDS: { id: PeerKind; label: string }[] = [
  { id: 'pods', label: 'Pods in this namespace' },
  { id: 'namespaces', label: 'All pods in namespaces' },
  { id: 'pods-in-namespaces', label: 'Pods in namespaces' },
  { id: 'ipBlock', label: 'IP block' },
];

export function PeerEditor(props: {
  model: Model;
  policy: NetworkPolicy;
  peer: PolicyPeer;
  label: string;
  onChange: (p: PolicyPeer) => void;
  onRemove: () => void;
}) {
  const { model, policy, peer, label, onChange, onRemove } = props;
  const kind = peerKind(peer);
  const ids = kind === 'ipBlock' ? [] : peerMatchIds(model, policy, peer);
  const matchText = describeMatches(model, ids);
  return (
    <div className="peer" role="group" aria-label={label}>
      <div className="peer-head">
        <select aria-label={`${label} kind`} value={kind} onChange={(e) => onChange(peerAsKind(peer, e.target.value as PeerKind))}>
          {KINDS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </select>
        <button type="button" className="icon-btn" aria-label={`Remove ${label}`} title="Remove peer" onClick={onRemove}>
          ×
        </button>
      </div>
      {peer.namespaceSelector && (
        <SelectorEditor
          label="namespaceSelector"
          selector={peer.namespaceSelector}
          onChange={(namespaceSelector) => onChange({ ...peer, namespaceSelector })}
          matchIds={ids}
          matchText={peer.podSelector ? '' : matchText}
        />
      )}
      {peer.podSelector && (
        <SelectorEditor
          label="podSelector"
          selector={peer.podSelector}
          onChange={(podSelector) => onChange({ ...peer, podSelector })}
          matchIds={ids}
          matchText={matchText}
        />
      )}
      {peer.ipBlock && (
        <div className="ipblock">
          <CommitInput
            label="cidr"
            value={peer.ipBlock.cidr}
            validate={cidrError}
            onCommit={(cidr) => onChange({ ipBlock: { ...peer.ipBlock!, cidr: cidr.trim() } })}
          />
          <div className="sub-label">except</div>
          <EditableRows
            label={`${label} except`}
            fields={[{ name: 'cidr', label: 'CIDR', placeholder: '10.0.0.0/8', validate: cidrError }]}
            rows={(peer.ipBlock.except ?? []).map((cidr) => ({ cidr }))}
            blank={{ cidr: '' }}
            onChange={(rows) => {
              const except = rows.map((r) => r.cidr.trim());
              const { except: _old, ...rest } = peer.ipBlock!;
              onChange({ ipBlock: except.length ? { ...rest, except } : rest });
            }}
          />
        </div>
      )}
    </div>
  );
}
