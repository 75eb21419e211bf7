// Unknown fields deep in pod templates (probes, env, volumes, securityContext, affinity...) are
// reported like kubectl's strict validation; a complete, valid pod template gets no diagnostic
// and the same model as without the fields we do not read.
import { describe, expect, it } from 'vitest';
import { importManifests } from './import.ts';
import { formatDiagnostic } from './diagnostics.ts';

const imp = (text: string) => importManifests([{ name: 'f.yaml', text }]);
const lines = (text: string) => imp(text).diagnostics.filter((d) => d.severity !== 'info').map(formatDiagnostic);
const REFUSED = "kubectl's strict validation refuses this object";

/** A Deployment using most of PodSpec, as people write it. */
const FULL = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  replicas: 2
  revisionHistoryLimit: 3
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}, annotations: {a: b}}
    spec:
      serviceAccountName: web
      securityContext: {runAsNonRoot: true, fsGroup: 2000, seccompProfile: {type: RuntimeDefault}, sysctls: [{name: net.core.somaxconn, value: "1024"}]}
      imagePullSecrets: [{name: reg}]
      nodeSelector: {kubernetes.io/os: linux}
      tolerations: [{key: dedicated, operator: Equal, value: web, effect: NoSchedule, tolerationSeconds: 30}]
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: In, values: [a]}]}]
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 100
            podAffinityTerm: {labelSelector: {matchLabels: {app: web}}, topologyKey: kubernetes.io/hostname}
      topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}]
      dnsConfig: {options: [{name: ndots, value: "2"}]}
      initContainers:
      - name: init
        image: busybox
        command: [sh, -c, "true"]
      containers:
      - name: web
        image: nginx:1.27
        imagePullPolicy: IfNotPresent
        ports: [{name: http, containerPort: 8080, protocol: TCP}]
        env:
        - {name: A, value: "1"}
        - name: POD
          valueFrom: {fieldRef: {fieldPath: metadata.name}}
        - name: PASS
          valueFrom: {secretKeyRef: {name: s, key: k, optional: true}}
        envFrom: [{configMapRef: {name: cm}}, {prefix: X_, secretRef: {name: s}}]
        resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
        livenessProbe: {httpGet: {path: /healthz, port: http, httpHeaders: [{name: X, value: y}]}, initialDelaySeconds: 5}
        readinessProbe: {tcpSocket: {port: 8080}, periodSeconds: 5}
        startupProbe: {exec: {command: ["true"]}, failureThreshold: 30}
        lifecycle: {preStop: {sleep: {seconds: 5}}}
        securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
        volumeMounts: [{name: data, mountPath: /data}, {name: cfg, mountPath: /etc/cfg, readOnly: true}]
      volumes:
      - {name: data, emptyDir: {sizeLimit: 1Gi}}
      - name: cfg
        configMap: {name: cm, items: [{key: a, path: a}], defaultMode: 420}
      - name: token
        projected: {sources: [{serviceAccountToken: {path: token, expirationSeconds: 3600}}, {configMap: {name: ca}}]}
      - name: pvc
        persistentVolumeClaim: {claimName: data}
`;

describe('unknown fields deep in pod templates', () => {
  it('a complete, valid pod template gets no diagnostic and reads like the bare one', () => {
    expect(lines(FULL)).toEqual([]);
    const bare = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}, annotations: {a: b}}\n    spec:\n      serviceAccountName: web\n      containers:\n      - name: web\n        image: nginx:1.27\n        ports: [{name: http, containerPort: 8080, protocol: TCP}]\n`;
    expect(imp(FULL).model.workloads).toEqual(imp(bare).model.workloads);
  });

  it('reports each misspelt field with file, line, object, path and the nearest known field', () => {
    const text = FULL
      .replace('livenessProbe:', 'livenesProbe:')
      .replace('tcpSocket: {port: 8080}', 'tcpSocket: {prot: 8080}')
      .replace('secretKeyRef: {name: s, key: k, optional: true}', 'secretKeyRef: {name: s, key: k, optinal: true}')
      .replace('capabilities: {drop: [ALL]}', 'capabilities: {drops: [ALL]}')
      .replace('resources: {requests:', 'resources: {request:')
      .replace('configMap: {name: cm, items:', 'configmap: {name: cm, items:')
      .replace('{serviceAccountToken: {path: token,', '{serviceAccountToken: {pth: token,')
      .replace('nodeSelectorTerms:', 'nodeSelectorTerm:')
      .replace('topologyKey: kubernetes.io/hostname', 'topologykey: kubernetes.io/hostname')
      .replace('sysctls: [{name: net.core.somaxconn, value: "1024"}]', 'sysctls: [{name: net.core.somaxconn, vaule: "1024"}]')
      .replace("strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1", 'strategy: {type: RollingUpdate, rollingUpdate: {maxSurges: 1');
    const c = 'Deployment shop/web: spec.template.spec';
    expect(lines(text)).toEqual([
      `f.yaml:7: Deployment shop/web: spec.strategy.rollingUpdate.maxSurges: unknown field "maxSurges" (did you mean \`maxSurge\`?); ${REFUSED}`,
      `f.yaml:13: ${c}.securityContext.sysctls[0].vaule: unknown field "vaule" (did you mean \`value\`?); ${REFUSED}`,
      `f.yaml:20: ${c}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerm: unknown field "nodeSelectorTerm" (did you mean \`nodeSelectorTerms\`?); ${REFUSED}`,
      `f.yaml:24: ${c}.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologykey: unknown field "topologykey" (did you mean \`topologyKey\`?); ${REFUSED}`,
      `f.yaml:41: ${c}.containers[0].env[2].valueFrom.secretKeyRef.optinal: unknown field "optinal" (did you mean \`optional\`?); ${REFUSED}`,
      `f.yaml:43: ${c}.containers[0].resources.request: unknown field "request" (did you mean \`requests\`?); ${REFUSED}`,
      `f.yaml:44: ${c}.containers[0].livenesProbe: unknown field "livenesProbe" (did you mean \`livenessProbe\`?); ${REFUSED}`,
      `f.yaml:45: ${c}.containers[0].readinessProbe.tcpSocket.prot: unknown field "prot" (did you mean \`port\`?); ${REFUSED}`,
      `f.yaml:48: ${c}.containers[0].securityContext.capabilities.drops: unknown field "drops" (did you mean \`drop\`?); ${REFUSED}`,
      `f.yaml:53: ${c}.volumes[1].configmap: unknown field "configmap" (did you mean \`configMap\`?); ${REFUSED}`,
      `f.yaml:55: ${c}.volumes[2].projected.sources[0].serviceAccountToken.pth: unknown field "pth" (did you mean \`path\`?); ${REFUSED}`,
    ]);
  });

  it('the reading is unchanged: unknown fields the analysis does not read only add diagnostics', () => {
    const text = FULL.replace('livenessProbe:', 'livenesProbe:').replace('configMap: {name: cm, items:', 'configmap: {name: cm, items:');
    expect(imp(text).model).toEqual(imp(FULL).model);
  });

  it('every workload kind checks its pod template and its own spec fields', () => {
    const pod = (spec: string) => `    spec:\n      containers: [{name: c, image: i, ${spec}}]\n`;
    const text = [
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  containers: [{name: c, image: i, imagePullPolcy: Always}]\n`,
      `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: ds, namespace: shop}\nspec:\n  replicas: 2\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n${pod('stdn: true')}`,
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: ss, namespace: shop}\nspec:\n  serviceName: ss\n  selector: {matchLabels: {a: b}}\n  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec: {accessModes: [ReadWriteOnce], storageClass: fast}\n  template:\n    metadata: {labels: {a: b}}\n${pod('workinDir: /')}`,
      `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: cj, namespace: shop}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      podFailurePolicy: {rules: [{action: Ignore, onExitCode: {operator: In, values: [1]}}]}\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: c, image: i, tty: true, lifecycle: {postStart: {exec: {commands: [x]}}}}]\n`,
    ].join('---\n');
    expect(lines(text)).toEqual([
      `f.yaml:5: Pod shop/p: spec.containers[0].imagePullPolcy: unknown field "imagePullPolcy" (did you mean \`imagePullPolicy\`?); ${REFUSED}`,
      `f.yaml:11: DaemonSet shop/ds: spec.replicas: unknown field "replicas"; ${REFUSED}`,
      `f.yaml:16: DaemonSet shop/ds: spec.template.spec.containers[0].stdn: unknown field "stdn" (did you mean \`stdin\`?); ${REFUSED}`,
      `f.yaml:26: StatefulSet shop/ss: spec.volumeClaimTemplates[0].spec.storageClass: unknown field "storageClass" (did you mean \`storageClassName\`?); ${REFUSED}`,
      `f.yaml:30: StatefulSet shop/ss: spec.template.spec.containers[0].workinDir: unknown field "workinDir" (did you mean \`workingDir\`?); ${REFUSED}`,
      `f.yaml:39: CronJob shop/cj: spec.jobTemplate.spec.podFailurePolicy.rules[0].onExitCode: unknown field "onExitCode" (did you mean \`onExitCodes\`?); ${REFUSED}`,
      `f.yaml:43: CronJob shop/cj: spec.jobTemplate.spec.template.spec.containers[0].lifecycle.postStart.exec.commands: unknown field "commands" (did you mean \`command\`?); ${REFUSED}`,
    ]);
  });
});
