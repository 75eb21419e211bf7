// A synthetic cluster as `kubectl get -A -o yaml` writes it: one `kind: List` document whose
// items carry what a live API server adds (uid, resourceVersion, the last-applied annotation,
// managedFields, status). That bulk is what makes real dumps 4-5x larger than the manifests,
// and what the import's memory has to stay proportional to.

import { dump, loadAll } from 'js-yaml';

type Obj = Record<string, unknown>;

/** `f:`-keyed field tree as in managedFields.fieldsV1, mirroring the object's shape. */
function fieldsV1(v: unknown): unknown {
  if (Array.isArray(v)) return { '.': {}, ...Object.fromEntries(v.map((x, i) => [`k:{"index":${i}}`, fieldsV1(x)])) };
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [`f:${k}`, fieldsV1(x)]));
  return {};
}

function live(o: Obj, i: number): Obj {
  const meta = (o.metadata ?? {}) as Obj;
  const applied = JSON.stringify(o);
  const hex = i.toString(16).padStart(12, '0');
  return {
    ...o,
    metadata: {
      ...meta,
      uid: `6f1c2d3e-4b5a-4c6d-8e7f-${hex}`,
      resourceVersion: String(100000 + i),
      generation: 1,
      creationTimestamp: '2026-11-30T08:15:00Z',
      annotations: { ...((meta.annotations as Obj) ?? {}), 'kubectl.kubernetes.io/last-applied-configuration': applied + '\n' },
      managedFields: [
        { manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: o.apiVersion, time: '2026-11-30T08:15:00Z', fieldsType: 'FieldsV1', fieldsV1: fieldsV1({ metadata: meta, spec: o.spec }) },
      ],
    },
    ...(o.kind === 'Deployment' || o.kind === 'StatefulSet'
      ? { status: { replicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1, conditions: [{ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', lastTransitionTime: '2026-11-30T08:16:00Z' }] } }
      : {}),
  };
}

function liveList(files: readonly { text: string }[]): Obj {
  const items: Obj[] = [];
  for (const f of files) for (const d of loadAll(f.text)) if (d && typeof d === 'object') items.push(live(d as Obj, items.length));
  return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items };
}

/** The manifests (YAML files, e.g. from synthetic()) as one kubectl-style List file. */
export function kubectlDump(files: readonly { text: string }[]): string {
  return dump(liveList(files), { lineWidth: -1, noRefs: true });
}

/** The same as `kubectl get -A -o json` writes it (4-space indentation). */
export function kubectlJsonDump(files: readonly { text: string }[]): string {
  return JSON.stringify(liveList(files), null, 4) + '\n';
}
