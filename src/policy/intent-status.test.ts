import { describe, expect, it } from 'vitest';
import { emptyModel } from '../model/factory.ts';
import type { Model } from '../model/types.ts';
import { evaluate } from './evaluate.ts';
import { intentStatus } from './intent-status.ts';
import { connOf } from './portset.ts';

/** shop/web (port 8080) behind a hand-written policy that admits the office on 8080 only. */
function model(): Model {
  const m = emptyModel();
  m.namespaces['ns:shop'] = { id: 'ns:shop', name: 'shop', labels: {} };
  m.workloads.web = { id: 'web', namespaceId: 'ns:shop', name: 'web', kind: 'Deployment', podLabels: { app: 'web' }, ports: [{ containerPort: 8080 }, { containerPort: 9090 }] };
  m.workloads.batch = { id: 'batch', namespaceId: 'ns:shop', name: 'batch', kind: 'Job', podLabels: { app: 'batch' }, ports: [] };
  m.externals.office = { id: 'office', name: 'office', cidrs: ['192.0.2.0/24'] };
  m.policies.only = {
    id: 'only', namespaceId: 'ns:shop', name: 'office-only', podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'],
    ingress: [{ from: [{ ipBlock: { cidr: '192.0.2.0/24' } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
  };
  return m;
}

describe('intentStatus', () => {
  it('is met when every intended port is allowed', () => {
    const m = model();
    m.intents.a = { id: 'a', fromId: 'office', toId: 'web', ports: [{ port: 8080 }] };
    expect(intentStatus(m, evaluate(m)).a).toEqual({ met: true, reason: 'allowed: TCP 8080' });
  });

  it('reports the ports still missing when only some are allowed', () => {
    const m = model();
    m.intents.a = { id: 'a', fromId: 'office', toId: 'web', ports: [] }; // = web's container ports
    const s = intentStatus(m, evaluate(m)).a!;
    expect(s.met).toBe(false);
    expect(s.missing).toEqual(connOf('TCP', 9090));
    expect(s.reason).toBe('blocked by ingress at shop/web: isolated by shop/office-only (hand-written), rules admit only TCP 8080 from office');
  });

  it('names the blocking side for a pod that no rule admits', () => {
    const m = model();
    m.intents.b = { id: 'b', fromId: 'batch', toId: 'web', ports: [{ port: 8080 }] };
    const s = intentStatus(m, evaluate(m)).b!;
    expect(s).toMatchObject({ met: false, missing: connOf('TCP', 8080) });
    expect(s.reason).toBe('blocked by ingress at shop/web: isolated by shop/office-only (hand-written), no rule admits shop/batch');
  });

  it('is met without any policy when nothing isolates the pods', () => {
    const m = model();
    m.policies = {};
    m.intents.b = { id: 'b', fromId: 'batch', toId: 'web', ports: [{ protocol: 'UDP', port: 53 }] };
    expect(intentStatus(m, evaluate(m)).b).toMatchObject({ met: true });
  });
});
