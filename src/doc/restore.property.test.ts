// Property tests: whatever JSON arrives (half-valid designs with random junk in any field),
// restoreDoc never throws, its output is a fixed point (restoring it again changes nothing and
// warns about nothing), and it survives a save/open round trip unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDesignFile, serializeDoc } from './file-format.ts';
import { restoreDoc } from './restore.ts';

const junk = fc.jsonValue({ maxDepth: 2 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: junk });
const id = fc.constantFrom('a', 'b', 'c', 'ns:a', 'ns:x', 'lb:s1', 's1', '__proto__');
const labels = maybe(fc.dictionary(fc.constantFrom('app', 'tier', 'k8s-app'), maybe(fc.constantFrom('web', 'db', 'kube-dns'))));
const port = maybe(fc.record({ protocol: maybe(fc.constantFrom('TCP', 'UDP', 'udp')), port: maybe(fc.oneof(fc.integer({ min: 0, max: 70000 }), fc.constantFrom('http'))), endPort: maybe(fc.integer({ min: 1, max: 65535 })) }, { requiredKeys: [] }));
const selector = maybe(fc.record({ matchLabels: labels, matchExpressions: maybe(fc.array(fc.record({ key: maybe(fc.constant('app')), operator: maybe(fc.constantFrom('In', 'Exists', 'Bad')), values: maybe(fc.array(fc.constant('web'))) }, { requiredKeys: [] }), { maxLength: 2 })) }, { requiredKeys: [] }));
const peer = maybe(fc.record({ podSelector: selector, namespaceSelector: selector, ipBlock: maybe(fc.record({ cidr: maybe(fc.constant('10.0.0.0/8')) })) }, { requiredKeys: [] }));
const rule = maybe(fc.record({ from: maybe(fc.array(peer, { maxLength: 2 })), to: maybe(fc.array(peer, { maxLength: 2 })), ports: maybe(fc.array(port, { maxLength: 2 })) }, { requiredKeys: [] }));
const entity = fc.record({
  id: maybe(id), name: maybe(fc.constantFrom('web', 'db', '')), namespaceId: maybe(id), labels, podLabels: labels,
  kind: maybe(fc.constantFrom('Pod', 'Deployment', 'Nope')), type: maybe(fc.constantFrom('ClusterIP', 'LoadBalancer')),
  ports: maybe(fc.array(fc.oneof(port, fc.record({ containerPort: maybe(fc.integer({ min: 0, max: 70000 })), name: maybe(fc.constant('http')) })), { maxLength: 3 })),
  podSelector: selector, policyTypes: maybe(fc.array(fc.constantFrom('Ingress', 'Egress', 'Sideways'), { maxLength: 2 })),
  ingress: maybe(fc.array(rule, { maxLength: 2 })), egress: maybe(fc.array(rule, { maxLength: 2 })),
  cidrs: maybe(fc.array(maybe(fc.constant('192.0.2.0/24')), { maxLength: 2 })), fromId: maybe(id), toId: maybe(id),
  selector: labels, generated: maybe(fc.record({ by: fc.constantFrom('intents', 'template', 'x') })), extra: junk,
}, { requiredKeys: [] });
const collection = maybe(fc.dictionary(id, maybe(entity), { maxKeys: 4 }));
const doc = fc.record({
  version: fc.constantFrom(0, 1, 2, undefined),
  name: maybe(fc.string()),
  model: fc.record({
    namespaces: collection, workloads: collection, services: collection, policies: collection,
    externals: collection, intents: collection, namespaceDefaults: maybe(fc.dictionary(id, maybe(fc.record({ denyIngress: maybe(fc.boolean()), allowDns: maybe(fc.boolean()) })))),
    cluster: maybe(fc.record({ profile: maybe(fc.record({ name: maybe(fc.constantFrom('cilium', 'upstream')), ipBlockMatchesPods: maybe(fc.boolean()) })) })),
    assertions: junk, comments: junk, versions: junk,
  }, { requiredKeys: [] }),
  review: maybe(fc.record({
    comments: maybe(fc.dictionary(id, maybe(fc.record({
      target: maybe(fc.record({ kind: fc.constantFrom('design', 'node', 'edge', 'x'), id: maybe(id), src: maybe(id), dst: maybe(id) }, { requiredKeys: ['kind'] })),
      resolved: junk,
      messages: maybe(fc.array(maybe(fc.record({ id: maybe(id), author: maybe(fc.string()), at: maybe(fc.string()), text: maybe(fc.string()) })), { maxLength: 2 })),
    }, { requiredKeys: [] })), { maxKeys: 3 })),
    versions: maybe(fc.dictionary(id, maybe(fc.record({ name: maybe(fc.string()), at: maybe(fc.string()), model: maybe(fc.record({ namespaces: collection }, { requiredKeys: [] })) }, { requiredKeys: [] })), { maxKeys: 2 })),
    decisions: maybe(fc.dictionary(fc.string(), maybe(fc.record({ changeKey: maybe(fc.string()), by: maybe(fc.string()), at: maybe(fc.string()), verdict: maybe(fc.constantFrom('approved', 'needs-work', 'maybe')) }, { requiredKeys: [] })), { maxKeys: 2 })),
  }, { requiredKeys: [] })),
  layout: maybe(fc.dictionary(id, maybe(fc.record({ x: maybe(fc.integer()), y: maybe(fc.integer()), w: maybe(fc.integer({ min: 1, max: 900 })), h: maybe(fc.integer({ min: 1, max: 900 })) })))),
}, { requiredKeys: ['model'] });

describe('restoreDoc on arbitrary input', () => {
  it('never throws, reaches a fixed point, and round-trips through the file format', () => {
    fc.assert(fc.property(doc, (raw) => {
      const first = restoreDoc(JSON.parse(JSON.stringify(raw)));
      if (!first.ok) return;
      const second = restoreDoc(JSON.parse(JSON.stringify({ ...first.doc, review: first.review })));
      expect(second).toEqual({ ok: true, doc: first.doc, review: first.review, warnings: [] });
      expect(parseDesignFile(serializeDoc(first.doc, first.review))).toEqual({ ok: true, doc: first.doc, review: first.review, warnings: [] });
    }), { numRuns: 400 });
  });
});
