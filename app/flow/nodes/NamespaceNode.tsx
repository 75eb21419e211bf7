import { memo } from 'react';
import { Handle, NodeResizer, Position, type NodeProps } from '@xyflow/react';
import { useDocStore } from '../../state/doc-store.ts';
import { MIN_NAMESPACE_SIZE } from '../../../src/layout/sizes.ts';
import type { NamespaceNode as NamespaceNodeType } from '../flow-types.ts';
import { NodeBadges } from '../../review/NodeBadges.tsx';

function NamespaceNodeImpl({ id, selected, data }: NodeProps<NamespaceNodeType>) {
  const name = useDocStore((s) => s.doc.model.namespaces[id]?.name ?? '');
  const count = useDocStore((s) => {
    let n = 0;
    for (const w of Object.values(s.doc.model.workloads)) if (w.namespaceId === id) n++;
    return n;
  });
  const defaults = useDocStore((s) => s.doc.model.namespaceDefaults[id]);
  const deny = [defaults?.denyIngress ? 'ingress' : '', defaults?.denyEgress ? 'egress' : ''].filter(Boolean).join(' + ');
  return (
    <div className="ns-node" data-namespace={name}>
      <NodeResizer isVisible={selected} minWidth={MIN_NAMESPACE_SIZE.w} minHeight={MIN_NAMESPACE_SIZE.h} color="#64748b" />
      <div className="ns-header">
        <span className="ns-kind">namespace</span>
        <span className="ns-name">{name}</span>
        <span className="ns-count">{count} workload{count === 1 ? '' : 's'}</span>
        {deny && <span className="ns-deny" title="Default deny (design by intent)">deny {deny}</span>}
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
