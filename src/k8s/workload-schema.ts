// Known fields of pod templates and the workload kinds (core/v1 and apps/v1, batch/v1 as of
// Kubernetes 1.34), all the way down: containers' probes, env, resources, securityContext,
// volumes and their sources, affinity, tolerations... We read only labels, ports and a few
// flags, but kubectl's strict validation refuses an unknown field anywhere (a `livenesProbe`
// or a volume's `configmap` is a manifest that never reaches the cluster), so we say so too.
// Only free-form content is a leaf: quantities in resources, nodeSelector, volumeAttributes,
// managedFields' fieldsV1 and status (written by the cluster, not by people).

import { LABEL_SELECTOR, LEAF, leaves, list, map, obj, OBJECT_META, topLevel, type FieldSchema } from './field-schema.ts';

// ------------------------------------------------------------------ containers

const SELECTOR_REQUIREMENT = leaves('key', 'operator', 'values');
const OBJECT_REF = leaves('name');
const KEY_REF = leaves('name', 'key', 'optional');

const ENV_VAR = obj({
  name: LEAF, value: LEAF,
  valueFrom: obj({
    fieldRef: leaves('apiVersion', 'fieldPath'),
    resourceFieldRef: leaves('containerName', 'resource', 'divisor'),
    configMapKeyRef: KEY_REF, secretKeyRef: KEY_REF,
    fileKeyRef: leaves('volumeName', 'path', 'key', 'optional'),
  }),
});
const ENV_FROM = obj({ prefix: LEAF, configMapRef: leaves('name', 'optional'), secretRef: leaves('name', 'optional') });

const RESOURCES = obj({ limits: map(), requests: map(), claims: list(leaves('name', 'request')) });

const HTTP_GET = obj({ path: LEAF, port: LEAF, host: LEAF, scheme: LEAF, httpHeaders: list(leaves('name', 'value')) });
const EXEC = leaves('command');
const TCP_SOCKET = leaves('port', 'host');
const PROBE = obj({
  exec: EXEC, httpGet: HTTP_GET, tcpSocket: TCP_SOCKET, grpc: leaves('port', 'service'),
  initialDelaySeconds: LEAF, timeoutSeconds: LEAF, periodSeconds: LEAF, successThreshold: LEAF, failureThreshold: LEAF,
  terminationGracePeriodSeconds: LEAF,
});
const LIFECYCLE_HANDLER = obj({ exec: EXEC, httpGet: HTTP_GET, tcpSocket: TCP_SOCKET, sleep: leaves('seconds') });
const LIFECYCLE = obj({ postStart: LIFECYCLE_HANDLER, preStop: LIFECYCLE_HANDLER, stopSignal: LEAF });

const SE_LINUX = leaves('user', 'role', 'type', 'level');
const WINDOWS = leaves('gmsaCredentialSpecName', 'gmsaCredentialSpec', 'runAsUserName', 'hostProcess');
const PROFILE = leaves('type', 'localhostProfile');
const SECURITY_CONTEXT = obj({
  capabilities: leaves('add', 'drop'), privileged: LEAF, seLinuxOptions: SE_LINUX, windowsOptions: WINDOWS,
  runAsUser: LEAF, runAsGroup: LEAF, runAsNonRoot: LEAF, readOnlyRootFilesystem: LEAF, allowPrivilegeEscalation: LEAF,
  procMount: LEAF, seccompProfile: PROFILE, appArmorProfile: PROFILE,
});

const CONTAINER_FIELDS: Record<string, FieldSchema> = {
  name: LEAF, image: LEAF, command: LEAF, args: LEAF, workingDir: LEAF,
  ports: list(leaves('name', 'hostPort', 'containerPort', 'protocol', 'hostIP')),
  envFrom: list(ENV_FROM), env: list(ENV_VAR), resources: RESOURCES,
  resizePolicy: list(leaves('resourceName', 'restartPolicy')), restartPolicy: LEAF,
  restartPolicyRules: list(obj({ action: LEAF, exitCodes: leaves('operator', 'values') })),
  volumeMounts: list(leaves('name', 'readOnly', 'recursiveReadOnly', 'mountPath', 'subPath', 'mountPropagation', 'subPathExpr')),
  volumeDevices: list(leaves('name', 'devicePath')),
  livenessProbe: PROBE, readinessProbe: PROBE, startupProbe: PROBE, lifecycle: LIFECYCLE,
  terminationMessagePath: LEAF, terminationMessagePolicy: LEAF, imagePullPolicy: LEAF, securityContext: SECURITY_CONTEXT,
  stdin: LEAF, stdinOnce: LEAF, tty: LEAF,
};
const CONTAINER = obj(CONTAINER_FIELDS);
const EPHEMERAL_CONTAINER = obj({ ...CONTAINER_FIELDS, targetContainerName: LEAF });

// ------------------------------------------------------------------ volumes

const KEY_TO_PATH = leaves('key', 'path', 'mode');
const DOWNWARD_ITEMS = list(obj({
  path: LEAF, mode: LEAF, fieldRef: leaves('apiVersion', 'fieldPath'), resourceFieldRef: leaves('containerName', 'resource', 'divisor'),
}));

const PVC_SPEC = obj({
  accessModes: LEAF, selector: LABEL_SELECTOR, resources: obj({ limits: map(), requests: map() }), volumeName: LEAF,
  storageClassName: LEAF, volumeMode: LEAF, dataSource: leaves('apiGroup', 'kind', 'name'),
  dataSourceRef: leaves('apiGroup', 'kind', 'name', 'namespace'), volumeAttributesClassName: LEAF,
});

const VOLUME = obj({
  name: LEAF,
  hostPath: leaves('path', 'type'),
  emptyDir: leaves('medium', 'sizeLimit'),
  gcePersistentDisk: leaves('pdName', 'fsType', 'partition', 'readOnly'),
  awsElasticBlockStore: leaves('volumeID', 'fsType', 'partition', 'readOnly'),
  gitRepo: leaves('repository', 'revision', 'directory'),
  secret: obj({ secretName: LEAF, items: list(KEY_TO_PATH), defaultMode: LEAF, optional: LEAF }),
  nfs: leaves('server', 'path', 'readOnly'),
  iscsi: obj({
    targetPortal: LEAF, iqn: LEAF, lun: LEAF, iscsiInterface: LEAF, fsType: LEAF, readOnly: LEAF, portals: LEAF,
    chapAuthDiscovery: LEAF, chapAuthSession: LEAF, secretRef: OBJECT_REF, initiatorName: LEAF,
  }),
  glusterfs: leaves('endpoints', 'path', 'readOnly'),
  persistentVolumeClaim: leaves('claimName', 'readOnly'),
  rbd: obj({ monitors: LEAF, image: LEAF, fsType: LEAF, pool: LEAF, user: LEAF, keyring: LEAF, secretRef: OBJECT_REF, readOnly: LEAF }),
  flexVolume: obj({ driver: LEAF, fsType: LEAF, secretRef: OBJECT_REF, readOnly: LEAF, options: map() }),
  cinder: obj({ volumeID: LEAF, fsType: LEAF, readOnly: LEAF, secretRef: OBJECT_REF }),
  cephfs: obj({ monitors: LEAF, path: LEAF, user: LEAF, secretFile: LEAF, secretRef: OBJECT_REF, readOnly: LEAF }),
  flocker: leaves('datasetName', 'datasetUUID'),
  downwardAPI: obj({ items: DOWNWARD_ITEMS, defaultMode: LEAF }),
  fc: leaves('targetWWNs', 'lun', 'fsType', 'readOnly', 'wwids'),
  azureFile: leaves('secretName', 'shareName', 'readOnly'),
  configMap: obj({ name: LEAF, items: list(KEY_TO_PATH), defaultMode: LEAF, optional: LEAF }),
  vsphereVolume: leaves('volumePath', 'fsType', 'storagePolicyName', 'storagePolicyID'),
  quobyte: leaves('registry', 'volume', 'readOnly', 'user', 'group', 'tenant'),
  azureDisk: leaves('diskName', 'diskURI', 'cachingMode', 'fsType', 'readOnly', 'kind'),
  photonPersistentDisk: leaves('pdID', 'fsType'),
  projected: obj({
    sources: list(obj({
      secret: obj({ name: LEAF, items: list(KEY_TO_PATH), optional: LEAF }),
      downwardAPI: obj({ items: DOWNWARD_ITEMS }),
      configMap: obj({ name: LEAF, items: list(KEY_TO_PATH), optional: LEAF }),
      serviceAccountToken: leaves('audience', 'expirationSeconds', 'path'),
      clusterTrustBundle: obj({ name: LEAF, signerName: LEAF, labelSelector: LABEL_SELECTOR, optional: LEAF, path: LEAF }),
      podCertificate: leaves('signerName', 'keyType', 'maxExpirationSeconds', 'credentialBundlePath', 'keyPath', 'certificateChainPath'),
    })),
    defaultMode: LEAF,
  }),
  portworxVolume: leaves('volumeID', 'fsType', 'readOnly'),
  scaleIO: obj({
    gateway: LEAF, system: LEAF, secretRef: OBJECT_REF, sslEnabled: LEAF, protectionDomain: LEAF, storagePool: LEAF,
    storageMode: LEAF, volumeName: LEAF, fsType: LEAF, readOnly: LEAF,
  }),
  storageos: obj({ volumeName: LEAF, volumeNamespace: LEAF, fsType: LEAF, readOnly: LEAF, secretRef: OBJECT_REF }),
  csi: obj({ driver: LEAF, readOnly: LEAF, fsType: LEAF, volumeAttributes: map(), nodePublishSecretRef: OBJECT_REF }),
  ephemeral: obj({ volumeClaimTemplate: obj({ metadata: OBJECT_META, spec: PVC_SPEC }) }),
  image: leaves('reference', 'pullPolicy'),
});

// ------------------------------------------------------------------ scheduling

const NODE_SELECTOR_TERM = obj({ matchExpressions: list(SELECTOR_REQUIREMENT), matchFields: list(SELECTOR_REQUIREMENT) });
const POD_AFFINITY_TERM = obj({
  labelSelector: LABEL_SELECTOR, namespaces: LEAF, topologyKey: LEAF, namespaceSelector: LABEL_SELECTOR,
  matchLabelKeys: LEAF, mismatchLabelKeys: LEAF,
});
const POD_AFFINITY = obj({
  requiredDuringSchedulingIgnoredDuringExecution: list(POD_AFFINITY_TERM),
  preferredDuringSchedulingIgnoredDuringExecution: list(obj({ weight: LEAF, podAffinityTerm: POD_AFFINITY_TERM })),
});
const AFFINITY = obj({
  nodeAffinity: obj({
    requiredDuringSchedulingIgnoredDuringExecution: obj({ nodeSelectorTerms: list(NODE_SELECTOR_TERM) }),
    preferredDuringSchedulingIgnoredDuringExecution: list(obj({ weight: LEAF, preference: NODE_SELECTOR_TERM })),
  }),
  podAffinity: POD_AFFINITY,
  podAntiAffinity: POD_AFFINITY,
});

// ------------------------------------------------------------------ pod

const POD_SPEC = obj({
  volumes: list(VOLUME), initContainers: list(CONTAINER), containers: list(CONTAINER), ephemeralContainers: list(EPHEMERAL_CONTAINER),
  restartPolicy: LEAF, terminationGracePeriodSeconds: LEAF, activeDeadlineSeconds: LEAF, dnsPolicy: LEAF, nodeSelector: map(),
  serviceAccountName: LEAF, serviceAccount: LEAF, automountServiceAccountToken: LEAF, nodeName: LEAF, hostNetwork: LEAF,
  hostPID: LEAF, hostIPC: LEAF, shareProcessNamespace: LEAF,
  securityContext: obj({
    seLinuxOptions: SE_LINUX, windowsOptions: WINDOWS, runAsUser: LEAF, runAsGroup: LEAF, runAsNonRoot: LEAF,
    supplementalGroups: LEAF, supplementalGroupsPolicy: LEAF, fsGroup: LEAF, sysctls: list(leaves('name', 'value')),
    fsGroupChangePolicy: LEAF, seccompProfile: PROFILE, appArmorProfile: PROFILE, seLinuxChangePolicy: LEAF,
  }),
  imagePullSecrets: list(OBJECT_REF), hostname: LEAF, subdomain: LEAF, affinity: AFFINITY, schedulerName: LEAF,
  tolerations: list(leaves('key', 'operator', 'value', 'effect', 'tolerationSeconds')),
  hostAliases: list(leaves('ip', 'hostnames')), priorityClassName: LEAF, priority: LEAF,
  dnsConfig: obj({ nameservers: LEAF, searches: LEAF, options: list(leaves('name', 'value')) }),
  readinessGates: list(leaves('conditionType')), runtimeClassName: LEAF, enableServiceLinks: LEAF, preemptionPolicy: LEAF,
  overhead: map(),
  topologySpreadConstraints: list(obj({
    maxSkew: LEAF, topologyKey: LEAF, whenUnsatisfiable: LEAF, labelSelector: LABEL_SELECTOR, minDomains: LEAF,
    nodeAffinityPolicy: LEAF, nodeTaintsPolicy: LEAF, matchLabelKeys: LEAF,
  })),
  setHostnameAsFQDN: LEAF, os: leaves('name'), hostUsers: LEAF, schedulingGates: list(leaves('name')),
  resourceClaims: list(leaves('name', 'resourceClaimName', 'resourceClaimTemplateName')), resources: RESOURCES,
  hostnameOverride: LEAF,
});

const POD_TEMPLATE = obj({ metadata: OBJECT_META, spec: POD_SPEC });

// ------------------------------------------------------------------ workloads

const rolling = (...fields: string[]) => obj({ type: LEAF, rollingUpdate: leaves(...fields) });
const CONTROLLED = { selector: LABEL_SELECTOR, template: POD_TEMPLATE, minReadySeconds: LEAF };

const DEPLOYMENT = topLevel(obj({
  ...CONTROLLED, replicas: LEAF, strategy: rolling('maxUnavailable', 'maxSurge'), revisionHistoryLimit: LEAF, paused: LEAF,
  progressDeadlineSeconds: LEAF,
}));
const STATEFUL_SET = topLevel(obj({
  ...CONTROLLED, replicas: LEAF, serviceName: LEAF, podManagementPolicy: LEAF, revisionHistoryLimit: LEAF,
  volumeClaimTemplates: list(topLevel(PVC_SPEC)), updateStrategy: rolling('partition', 'maxUnavailable'),
  persistentVolumeClaimRetentionPolicy: leaves('whenDeleted', 'whenScaled'), ordinals: leaves('start'),
}));
const DAEMON_SET = topLevel(obj({ ...CONTROLLED, updateStrategy: rolling('maxUnavailable', 'maxSurge'), revisionHistoryLimit: LEAF }));
const REPLICA_SET = topLevel(obj({ ...CONTROLLED, replicas: LEAF }));
// ReplicationController's selector is a plain label map, not a LabelSelector.
const REPLICATION_CONTROLLER = topLevel(obj({ ...CONTROLLED, replicas: LEAF, selector: map() }));
const JOB_SPEC = obj({
  parallelism: LEAF, completions: LEAF, activeDeadlineSeconds: LEAF, backoffLimit: LEAF, backoffLimitPerIndex: LEAF,
  maxFailedIndexes: LEAF, selector: LABEL_SELECTOR, manualSelector: LEAF, template: POD_TEMPLATE,
  ttlSecondsAfterFinished: LEAF, completionMode: LEAF, suspend: LEAF, podReplacementPolicy: LEAF, managedBy: LEAF,
  podFailurePolicy: obj({
    rules: list(obj({
      action: LEAF, onExitCodes: leaves('containerName', 'operator', 'values'), onPodConditions: list(leaves('type', 'status')),
    })),
  }),
  successPolicy: obj({ rules: list(leaves('succeededIndexes', 'succeededCount')) }),
});
const CRON_JOB = topLevel(obj({
  schedule: LEAF, timeZone: LEAF, startingDeadlineSeconds: LEAF, concurrencyPolicy: LEAF, suspend: LEAF,
  jobTemplate: obj({ metadata: OBJECT_META, spec: JOB_SPEC }), successfulJobsHistoryLimit: LEAF, failedJobsHistoryLimit: LEAF,
}));

/** Kind -> known fields, for schema.ts's table. */
export const WORKLOAD_SCHEMAS: readonly [string, FieldSchema][] = [
  ['Pod', topLevel(POD_SPEC)], ['Deployment', DEPLOYMENT], ['StatefulSet', STATEFUL_SET], ['DaemonSet', DAEMON_SET],
  ['ReplicaSet', REPLICA_SET], ['ReplicationController', REPLICATION_CONTROLLER], ['Job', topLevel(JOB_SPEC)], ['CronJob', CRON_JOB],
];
