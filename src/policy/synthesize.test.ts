import { describe, expect, it } from 'vitest';
import { emptyModel } from '../model/factory.ts';
import type { Model, NetworkPolicy, Workload } from '../model/types.ts';
import { evaluate } from './evaluate.ts';
import { intentStatus } from './intent-status.ts';
import { connOf, describeConn, isEmpty, union } from './portset.ts';
import { connBetween } from './reachability.ts';
import { adoptGeneratedPolicy, applySynthesis, synthesize } from './synthesize.ts';

function wl(id: string, ns: string, name: string, labels: Record<string, string>, ports: Workload['ports'] = []): Workload {
  return { id, namespaceId: ns, name, kind: 'Deployment', podLabels: labels, ports };
}

/** shop (deny in+out, DNS) with web and api; db (deny ingress) with postgres; kube-system with kube-dns. */
function shopModel(): Model {
  const m = emptyModel();
  m.cluster.nodeCidrs = ['10.0.0.0/16'];
  for (const n of ['shop', 'db', 'kube-system']) m.namespaces[`ns:${n}`] = { id: `ns:${n}`, name: n, labels: {} };
  m.workloads.web = wl('web', 'ns:shop', 'web', { 'app.kubernetes.io/name': 'web', tier: 'front' }, [{ name: 'http', containerPort: 8080 }]);
  m.workloads.api = wl('api', 'ns:shop', 'api', { app: 'api' }, [{ name: 'http', containerPort: 9000 }, { name: 'metrics', containerPort: 9100 }]);
  m.workloads.pg = wl('pg', 'ns:db', 'postgres', { app: 'postgres' }, [{ name: 'pg', containerPort: 5432 }]);
  m.workloads.dns = wl('dns', 'ns:kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, [{ containerPort: 53, protocol: 'UDP' }, { containerPort: 53 }]);
  m.externals.office = { id: 'office', name: 'office', cidrs: ['192.0.2.0/24'] };
  m.namespaceDefaults['ns:shop'] = { denyIngress: true, denyEgress: true, allowDns: true };
  m.namespaceDefaults['ns:db'] = { denyIngress: true, denyEgress: false, allowDns: false };
  m.intents = {
    i1: { id: 'i1', fromId: 'web', toId: 'api', ports: [{ port: 'http' }] },
    i2: { id: 'i2', fromId: 'api', toId: 'pg', ports: [] },
    i3: { id: 'i3', fromId: 'office', toId: 'web', ports: [{ protocol: 'TCP', port: 8080 }] },
  };
  return m;
}

const generated = (m: Model): NetworkPolicy[] => Object.values(m.policies).filter((p) => p.generated?.by === 'intents');

describe('intent synthesis', () => {
  it('writes default denies with DNS and per-workload allow policies in the exporter shape', () => {
    const m = applySynthesis(shopModel());
    expect(generated(m).map((p) => p.id).sort()).toEqual([
      'gen:db/allow-ingress-postgres', 'gen:db/default-deny-ingress',
      'gen:shop/allow-egress-api', 'gen:shop/allow-egress-web', 'gen:shop/allow-ingress-api', 'gen:shop/allow-ingress-web',
      'gen:shop/default-deny-egress', 'gen:shop/default-deny-ingress',
    ]);
    const egress = m.policies['gen:shop/default-deny-egress']!;
    expect(egress).toMatchObject({ namespaceId: 'ns:shop', podSelector: {}, policyTypes: ['Egress'] });
    expect(egress.egress).toEqual([{
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
      ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
    }]);
    // Named port 'http' resolved on the target (api: 9000), source selected by namespace name + app label.
    expect(m.policies['gen:shop/allow-ingress-api']).toMatchObject({
      name: 'allow-ingress-api', podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress'],
      ingress: [{
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'web' } } }],
        ports: [{ protocol: 'TCP', port: 9000 }],
      }],
    });
    // Empty intent ports = the target's container ports.
    expect(m.policies['gen:shop/allow-egress-api']!.egress).toEqual([{
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'db' } }, podSelector: { matchLabels: { app: 'postgres' } } }],
      ports: [{ protocol: 'TCP', port: 5432 }],
    }]);
    expect(m.policies['gen:shop/allow-ingress-web']!.ingress).toEqual([{ from: [{ ipBlock: { cidr: '192.0.2.0/24' } }], ports: [{ protocol: 'TCP', port: 8080 }] }]);
    for (const p of generated(m)) expect(p.generated?.by).toBe('intents');
  });

  it('realises exactly the intents: each is met, nothing else is open between deny-by-default workloads', () => {
    const m = applySynthesis(shopModel());
    const r = evaluate(m);
    const status = intentStatus(m, r);
    for (const id of ['i1', 'i2', 'i3']) expect(status[id], id).toMatchObject({ met: true });
    const expected: Record<string, string> = { 'web>api': 'TCP 9000', 'api>pg': 'TCP 5432' };
    for (const a of ['web', 'api', 'pg']) {
      for (const b of ['web', 'api', 'pg']) {
        if (a === b) continue;
        expect(describeConn(connBetween(r, a, b)), `${a} -> ${b}`).toBe(expected[`${a}>${b}`] ?? 'none');
      }
    }
    // The office reaches web only on 8080, and nothing else in shop/db.
    expect(describeConn(connBetween(r, 'office', 'web'))).toBe('TCP 8080');
    expect(isEmpty(connBetween(r, 'office', 'api'))).toBe(true);
    expect(isEmpty(connBetween(r, 'office', 'pg'))).toBe(true);
  });

  it('allows DNS to kube-dns when chosen, and not when not', () => {
    const withDns = evaluate(applySynthesis(shopModel()));
    expect(connBetween(withDns, 'web', 'dns')).toEqual(union(connOf('UDP', 53), connOf('TCP', 53)));
    const m = shopModel();
    m.namespaceDefaults['ns:shop']!.allowDns = false;
    expect(isEmpty(connBetween(evaluate(applySynthesis(m)), 'web', 'dns'))).toBe(true);
  });

  it('reports an intent blocked by a hand-written policy, naming the side and the policy', () => {
    const m = shopModel();
    m.namespaceDefaults['ns:shop'] = { denyIngress: true, denyEgress: false, allowDns: false };
    m.policies['np:shop/strict-egress'] = {
      id: 'np:shop/strict-egress', namespaceId: 'ns:shop', name: 'strict-egress',
      podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'],
    };
    const s = applySynthesis(m);
    const status = intentStatus(s, evaluate(s));
    expect(status.i2).toMatchObject({ met: false, missing: connOf('TCP', 5432) });
    expect(status.i2!.reason).toBe('blocked by egress at shop/api: isolated by shop/strict-egress (hand-written), no rule allows traffic to db/postgres');
    expect(status.i1!.met).toBe(true);
  });

  it('replaces stale generated policies and leaves hand-written ones alone', () => {
    const m = applySynthesis(shopModel());
    m.policies.mine = { id: 'mine', namespaceId: 'ns:db', name: 'mine', podSelector: {}, policyTypes: ['Ingress'], ingress: [{}] };
    delete m.intents.i2;
    const again = applySynthesis(m);
    expect(again.policies.mine).toBe(m.policies.mine);
    expect(again.policies['gen:db/allow-ingress-postgres']).toBeUndefined();
    expect(again.policies['gen:shop/allow-egress-api']).toBeUndefined();
    // Nothing changed: the very same model comes back (memoised evaluation is not redone).
    expect(applySynthesis(again)).toBe(again);
  });

  it('generates nothing in namespaces without default deny (their pods are not isolated)', () => {
    const m = shopModel();
    m.namespaceDefaults = {};
    expect(synthesize(m).policies).toEqual([]);
    expect(synthesize(m).intents.i1!.notes).toContain('ingress: shop/api is not isolated by its namespace defaults; no rule needed');
  });

  it('adopting a generated policy keeps its intents realised once, and regeneration leaves it alone', () => {
    const m = applySynthesis(shopModel());
    const adopted = adoptGeneratedPolicy(m, 'gen:shop/allow-ingress-api');
    const mine = adopted.policies['np:shop/allow-ingress-api']!;
    expect(mine.generated).toBeUndefined();
    expect(mine.ingress).toEqual(m.policies['gen:shop/allow-ingress-api']!.ingress);
    expect(adopted.policies['gen:shop/allow-ingress-api']).toBeUndefined();
    expect(Object.values(adopted.policies).filter((p) => p.name.startsWith('allow-ingress-api'))).toHaveLength(1);
    expect(synthesize(adopted).intents.i1!.notes).toContain('ingress: already admitted by hand-written policies on shop/api');
    expect(intentStatus(adopted, evaluate(adopted)).i1!.met).toBe(true);
    // If the user edits the rule away, the intent comes back as a generated rule.
    const edited = applySynthesis({ ...adopted, policies: { ...adopted.policies, 'np:shop/allow-ingress-api': { ...mine, ingress: [] } } });
    expect(edited.policies['gen:shop/allow-ingress-api-2']!.ingress).toHaveLength(1);
  });

  it('selects by all labels when the app label alone is not unique, and reports unlabelled targets', () => {
    const m = shopModel();
    m.workloads.api2 = wl('api2', 'ns:shop', 'api-canary', { app: 'api', track: 'canary' });
    m.workloads.bare = wl('bare', 'ns:shop', 'bare', {});
    m.intents.i4 = { id: 'i4', fromId: 'web', toId: 'bare', ports: [] };
    m.intents.i5 = { id: 'i5', fromId: 'web', toId: 'api2', ports: [{ port: 7000 }] };
    const r = synthesize(m);
    const canary = r.policies.find((p) => p.id === 'gen:shop/allow-ingress-api-canary')!;
    expect(canary.podSelector).toEqual({ matchLabels: { app: 'api', track: 'canary' } });
    expect(r.intents.i4!.problems).toContain('shop/bare has no pod labels, so no policy can select it as a target');
    // api's labels are a subset of the canary's: no selector singles api out, which is reported.
    expect(r.policies.find((p) => p.id === 'gen:shop/allow-ingress-api')!.podSelector).toEqual({ matchLabels: { app: 'api' } });
    expect(r.intents.i1!.problems).toContain('the selector for shop/api also matches shop/api-canary');
  });

  it('admits the load-balancer path (node addresses under Cluster + kube-proxy) on the target ports for an intent from a load balancer', () => {
    const m = shopModel();
    m.services.front = { id: 'front', namespaceId: 'ns:shop', name: 'front', type: 'LoadBalancer', selector: { 'app.kubernetes.io/name': 'web' }, ports: [{ port: 443, targetPort: 8080 }] };
    m.intents = { lb: { id: 'lb', fromId: 'lb:front', toId: 'web', ports: [] } };
    const s = applySynthesis(m);
    expect(s.policies['gen:shop/allow-ingress-web']!.ingress).toEqual([{ from: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ protocol: 'TCP', port: 8080 }] }]);
    expect(intentStatus(s, evaluate(s)).lb).toMatchObject({ met: true });
  });

  it('does not realise an intent whose named port the target lacks (that would open all ports)', () => {
    const m = shopModel();
    m.intents = { bad: { id: 'bad', fromId: 'web', toId: 'pg', ports: [{ port: 'http' }] } };
    const r = synthesize(m);
    expect(r.policies.filter((p) => p.name.startsWith('allow-'))).toEqual([]);
    expect(r.intents.bad!.problems).toEqual(["port 'http' (TCP) is not a container port of db/postgres; intent not realised"]);
  });

  it('an adopted default deny replaces the generated one; an unrelated policy of that name does not', () => {
    const m = applySynthesis(shopModel());
    const adopted = adoptGeneratedPolicy(m, 'gen:shop/default-deny-egress');
    expect(adopted.policies['np:shop/default-deny-egress']!.egress).toEqual(m.policies['gen:shop/default-deny-egress']!.egress);
    expect(Object.values(adopted.policies).filter((p) => p.namespaceId === 'ns:shop' && p.name.startsWith('default-deny-egress'))).toHaveLength(1);
    // Same name, different job (selects only web): the namespace default is still generated.
    const other = shopModel();
    other.policies.x = { id: 'x', namespaceId: 'ns:shop', name: 'default-deny-ingress', podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] };
    const s = applySynthesis(other);
    expect(s.policies['gen:shop/default-deny-ingress-2']).toMatchObject({ name: 'default-deny-ingress-2', podSelector: {}, policyTypes: ['Ingress'] });
  });
});
