// Small designs for the review tests: a shop that talks to a database, and an edit of it that
// opens web to the Internet, lets web reach the database and drops api -> web.

import type { Model } from '../model/types.ts';
import { addExternal, addPolicy, addService, addWorkload, newModel } from '../services/test-model.ts';

export function shopBase(): Model {
  const m = newModel();
  addWorkload(m, 'shop', 'web', { app: 'web' }, [{ containerPort: 8080 }]);
  addWorkload(m, 'shop', 'api', { app: 'api' });
  addWorkload(m, 'data', 'pg', { app: 'pg' }, [{ containerPort: 5432 }]);
  addExternal(m, 'internet', ['0.0.0.0/0']);
  addPolicy(m, 'shop', 'deny', { podSelector: {} });
  addPolicy(m, 'data', 'deny', { podSelector: {}, policyTypes: ['Ingress'] });
  addPolicy(m, 'shop', 'allow-api-to-web', {
    podSelector: { matchLabels: { app: 'web' } },
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 8080 }] }],
  });
  return m;
}

export function shopEdited(base: Model = shopBase()): Model {
  const m = JSON.parse(JSON.stringify(base)) as Model;
  delete m.policies['np:shop/allow-api-to-web'];
  // Same meaning as before (Ingress is the default): a policy-only change.
  m.policies['np:shop/deny'].policyTypes = ['Ingress'];
  addPolicy(m, 'shop', 'allow-internet', {
    podSelector: { matchLabels: { app: 'web' } },
    ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 8080 }] }],
  });
  addPolicy(m, 'data', 'allow-web', {
    podSelector: { matchLabels: { app: 'pg' } },
    ingress: [{
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { app: 'web' } } }],
      ports: [{ port: 5432 }],
    }],
  });
  return m;
}

/** Adds a LoadBalancer in front of shop/web that keeps client addresses. */
export function withLoadBalancer(m: Model): Model {
  addService(m, 'shop', 'web-lb', {
    type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 443, targetPort: 8080 }], externalTrafficPolicy: 'Local',
  });
  return m;
}
