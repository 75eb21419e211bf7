// The fields each kind we read may carry, declared as data, so unknown fields are reported the
// way kubectl's strict field validation reports them (`unknown field "spec.ingress[0].form"`),
// with the nearest known field as a hint.
//
// Adding a kind: build its schema from the pieces below (obj, list, map, LEAF and the shared
// OBJECT_META / LABEL_SELECTOR / ...) and call declareKindSchema('MyKind', schema) from the
// module that imports that kind (or add it to the table at the bottom). Then
// findUnknownFields(value, kindSchema('MyKind')) lists every unknown field of an object, and
// the importer reports them (src/k8s/to-model.ts does this for every declared kind).
// - obj({...}): an object with exactly these fields (any other field is unknown);
// - list(s): a list whose items follow s;  map(s): free-form keys (labels) whose values follow s;
// - LEAF: a scalar or a subtree we do not check (status, resources, volumes...).
// A value of the wrong shape (a list where an object belongs) is not an unknown-field problem:
// the readers report it, this check just does not descend into it.

import { isRecord } from './parse.ts';

export type FieldSchema =
  | { kind: 'leaf' }
  | { kind: 'object'; fields: Readonly<Record<string, FieldSchema>> }
  | { kind: 'list'; items: FieldSchema }
  | { kind: 'map'; values: FieldSchema };

export const LEAF: FieldSchema = { kind: 'leaf' };
export const obj = (fields: Record<string, FieldSchema>): FieldSchema => ({ kind: 'object', fields });
export const list = (items: FieldSchema): FieldSchema => ({ kind: 'list', items });
export const map = (values: FieldSchema = LEAF): FieldSchema => ({ kind: 'map', values });
/** An object whose listed fields are all leaves. */
const leaves = (...names: string[]): FieldSchema => obj(Object.fromEntries(names.map((n) => [n, LEAF])));

export interface UnknownField {
  /** Full path of the unknown field, e.g. "spec.ingress[0].form". */
  path: string;
  /** Path of the object that holds it, e.g. "spec.ingress[0]" ('' for the top level). */
  parent: string;
  field: string;
  /** The nearest known field of that object, when one is close enough to be a likely typo. */
  suggestion?: string;
}

/** Every unknown field of `value` under `schema`, in document order. Iterative: depth is no risk. */
export function findUnknownFields(value: unknown, schema: FieldSchema): UnknownField[] {
  const out: UnknownField[] = [];
  const stack: { v: unknown; s: FieldSchema; path: string }[] = [{ v: value, s: schema, path: '' }];
  while (stack.length > 0) {
    const { v, s, path } = stack.pop()!;
    const children: { v: unknown; s: FieldSchema; path: string }[] = [];
    if (s.kind === 'object' && isRecord(v)) {
      for (const [k, child] of Object.entries(v)) {
        const childPath = path === '' ? k : `${path}.${k}`;
        const cs = Object.hasOwn(s.fields, k) ? s.fields[k] : undefined;
        if (!cs) {
          const suggestion = nearestField(k, Object.keys(s.fields));
          out.push({ path: childPath, parent: path, field: k, ...(suggestion ? { suggestion } : {}) });
        } else if (cs.kind !== 'leaf') children.push({ v: child, s: cs, path: childPath });
      }
    } else if (s.kind === 'list' && Array.isArray(v)) {
      v.forEach((item, i) => children.push({ v: item, s: s.items, path: `${path}[${i}]` }));
    } else if (s.kind === 'map' && isRecord(v) && s.values.kind !== 'leaf') {
      for (const [k, child] of Object.entries(v)) children.push({ v: child, s: s.values, path: `${path}.${k}` });
    }
    // Reverse so the stack pops them in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

/** The candidate closest to `word` (optimal string alignment distance), if it is a plausible typo. */
export function nearestField(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = osaDistance(w, c.toLowerCase());
    if (d < bestD) { best = c; bestD = d; }
  }
  const allowed = Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestD <= allowed ? best : undefined;
}

/** Edit distance counting an adjacent transposition ("form" -> "from") as one edit. */
function osaDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2] + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1];
}

// ------------------------------------------------------------------ shared pieces

export const OBJECT_META = obj({
  name: LEAF, generateName: LEAF, namespace: LEAF, selfLink: LEAF, uid: LEAF, resourceVersion: LEAF, generation: LEAF,
  creationTimestamp: LEAF, deletionTimestamp: LEAF, deletionGracePeriodSeconds: LEAF, labels: map(), annotations: map(),
  ownerReferences: LEAF, finalizers: LEAF, managedFields: LEAF,
});

export const LABEL_SELECTOR = obj({
  matchLabels: map(),
  matchExpressions: list(leaves('key', 'operator', 'values')),
});

/** apiVersion, kind, metadata, status around a spec schema. */
export function topLevel(spec: FieldSchema, extra: Record<string, FieldSchema> = {}): FieldSchema {
  return obj({ apiVersion: LEAF, kind: LEAF, metadata: OBJECT_META, spec, status: LEAF, ...extra });
}

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
  healthCheckNodePort: LEAF, publishNotReadyAddresses: LEAF, sessionAffinityConfig: LEAF, ipFamilies: LEAF,
  ipFamilyPolicy: LEAF, allocateLoadBalancerNodePorts: LEAF, loadBalancerClass: LEAF, internalTrafficPolicy: LEAF,
  trafficDistribution: LEAF,
}));

const NAMESPACE = topLevel(leaves('finalizers'));

// ------------------------------------------------------------------ workloads

const CONTAINER_PORT = leaves('name', 'hostPort', 'containerPort', 'protocol', 'hostIP');
const CONTAINER = obj({
  name: LEAF, image: LEAF, command: LEAF, args: LEAF, workingDir: LEAF, ports: list(CONTAINER_PORT), envFrom: LEAF, env: LEAF,
  resources: LEAF, resizePolicy: LEAF, restartPolicy: LEAF, restartPolicyRules: LEAF, volumeMounts: LEAF, volumeDevices: LEAF,
  livenessProbe: LEAF, readinessProbe: LEAF, startupProbe: LEAF, lifecycle: LEAF, terminationMessagePath: LEAF,
  terminationMessagePolicy: LEAF, imagePullPolicy: LEAF, securityContext: LEAF, stdin: LEAF, stdinOnce: LEAF, tty: LEAF,
});

const POD_SPEC = obj({
  volumes: LEAF, initContainers: list(CONTAINER), containers: list(CONTAINER), ephemeralContainers: LEAF, restartPolicy: LEAF,
  terminationGracePeriodSeconds: LEAF, activeDeadlineSeconds: LEAF, dnsPolicy: LEAF, nodeSelector: map(), serviceAccountName: LEAF,
  serviceAccount: LEAF, automountServiceAccountToken: LEAF, nodeName: LEAF, hostNetwork: LEAF, hostPID: LEAF, hostIPC: LEAF,
  shareProcessNamespace: LEAF, securityContext: LEAF, imagePullSecrets: LEAF, hostname: LEAF, subdomain: LEAF, affinity: LEAF,
  schedulerName: LEAF, tolerations: LEAF, hostAliases: LEAF, priorityClassName: LEAF, priority: LEAF, dnsConfig: LEAF,
  readinessGates: LEAF, runtimeClassName: LEAF, enableServiceLinks: LEAF, preemptionPolicy: LEAF, overhead: LEAF,
  topologySpreadConstraints: LEAF, setHostnameAsFQDN: LEAF, os: LEAF, hostUsers: LEAF, schedulingGates: LEAF,
  resourceClaims: LEAF, resources: LEAF, hostnameOverride: LEAF,
});

const POD_TEMPLATE = obj({ metadata: OBJECT_META, spec: POD_SPEC });

const CONTROLLER_COMMON = { selector: LABEL_SELECTOR, template: POD_TEMPLATE, replicas: LEAF, minReadySeconds: LEAF, revisionHistoryLimit: LEAF };

const DEPLOYMENT = topLevel(obj({ ...CONTROLLER_COMMON, strategy: LEAF, paused: LEAF, progressDeadlineSeconds: LEAF }));
const STATEFUL_SET = topLevel(obj({
  ...CONTROLLER_COMMON, volumeClaimTemplates: LEAF, serviceName: LEAF, podManagementPolicy: LEAF, updateStrategy: LEAF,
  persistentVolumeClaimRetentionPolicy: LEAF, ordinals: LEAF,
}));
const DAEMON_SET = topLevel(obj({ ...CONTROLLER_COMMON, updateStrategy: LEAF }));
const REPLICA_SET = topLevel(obj({ ...CONTROLLER_COMMON }));
// ReplicationController's selector is a plain label map, not a LabelSelector.
const REPLICATION_CONTROLLER = topLevel(obj({ ...CONTROLLER_COMMON, selector: map() }));
const JOB_SPEC = obj({
  parallelism: LEAF, completions: LEAF, activeDeadlineSeconds: LEAF, podFailurePolicy: LEAF, successPolicy: LEAF, backoffLimit: LEAF,
  backoffLimitPerIndex: LEAF, maxFailedIndexes: LEAF, selector: LABEL_SELECTOR, manualSelector: LEAF, template: POD_TEMPLATE,
  ttlSecondsAfterFinished: LEAF, completionMode: LEAF, suspend: LEAF, podReplacementPolicy: LEAF, managedBy: LEAF,
});
const JOB = topLevel(JOB_SPEC);
const CRON_JOB = topLevel(obj({
  schedule: LEAF, timeZone: LEAF, startingDeadlineSeconds: LEAF, concurrencyPolicy: LEAF, suspend: LEAF,
  jobTemplate: obj({ metadata: OBJECT_META, spec: JOB_SPEC }), successfulJobsHistoryLimit: LEAF, failedJobsHistoryLimit: LEAF,
}));
const POD = topLevel(POD_SPEC);

const SCHEMAS = new Map<string, FieldSchema>([
  ['NetworkPolicy', NETWORK_POLICY], ['Service', SERVICE], ['Namespace', NAMESPACE],
  ['Pod', POD], ['Deployment', DEPLOYMENT], ['StatefulSet', STATEFUL_SET], ['DaemonSet', DAEMON_SET],
  ['ReplicaSet', REPLICA_SET], ['ReplicationController', REPLICATION_CONTROLLER], ['Job', JOB], ['CronJob', CRON_JOB],
]);

/** Declares (or replaces) the known fields of a kind; see the comment at the top. */
export function declareKindSchema(kind: string, schema: FieldSchema): void {
  SCHEMAS.set(kind, schema);
}

export function kindSchema(kind: string): FieldSchema | undefined {
  return SCHEMAS.get(kind);
}
