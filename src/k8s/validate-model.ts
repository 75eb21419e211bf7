// Validation of a design before export (semantics.md 1.10), reusing the importer's checks:
// each object is written as a manifest and read back, so the UI, the exporter and the
// importer agree on what is valid. Diagnostics name the object; `file` is "design".

import type { Model } from '../model/types.ts';
import type { Diagnostic } from './diagnostics.ts';
import { exportObject } from './export.ts';
import { importManifests } from './import.ts';
import { checkCidr } from './policy-from-manifest.ts';

const FILE = 'design';

export function validateModel(model: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = [...Object.keys(model.namespaces), ...Object.keys(model.workloads), ...Object.keys(model.services), ...Object.keys(model.policies), ...Object.keys(model.clusterPolicies ?? {})];
  for (const id of ids) {
    const text = exportObject(model, id);
    const r = importManifests([{ name: FILE, text }], undefined, {});
    // Line numbers refer to the temporary manifest, not to anything the user sees.
    for (const d of r.diagnostics) out.push({ ...d, file: FILE, line: undefined, doc: undefined });
  }
  // The exporter writes canonical CIDRs, so host bits set must be checked on the design itself.
  for (const p of Object.values(model.policies)) {
    const ns = model.namespaces[p.namespaceId]?.name ?? 'default';
    const peerLists = [
      ...(p.ingress ?? []).map((r, i) => ({ at: `spec.ingress[${i}].from`, peers: r.from })),
      ...(p.egress ?? []).map((r, i) => ({ at: `spec.egress[${i}].to`, peers: r.to })),
    ];
    for (const { at, peers } of peerLists) {
      peers?.forEach((peer, pi) => {
        if (!peer.ipBlock) return;
        const err = checkCidr(peer.ipBlock.cidr);
        if (err && /host bits/.test(err)) {
          out.push({ severity: 'warning', file: FILE, object: `NetworkPolicy ${ns}/${p.name}`, path: `${at}[${pi}].ipBlock.cidr`, message: `${err} (exported in canonical form)` });
        }
      });
    }
  }
  return out;
}
