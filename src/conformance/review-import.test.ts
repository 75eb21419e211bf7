// Review: YAML manifests -> importManifests -> evaluate, for the cases where "absent vs empty"
// and implicit namespaces change the answer (semantics.md 1.3-1.5, 6). Expectations written first.
import { describe, expect, it } from 'vitest';
import { importManifests } from '../k8s/import.ts';
import { evaluate } from '../policy/evaluate.ts';
import { explain } from '../policy/explain.ts';
import { describeConn } from '../policy/portset.ts';
import { connBetween, endpointByName } from '../policy/reachability.ts';

function analyze(yaml: string): (src: string, dst: string) => string {
  const { model } = importManifests([{ name: 'test.yaml', text: yaml }]);
  const r = evaluate(model);
  return (src, dst) => {
    const s = endpointByName(r, src)?.id ?? src;
    const d = endpointByName(r, dst)?.id ?? dst;
    const c = describeConn(connBetween(r, s, d));
    expect(describeConn(explain(model, s, d).allowed)).toBe(c);
    return c;
  };
}

const pod = (ns: string | undefined, name: string, labels: Record<string, string>, ports = ''): string => `
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${ns ? `  namespace: ${ns}\n` : ''}  labels: ${JSON.stringify(labels)}
spec:
  containers:
    - name: c
      image: x
${ports ? `      ports: ${ports}\n` : ''}`;

describe('review: import + evaluate', () => {
  it('namespaces known only from metadata.namespace (and the default namespace) get kubernetes.io/metadata.name', () => {
    const q = analyze([
      pod('api', 'server', { app: 'server' }),
      pod('tools', 'client', { app: 'client' }),
      pod(undefined, 'stray', { app: 'client' }),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: api}
spec:
  podSelector: {}
  ingress:
    - from:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: tools}}
        - namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [default]}]}
`,
    ].join('\n---\n'));
    expect(q('tools/client', 'api/server')).toBe('all');
    expect(q('default/stray', 'api/server')).toBe('all');
  });

  it('egress-only rules without policyTypes deny ingress; `namespaceSelector: {}` and `podSelector: {}` stay empty, not absent', () => {
    const q = analyze([
      pod('a', 'server', { app: 'server' }, '[{name: http, containerPort: 8080}]'),
      pod('a', 'client', { app: 'client' }),
      pod('b', 'remote', { app: 'remote' }),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client, namespace: a}
spec:
  podSelector: {matchLabels: {app: client}}
  egress:
    - to: [{namespaceSelector: {}}]
      ports: [{port: http}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: server, namespace: a}
spec:
  podSelector: {matchLabels: {app: server}}
  policyTypes: [Ingress]
  ingress:
    - from: [{podSelector: {}}]
      ports: [{}]
`,
    ].join('\n---\n'));
    expect(q('b/remote', 'a/client')).toBe('none'); // egress-only policy isolated ingress
    expect(q('a/client', 'a/server')).toBe('TCP 8080');
    expect(q('a/client', 'b/remote')).toBe('none'); // no port named http there
    expect(q('b/remote', 'a/server')).toBe('none'); // podSelector {} = own namespace only
    expect(q('a/client', 'a/server')).toBe('TCP 8080');
  });

  it('`ingress: [{}]`, `ports: [{port: 53}]` and `protocol: UDP` without port', () => {
    const q = analyze([
      pod('a', 'open', { app: 'open' }),
      pod('a', 'dns', { app: 'dns' }),
      pod('a', 'udp', { app: 'udp' }),
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: open, namespace: a}
spec:
  podSelector: {matchLabels: {app: open}}
  ingress: [{}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: dns, namespace: a}
spec:
  podSelector: {matchLabels: {app: dns}}
  ingress: [{ports: [{port: 53}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: udp, namespace: a}
spec:
  podSelector: {matchLabels: {app: udp}}
  ingress: [{ports: [{protocol: UDP}]}]
`,
    ].join('\n---\n'));
    expect(q('a/dns', 'a/open')).toBe('all');
    expect(q('a/open', 'a/dns')).toBe('TCP 53');
    expect(q('a/open', 'a/udp')).toBe('UDP all');
  });
});
