import { describe, expect, it } from 'vitest';
import { serviceBackends } from './backends.ts';
import { addService, addWorkload, newModel } from './test-model.ts';

describe('serviceBackends', () => {
  it('selects pods only in the Service namespace', () => {
    const m = newModel();
    const a = addWorkload(m, 'shop', 'web', { app: 'web' }, [{ containerPort: 8080 }]);
    addWorkload(m, 'other', 'web', { app: 'web' }, [{ containerPort: 8080 }]);
    const s = addService(m, 'shop', 'web', { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] });
    const r = serviceBackends(m, m.services[s]);
    expect(r.backends).toEqual([a]);
    expect(r.ports[0]).toMatchObject({ protocol: 'TCP', port: 80, endpoints: [{ workloadId: a, targetPort: 8080 }] });
  });

  it('defaults targetPort to port and protocol to TCP', () => {
    const m = newModel();
    const a = addWorkload(m, 'shop', 'web', { app: 'web' });
    const s = addService(m, 'shop', 'web', { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80 }] });
    expect(serviceBackends(m, m.services[s]).ports[0]).toMatchObject({ protocol: 'TCP', targetPort: 80, endpoints: [{ workloadId: a, targetPort: 80 }] });
  });

  it('resolves a named targetPort per backend, by name and protocol', () => {
    const m = newModel();
    const v1 = addWorkload(m, 'shop', 'web-v1', { app: 'web', v: '1' }, [{ name: 'http', containerPort: 8080 }]);
    const v2 = addWorkload(m, 'shop', 'web-v2', { app: 'web', v: '2' }, [{ name: 'http', containerPort: 9090 }]);
    const v3 = addWorkload(m, 'shop', 'web-v3', { app: 'web', v: '3' }, [{ name: 'http', containerPort: 7070, protocol: 'UDP' }]);
    const s = addService(m, 'shop', 'web', { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] });
    const p = serviceBackends(m, m.services[s]).ports[0];
    expect(p.endpoints).toEqual([
      { workloadId: v1, targetPort: 8080 },
      { workloadId: v2, targetPort: 9090 },
    ]);
    // v3 serves "http" only over UDP: not an endpoint of a TCP port.
    expect(p.missingName).toEqual([v3]);
  });

  it('reports a Service without selector as outside the pod model', () => {
    const m = newModel();
    addWorkload(m, 'shop', 'web', { app: 'web' });
    const s = addService(m, 'shop', 'ext', { type: 'ClusterIP', ports: [{ port: 80 }] });
    const empty = addService(m, 'shop', 'ext2', { type: 'ClusterIP', selector: {}, ports: [{ port: 80 }] });
    expect(serviceBackends(m, m.services[s])).toMatchObject({ hasSelector: false, backends: [] });
    expect(serviceBackends(m, m.services[empty])).toMatchObject({ hasSelector: false, backends: [] });
  });
});
