// Module-level so React Flow sees the same objects on every render (else it re-mounts nodes).
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { NamespaceNode } from './nodes/NamespaceNode.tsx';
import { WorkloadNode } from './nodes/WorkloadNode.tsx';
import { ExternalNode } from './nodes/ExternalNode.tsx';
import { LoadBalancerNode } from './nodes/LoadBalancerNode.tsx';
import { FloatingEdge } from './edges/FloatingEdge.tsx';

export const nodeTypes: NodeTypes = {
  namespace: NamespaceNode,
  workload: WorkloadNode,
  external: ExternalNode,
  loadbalancer: LoadBalancerNode,
};

export const edgeTypes: EdgeTypes = {
  floating: FloatingEdge,
};
