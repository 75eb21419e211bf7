import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useDocStore } from '../../state/doc-store.ts';
import type { ExternalNode as ExternalNodeType } from '../flow-types.ts';
import { ConnectHandles } from './ConnectHandles.tsx';
import { NodeBadges } from '../../review/NodeBadges.tsx';

function ExternalNodeImpl({ id }: NodeProps<ExternalNodeType>) {
  const e = useDocStore((s) => s.doc.model.externals[id]);
  if (!e) return null;
  return (
    <>
    <div className="ext-node" title={e.description ?? e.cidrs.join(', ')}>
      <div className="ext-title"><span className="ext-icon">◍</span> {e.name}</div>
      <div className="ext-cidrs">{e.cidrs.length ? e.cidrs.join(', ') : <span className="muted">no addresses</span>}</div>
      <ConnectHandles />
    </div>
    <NodeBadges nodeId={id} />
    </>
  );
}

export const ExternalNode = memo(ExternalNodeImpl);
