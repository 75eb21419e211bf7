import { memo } from 'react';
import { Handle, NodeResizer, Position, type NodeProps } from '@xyflow/react';
import { useDocStore } from '../../state/doc-store.ts';
import { MIN_NAMESPACE_SIZE } from '../../../src/layout/sizes.ts';
import { CARD_SIZE } from '../../../src/canvas/overview.ts';
import type { CompactNamespaceData, NamespaceNode as NamespaceNodeType } from '../flow-types.ts';
import { NodeBadges } from '../../review/NodeBadges.tsx';
import { collapseNamespace, openNamespace } from '../../state/overview-actions.ts';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function denyText(deny: { ingress: boolean; egress: boolean } | undefined): string {
  return [deny?.ingress ? 'ingress' : '', deny?.egress ? 'egress' : ''].filter(Boolean).join(' + ');
}

function shortDeny(deny: { ingress: boolean; egress: boolean } | undefined): string {
  return deny?.ingress && deny.egress ? 'in + out' : deny?.ingress ? 'in' : 'out';
}

/** A namespace of the overview: one card with what it holds and how exposed it is (src/canvas/overview.ts). */
function CompactNamespace({ id, data }: { id: string; data: CompactNamespaceData }) {
  const name = useDocStore((s) => s.doc.model.namespaces[id]?.name ?? '');
  const s = data.summary;
  const deny = denyText(s?.deny);
  const ext = s?.fromExternals ?? [];
  const lbs = s?.loadBalancers.length ?? 0;
  const failing = s?.failingAssertions ?? 0;
  return (
    <div
      className="ns-card"
      data-testid="ns-card"
      data-namespace={name}
      style={{ width: CARD_SIZE.w, height: CARD_SIZE.h, transform: `scale(${data.scale})` }}
      onDoubleClick={(e) => { e.stopPropagation(); openNamespace(id); }}
    >
      <div className="ns-card-title">
        <span className="ns-name" title={name}>{name}</span>
        <button type="button" tabIndex={-1} className="ns-toggle nodrag nopan" aria-label={`Show the workloads of ${name}`} title="Show the workloads"
          onClick={(e) => { e.stopPropagation(); openNamespace(id); }}>
          ⊕
        </button>
      </div>
      <div className="ns-card-line">
        <span className="ns-count">{plural(s?.workloads ?? 0, 'workload')}</span>
        {deny ? <span className="ns-deny" title={`Default deny: ${deny} (every pod isolated, nothing allowed unless a policy says so)`}>deny {shortDeny(s?.deny)}</span>
          : <span className="ns-open" title="No default deny: pods not selected by a policy accept everything">no default deny</span>}
      </div>
      <div className="ns-card-badges">
        {ext.length > 0 && (
          <span className="ns-badge ns-badge-ext" data-testid="ns-badge-external" title={`Reachable from ${ext.join(', ')}`}>
            ⇠ {ext.length === 1 ? ext[0] : `${ext.length} networks`}
          </span>
        )}
        {lbs > 0 && <span className="ns-badge ns-badge-lb" data-testid="ns-badge-lb" title="Workloads behind a load balancer">LB {lbs}</span>}
        {failing > 0 && <span className="ns-badge ns-badge-fail" data-testid="ns-badge-assert" title="Assertions this design breaks">✗ {failing}</span>}
        {data.innerFlows > 0 && <span className="ns-inner" title="Connections between its own workloads">{plural(data.innerFlows, 'flow')} inside</span>}
      </div>
      <Handle type="source" position={Position.Right} className="hidden-handle" isConnectable={false} />
      <Handle type="target" position={Position.Left} className="hidden-handle" isConnectable={false} />
    </div>
  );
}

function NamespaceNodeImpl({ id, selected, data }: NodeProps<NamespaceNodeType>) {
  const name = useDocStore((s) => s.doc.model.namespaces[id]?.name ?? '');
  const count = useDocStore((s) => {
    let n = 0;
    for (const w of Object.values(s.doc.model.workloads)) if (w.namespaceId === id) n++;
    return n;
  });
  const defaults = useDocStore((s) => s.doc.model.namespaceDefaults[id]);
  if (data.compact) return <CompactNamespace id={id} data={data.compact} />;
  const deny = denyText({ ingress: !!defaults?.denyIngress, egress: !!defaults?.denyEgress });
  return (
    <div className="ns-node" data-namespace={name}>
      <NodeResizer isVisible={selected} minWidth={MIN_NAMESPACE_SIZE.w} minHeight={MIN_NAMESPACE_SIZE.h} color="#64748b" />
      <div className="ns-header">
        <span className="ns-kind">namespace</span>
        <span className="ns-name" title={name}>{name}</span>
        <span className="ns-count">{plural(count, 'workload')}</span>
        {deny && <span className="ns-deny" title="Default deny (design by intent)">deny {deny}</span>}
        {data.collapsible && (
          <button type="button" tabIndex={-1} className="ns-toggle nodrag nopan" aria-label={`Collapse ${name}`} title="Draw as one node"
            onClick={(e) => { e.stopPropagation(); collapseNamespace(id); }}>
            ⊖
          </button>
        )}
      </div>
      {data.hiddenFlows ? (
        <div className="ns-hidden-flows" data-testid="ns-hidden-flows" title="Too many to draw readably: select a workload to see its own connections">
          {data.hiddenFlows} connections inside · select a workload to see its own
        </div>
      ) : null}
      {/* Edges aggregated per namespace pair attach here. */}
      <Handle type="source" position={Position.Right} className="hidden-handle" isConnectable={false} />
      <Handle type="target" position={Position.Left} className="hidden-handle" isConnectable={false} />
      <NodeBadges nodeId={id} namespace />
    </div>
  );
}

export const NamespaceNode = memo(NamespaceNodeImpl);
