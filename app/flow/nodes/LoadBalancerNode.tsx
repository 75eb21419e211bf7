import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useDocStore } from '../../state/doc-store.ts';
import type { LoadBalancerNode as LoadBalancerNodeType } from '../flow-types.ts';
import { ConnectHandles } from './ConnectHandles.tsx';
import { NodeBadges } from '../../review/NodeBadges.tsx';

function LoadBalancerNodeImpl({ id, data }: NodeProps<LoadBalancerNodeType>) {
  const svc = useDocStore((s) => s.doc.model.services[data.entityId]);
  const nsName = useDocStore((s) => (svc ? s.doc.model.namespaces[svc.namespaceId]?.name : undefined));
  if (!svc) return null;
  // port -> targetPort (app/lb): what the load balancer listens on and where it sends.
  const ports = svc.ports.map((p) => `${p.port}${p.targetPort !== undefined && p.targetPort !== p.port ? `→${p.targetPort}` : ''}${p.protocol && p.protocol !== 'TCP' ? `/${p.protocol}` : ''}`).join(', ');
  return (
    <>
    <div className="lb-node" title={`Service ${nsName}/${svc.name} (type LoadBalancer)`}>
      <div className="lb-title"><span className="lb-icon">⇶</span> <span className="lb-name">{svc.name}</span></div>
      {/* "LB": the full "LoadBalancer" does not fit beside the namespace and ports in the node's width. */}
      <div className="lb-sub" title={`LoadBalancer · ${nsName} · ${ports || 'no ports'}`}>LB · {nsName} · {ports || 'no ports'}</div>
      <ConnectHandles />
    </div>
    <NodeBadges nodeId={id} />
    </>
  );
}

export const LoadBalancerNode = memo(LoadBalancerNodeImpl);
