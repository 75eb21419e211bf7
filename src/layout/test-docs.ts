// Small hand-made designs shared by the layout tests.

import { emptyDoc } from '../model/factory.ts';
import type { Doc } from '../model/types.ts';

/** `n` namespaces with `perNs` workloads each, two externals and one LoadBalancer Service. */
export function sampleDoc(n: number, perNs: number): Doc {
  const doc = emptyDoc('sample');
  for (let i = 0; i < n; i++) {
    const nsId = `ns-${i}`;
    doc.model.namespaces[nsId] = { id: nsId, name: `team-${i}`, labels: {} };
    for (let j = 0; j < perNs; j++) {
      const id = `wl-${i}-${j}`;
      doc.model.workloads[id] = {
        id, namespaceId: nsId, name: `app-${j}`, kind: 'Deployment', podLabels: { app: `app-${j}` }, ports: [],
      };
    }
  }
  doc.model.externals['ext-a'] = { id: 'ext-a', name: 'internet', cidrs: ['0.0.0.0/0'] };
  doc.model.externals['ext-b'] = { id: 'ext-b', name: 'office', cidrs: ['192.0.2.0/24'] };
  if (n > 0) {
    doc.model.services['svc-lb'] = {
      id: 'svc-lb', namespaceId: 'ns-0', name: 'front', type: 'LoadBalancer', selector: { app: 'app-0' },
      ports: [{ port: 443, targetPort: 8443 }],
    };
  }
  return doc;
}
