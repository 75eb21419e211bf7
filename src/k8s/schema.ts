// The fields each kind we read may carry, declared as data, so unknown fields are reported the
// way kubectl's strict field validation reports them (`unknown field "spec.ingress[0].form"`),
// with the nearest known field as a hint. The vocabulary (obj, list, map, LEAF) and the check
// are in field-schema.ts; pod templates and the workload kinds in workload-schema.ts.
//
// Adding a kind: build its schema from those pieces and call declareKindSchema('MyKind', schema)
// from the module that imports that kind (or add it to the table at the bottom). Then
// findUnknownFields(value, kindSchema('MyKind')) lists every unknown field of an object, and
// the importer reports them (src/k8s/to-model.ts does this for every declared kind).

import { leaves, LEAF, list, map, obj, topLevel, LABEL_SELECTOR, type FieldSchema } from './field-schema.ts';
import { WORKLOAD_SCHEMAS } from './workload-schema.ts';

export {
  findUnknownFields, nearestField, LEAF, obj, list, map, leaves, OBJECT_META, LABEL_SELECTOR, topLevel,
  type FieldSchema, type UnknownField,
} from './field-schema.ts';

// ------------------------------------------------------------------ NetworkPolicy

const NP_PEER = obj({ podSelector: LABEL_SELECTOR, namespaceSelector: LABEL_SELECTOR, ipBlock: leaves('cidr', 'except') });
const NP_PORT = leaves('protocol', 'port', 'endPort');

const NETWORK_POLICY = topLevel(obj({
  podSelector: LABEL_SELECTOR,
  policyTypes: LEAF,
  ingress: list(obj({ from: list(NP_PEER), ports: list(NP_PORT) })),
  egress: list(obj({ to: list(NP_PEER), ports: list(NP_PORT) })),
}));

// ------------------------------------------------------------------ Service, Namespace

const SERVICE = topLevel(obj({
  ports: list(leaves('name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort')),
  selector: map(), clusterIP: LEAF, clusterIPs: LEAF, type: LEAF, externalIPs: LEAF, sessionAffinity: LEAF,
  loadBalancerIP: LEAF, loadBalancerSourceRanges: LEAF, externalName: LEAF, externalTrafficPolicy: LEAF,
  healthCheckNodePort: LEAF, publishNotReadyAddresses: LEAF, sessionAffinityConfig: obj({ clientIP: leaves('timeoutSeconds') }), ipFamilies: LEAF,
  ipFamilyPolicy: LEAF, allocateLoadBalancerNodePorts: LEAF, loadBalancerClass: LEAF, internalTrafficPolicy: LEAF,
  trafficDistribution: LEAF,
}));

const NAMESPACE = topLevel(leaves('finalizers'));

const SCHEMAS = new Map<string, FieldSchema>([
  ['NetworkPolicy', NETWORK_POLICY], ['Service', SERVICE], ['Namespace', NAMESPACE],
  ...WORKLOAD_SCHEMAS,
]);

/** Declares (or replaces) the known fields of a kind; see the comment at the top. */
export function declareKindSchema(kind: string, schema: FieldSchema): void {
  SCHEMAS.set(kind, schema);
}

export function kindSchema(kind: string): FieldSchema | undefined {
  return SCHEMAS.get(kind);
}
