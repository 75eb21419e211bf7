// Saved designs and share links carry the cluster-wide tiers; damaged entries are repaired
// toward less access (semantics.md 3.4 fail closed).
import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import { DOC_VERSION, type ClusterPolicy } from '../model/types.ts';
import { decodeShare, encodeShare } from '../share/codec.ts';
import { parseDesignFile, serializeDoc } from './file-format.ts';
import { restoreDoc } from './restore.ts';

const guard: ClusterPolicy = {
  id: 'cnp:guard', name: 'guard', tier: 'Admin', priority: 10, subject: { namespaces: { matchLabels: { env: 'prod' } } },
  ingress: [{ name: 'deny', action: 'Deny', peers: [{ namespaces: {} }], ports: [{ protocol: 'TCP', port: 80, endPort: 90 }] }],
  egress: [{ action: 'Accept', peers: [{ networks: ['10.0.0.0/8'] }, { nodes: {} }, { domainNames: ['*.example.com'] }] }],
  version: 'v1alpha1',
};

describe('restore of cluster policies and nodes', () => {
  it('round-trips through the design file and share links unchanged', () => {
    const doc = emptyDoc('tiers');
    doc.model.clusterPolicies = { [guard.id]: guard };
    doc.model.nodes = { 'node:a': { id: 'node:a', name: 'a', labels: { zone: 'east' }, addresses: ['10.0.0.5'] } };
    doc.model.externals['ext:api'] = { id: 'ext:api', name: 'api', cidrs: [], domainNames: ['api.example.com'] };
    const file = parseDesignFile(serializeDoc(doc));
    expect(file).toMatchObject({ ok: true, doc, warnings: [] });
    const link = encodeShare(doc);
    if (!link.ok) throw new Error('too large');
    expect(decodeShare(link.fragment)).toMatchObject({ ok: true, doc, warnings: [] });
  });

  it('a format 2 design upgrades with a note and no cluster policies', () => {
    const r = restoreDoc({ version: 2, name: 'old', model: {}, layout: {} });
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.version).toBe(DOC_VERSION);
    expect(r.doc.model.clusterPolicies).toBeUndefined();
    expect(r.warnings[0]).toBe('upgraded from format 2: the format now holds cluster-wide policies and nodes (this design has none)');
  });

  it('repairs damage toward less access: a broken Deny denies everything, a broken Accept is dropped, no subject drops the policy', () => {
    const r = restoreDoc({
      version: DOC_VERSION, name: 'x', layout: {},
      model: {
        clusterPolicies: {
          a: { ...guard, id: 'a', ingress: [{ action: 'Deny', peers: [{ namespaces: 'all' }] }], egress: [{ action: 'Accept', peers: [] }, { action: 'Maybe', peers: [{ namespaces: {} }] }] },
          b: { ...guard, id: 'b', subject: {} },
          c: { ...guard, id: 'c', priority: 5000 },
          d: { ...guard, id: 'd', ingress: [], egress: [{ action: 'Deny', peers: [{ networks: ['10.0.0.0/33'] }] }] },
        },
      },
    });
    if (!r.ok) throw new Error(r.error);
    const cps = r.doc.model.clusterPolicies!;
    expect(Object.keys(cps)).toEqual(['a', 'c', 'd']);
    expect(cps.d.egress[0].peers).toEqual([{ namespaces: {} }, { nodes: {} }, { networks: ['0.0.0.0/0', '::/0'] }]);
    expect(cps.a.ingress).toEqual([{ action: 'Deny', peers: [{ namespaces: {} }] }]);
    expect(cps.a.egress).toEqual([{ action: 'Deny', peers: [{ namespaces: {} }, { nodes: {} }, { networks: ['0.0.0.0/0', '::/0'] }] }]);
    expect(cps.c.priority).toBe(1000);
    expect(r.warnings.filter((w) => w.startsWith('clusterPolicies'))).toEqual([
      "clusterPolicies['a'].ingress[0]: clusterPolicies['a'].ingress[0].peers[0].namespaces: expected a label selector, got 'all'; read as Deny of all traffic (fail closed)",
      "clusterPolicies['a'].egress[0]: peers: expected a non-empty list; Accept rule dropped",
      "clusterPolicies['a'].egress[1]: action: expected Accept, Deny or Pass, got 'Maybe'; read as Deny of all traffic (fail closed)",
      "clusterPolicies['b']: clusterPolicies['b'].subject: expected exactly one of namespaces, pods, got none; the policy applies to nothing and is dropped",
      "clusterPolicies['c'].priority: expected a whole number 0-1000, got 5000; using 1000",
      "clusterPolicies['d'].egress[0]: clusterPolicies['d'].egress[0].peers[0].networks: '10.0.0.0/33' is not a CIDR; read as Deny of all traffic (fail closed)",
    ]);
  });
});
