// Services, load balancers and external traffic: the public surface for the UI, CLI and lint.

export { resolveTargetPort, serviceBackends, servicePortLabel, type PortEndpoint, type ResolvedServicePort, type ServiceBackends } from './backends.ts';
export {
  externalPaths, externalSources, internetCidrs, pathsFromSource, seenSource, vias,
  type HopKind, type HopVerdict, type PathHop, type PathOutcome, type PathResult, type PathSource, type SeenSource, type Via,
} from './paths.ts';
export {
  aggregateOutcome, loadBalancerReach, serviceAccess,
  type BackendAccess, type LbReach, type LbReachRow, type ReachSummary, type ServiceAccess, type ServicePortAccess,
} from './reach.ts';
