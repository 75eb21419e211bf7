import { describe, expect, it } from 'vitest';
import type { Assertion, Model } from '../model/types.ts';
import { evaluate } from '../policy/evaluate.ts';
import { addExternal, addPolicy, addService, addWorkload, newModel } from '../services/test-model.ts';
import { checkAssertions, lbEndpointId } from './check.ts';

function withAssertions(m: Model, list: Omit<Assertion, 'id'>[]): Model {
  m.assertions = Object.fromEntries(list.map((a, i) => [`a${i}`, { id: `a${i}`, ...a }]));
  return m;
}
const check = (m: Model) => checkAssertions(m, evaluate(m));

/** Internet -> LB shop/web (80 -> http 8080); web admits only node addresses; db admits web. */
function shop(etp: 'Cluster' | 'Local' = 'Cluster') {
  const m = newModel();
  const web = addWorkload(m, 'shop', 'web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]);
  const db = addWorkload(m, 'shop', 'db', { app: 'db' }, [{ containerPort: 5432 }]);
  const svc = addService(m, 'shop', 'web', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }], externalTrafficPolicy: etp });
  const internet = addExternal(m, 'internet', ['203.0.113.0/24']);
  addPolicy(m, 'shop', 'web-in', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ port: 8080 }] }] });
  addPolicy(m, 'shop', 'db-in', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 5432 }] }] });
  return { m, web, db, svc, internet };
}

describe('checkAssertions', () => {
  it('passes when workload pairs behave as expected', () => {
    const { m, web, db } = shop();
    withAssertions(m, [
      { fromId: web, toId: db, protocol: 'TCP', port: 5432, expect: 'reach' },
      { fromId: db, toId: web, protocol: 'TCP', port: 8080, expect: 'no-reach' },
    ]);
    expect(check(m).map((r) => [r.ok, r.actual])).toEqual([[true, 'reach'], [true, 'no-reach']]);
  });

  it('a failure says what happened and why', () => {
    const { m, web, db } = shop();
    withAssertions(m, [{ fromId: db, toId: web, protocol: 'TCP', port: 8080, expect: 'reach', note: 'metrics' }]);
    const [r] = check(m);
    expect(r).toMatchObject({ ok: false, actual: 'no-reach' });
    expect(r.message).toBe('shop/db -> shop/web 8080/TCP: expected reach, does not reach (metrics)');
    expect(r.details.join('\n')).toContain('shop/db -> shop/web: denied');
  });

  it('Internet -> LB holds under Cluster (node addresses) and fails under Local', () => {
    for (const [etp, actual] of [['Cluster', 'reach'], ['Local', 'no-reach']] as const) {
      const { m, svc, internet } = shop(etp);
      withAssertions(m, [{ fromId: internet, toId: lbEndpointId(svc), protocol: 'TCP', port: 80, expect: 'reach' }]);
      const [r] = check(m);
      expect(r.actual).toBe(actual);
      if (actual === 'no-reach') expect(r.details.join('\n')).toContain('BLOCK: the ingress policy of shop/web does not admit TCP 8080');
    }
  });

  it('the Internet cannot reach the pods directly, only through the LB', () => {
    const { m, web, internet } = shop();
    withAssertions(m, [{ fromId: internet, toId: web, protocol: 'TCP', port: 8080, expect: 'no-reach' }]);
    expect(check(m)[0].ok).toBe(true);
  });

  it('a partial result (one backend admits, one does not) breaks both expectations', () => {
    const { m, svc, internet } = shop('Local');
    addWorkload(m, 'shop', 'web-canary', { app: 'web', track: 'canary' }, [{ name: 'http', containerPort: 8080 }]);
    addPolicy(m, 'shop', 'canary-open', { podSelector: { matchLabels: { track: 'canary' } }, ingress: [{}] });
    withAssertions(m, [
      { fromId: internet, toId: lbEndpointId(svc), protocol: 'TCP', port: 80, expect: 'reach' },
      { fromId: internet, toId: lbEndpointId(svc), protocol: 'TCP', port: 80, expect: 'no-reach' },
    ]);
    const rs = check(m);
    expect(rs.map((r) => [r.ok, r.actual, r.partial])).toEqual([[false, 'no-reach', true], [false, 'reach', true]]);
    expect(rs[0].message).toContain('only 1 of 2 paths reach');
  });

  it('a Service as target checks the backends on their targetPort', () => {
    const m = newModel();
    const client = addWorkload(m, 'app', 'client', { app: 'client' });
    addWorkload(m, 'app', 'api', { app: 'api' }, [{ name: 'https', containerPort: 6443 }]);
    const svc = addService(m, 'app', 'api', { type: 'ClusterIP', selector: { app: 'api' }, ports: [{ port: 443, targetPort: 'https' }] });
    addPolicy(m, 'app', 'out', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 443 }] }] });
    withAssertions(m, [{ fromId: client, toId: svc, protocol: 'TCP', port: 443, expect: 'reach' }]);
    const [r] = check(m);
    expect(r).toMatchObject({ ok: false, actual: 'no-reach' });
    expect(r.details[0]).toContain('TCP 6443');
  });

  it('cannot check unknown endpoints or a missing LB port: reported as failures', () => {
    const { m, svc, internet, web } = shop();
    withAssertions(m, [
      { fromId: 'wl:nope', toId: web, protocol: 'TCP', port: 80, expect: 'reach' },
      { fromId: internet, toId: lbEndpointId(svc), protocol: 'TCP', port: 443, expect: 'no-reach' },
    ]);
    const rs = check(m);
    expect(rs.map((r) => r.ok)).toEqual([false, false]);
    expect(rs[0].message).toContain("unknown endpoint 'wl:nope'");
    expect(rs[1].message).toContain('has no port 443/TCP');
  });
});
