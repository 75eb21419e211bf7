import { describe, expect, it } from 'vitest';
import { importManifests } from '../../src/k8s/import.ts';
import { offeredPorts } from './intent-ports.ts';

const YAML = `
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: web, ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9102}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: http}
  - {name: dns, port: 53, protocol: UDP}
`;

const model = importManifests([{ name: 'a.yaml', text: YAML }]).model;
const web = Object.keys(model.workloads)[0]!;
const svc = Object.keys(model.services)[0]!;
const lb = `lb:${svc}`;

describe('ports offered by the intent dialog', () => {
  it('offers the target container ports between workloads', () => {
    const o = offeredPorts(model, web, web);
    expect(o.lb).toBe(false);
    expect(o.ports.map((p) => [p.protocol, p.port])).toEqual([['TCP', 8080], ['TCP', 9102]]);
  });
  it('offers the Service ports (not container ports) into a load balancer', () => {
    const o = offeredPorts(model, 'ext:internet', lb);
    expect(o.lb).toBe(true);
    expect(o.ports.map((p) => [p.protocol, p.port])).toEqual([['TCP', 80], ['UDP', 53]]);
    expect(o.ports[0]!.label).toBe('80/TCP (http) → http (8080)');
    // The canvas passes the Service id for an LB node.
    expect(offeredPorts(model, web, svc).ports).toEqual(o.ports);
  });
  it('from a load balancer, offers Service ports with the target port the workload serves them on', () => {
    const o = offeredPorts(model, lb, web);
    expect(o.ports.map((p) => [p.protocol, p.port])).toEqual([['TCP', 80], ['UDP', 53]]);
    expect(o.ports[0]!.label).toBe('80/TCP (http) → 8080');
  });
});
