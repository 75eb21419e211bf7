// Node sizes shared by the layout engines and the canvas, so a laid-out design looks the same
// as what the canvas draws. Namespaces are group nodes: their size comes from their children.

import type { Doc, Service } from '../model/types.ts';
import { loadBalancerNodeId, serviceIdOfLoadBalancerNode } from '../canvas/ids.ts';

export const WORKLOAD_SIZE = { w: 200, h: 90 } as const;
export const EXTERNAL_SIZE = { w: 180, h: 70 } as const;
export const LOAD_BALANCER_SIZE = { w: 180, h: 70 } as const;
/** Height of a namespace's title bar; children start below it. */
export const NAMESPACE_HEADER = 40;
/** Space between a namespace's border and its children. */
export const NAMESPACE_PADDING = 20;
/** Space between sibling nodes. */
export const NODE_GAP = 30;
/** Space between the columns externals | load balancers | namespaces. */
export const COLUMN_GAP = 120;
/** Width / height of the viewport a layout is shaped for when the canvas's is not known (1280x800: ~770x530). */
export const TARGET_ASPECT = 1.45;
/** Smallest namespace (an empty one still needs room for its title and a drop target). */
export const MIN_NAMESPACE_SIZE = {
  w: WORKLOAD_SIZE.w + 2 * NAMESPACE_PADDING,
  h: NAMESPACE_HEADER + WORKLOAD_SIZE.h + 2 * NAMESPACE_PADDING,
} as const;

/** Layout / canvas id of the load balancer of a LoadBalancer Service (src/canvas/ids.ts). */
export const loadBalancerLayoutId = loadBalancerNodeId;

/** The service id behind a `lb:<serviceId>` layout id, or undefined for other ids. */
export const serviceIdOfLoadBalancer = serviceIdOfLoadBalancerNode;

/** Services drawn as a load balancer node, in a stable order. */
export function loadBalancerServices(doc: Doc): Service[] {
  return Object.values(doc.model.services)
    .filter((s) => s.type === 'LoadBalancer')
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
