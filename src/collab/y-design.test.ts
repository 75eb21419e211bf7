import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importManifests } from '../k8s/import.ts';
import { emptyDoc } from '../model/factory.ts';
import type { ClusterRule, Doc, NetworkPolicy } from '../model/types.ts';
import { readDesign, writeDesign } from './y-design.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../k8s/fixtures', name), 'utf8');

function importedDoc(): Doc {
  const r = importManifests([{ name: 'all.yaml', text: fixture('kubectl-get-all.yaml') }, { name: 'p.yaml', text: fixture('canonical-policies.yaml') }]);
  return { ...emptyDoc('imported'), model: r.model, layout: { a: { x: 1, y: 2 } } };
}

function twoPolicyRules(): Doc {
  const doc = emptyDoc('rules');
  doc.model.namespaces['ns:a'] = { id: 'ns:a', name: 'a', labels: {} };
  const p: NetworkPolicy = {
    id: 'p', namespaceId: 'ns:a', name: 'p', podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'],
    ingress: [
      { from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 5432 }] },
      { from: [{ namespaceSelector: {} }], ports: [{ port: 9187 }] },
    ],
  };
  doc.model.policies.p = p;
  return doc;
}

/** A peer: a Y.Doc mirroring a Doc, with its own local edits. */
class Peer {
  ydoc = new Y.Doc();
  doc: Doc;
  constructor(initial: Doc | null, from?: Peer) {
    if (from) Y.applyUpdate(this.ydoc, Y.encodeStateAsUpdate(from.ydoc));
    if (initial) this.ydoc.transact(() => writeDesign(this.ydoc, null, initial));
    this.doc = readDesign(this.ydoc);
  }
  edit(change: (d: Doc) => Doc): void {
    const next = change(this.doc);
    this.ydoc.transact(() => writeDesign(this.ydoc, this.doc, next), 'local');
    this.doc = readDesign(this.ydoc, next);
  }
  refresh(): void {
    this.doc = readDesign(this.ydoc, this.doc);
  }
}

function exchange(a: Peer, b: Peer): void {
  const ua = Y.encodeStateAsUpdate(a.ydoc, Y.encodeStateVector(b.ydoc));
  const ub = Y.encodeStateAsUpdate(b.ydoc, Y.encodeStateVector(a.ydoc));
  Y.applyUpdate(b.ydoc, ua);
  Y.applyUpdate(a.ydoc, ub);
  a.refresh();
  b.refresh();
}

const withPolicy = (d: Doc, id: string, f: (p: NetworkPolicy) => NetworkPolicy): Doc => ({
  ...d, model: { ...d.model, policies: { ...d.model.policies, [id]: f(d.model.policies[id] as NetworkPolicy) } },
});

describe('design <-> Yjs mapping', () => {
  it('round-trips an imported design exactly, absent and empty fields included', () => {
    const doc = importedDoc();
    const a = new Peer(doc);
    expect(a.doc).toEqual(doc);
    const withEmpty = withPolicy(twoPolicyRules(), 'p', (p) => ({ ...p, egress: [], ingress: [{}, { from: [], ports: [] }] }));
    const b = new Peer(withEmpty);
    expect(b.doc).toEqual(withEmpty);
    expect('egress' in b.doc.model.policies.p!).toBe(true);
    expect('from' in b.doc.model.policies.p!.ingress![0]!).toBe(false);
  });

  it('keeps unchanged objects when reading back (evaluation memoised on the model stays valid)', () => {
    const a = new Peer(importedDoc());
    const before = a.doc;
    expect(readDesign(a.ydoc, before)).toBe(before);
    a.edit((d) => ({ ...d, layout: { ...d.layout, a: { x: 5, y: 5 } } }));
    expect(a.doc.model).toBe(before.model);
  });

  it('two people editing different rules of one policy at once both keep their edits', () => {
    const alice = new Peer(twoPolicyRules());
    const bob = new Peer(null, alice);
    expect(bob.doc).toEqual(alice.doc);
    alice.edit((d) => withPolicy(d, 'p', (p) => ({ ...p, ingress: [{ ...p.ingress![0]!, ports: [{ protocol: 'TCP', port: 6432 }] }, p.ingress![1]!] })));
    bob.edit((d) => withPolicy(d, 'p', (p) => ({ ...p, ingress: [p.ingress![0]!, { ...p.ingress![1]!, from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }] }] })));
    exchange(alice, bob);
    expect(alice.doc).toEqual(bob.doc);
    const rules = alice.doc.model.policies.p!.ingress!;
    expect(rules[0]!.ports).toEqual([{ protocol: 'TCP', port: 6432 }]);
    expect(rules[1]!.from).toEqual([{ namespaceSelector: { matchLabels: { team: 'ops' } } }]);
  });

  it('cluster policies too: two people editing different rules of one ClusterNetworkPolicy both keep their edits', () => {
    const samples = join(import.meta.dirname, '../../samples/cluster-tiers');
    const files = ['workloads.yaml', 'networkpolicies.yaml', 'cluster-policies.yaml'].map((name) => ({ name, text: readFileSync(join(samples, name), 'utf8') }));
    const r = importManifests(files);
    const doc: Doc = { ...emptyDoc('tiers'), model: r.model };
    const id = Object.values(doc.model.clusterPolicies ?? {}).find((c) => c.ingress.length + c.egress.length >= 2)!.id;
    const alice = new Peer(doc);
    const bob = new Peer(null, alice);
    expect(bob.doc).toEqual(alice.doc);
    const rulesOf = (d: Doc) => { const c = d.model.clusterPolicies![id]!; return [...c.ingress, ...c.egress]; };
    const withRule = (d: Doc, i: number, f: (r: ClusterRule) => ClusterRule): Doc => {
      const c = d.model.clusterPolicies![id]!;
      const inIngress = i < c.ingress.length;
      const list = (inIngress ? c.ingress : c.egress).map((r, j) => (j === (inIngress ? i : i - c.ingress.length) ? f(r) : r));
      return { ...d, model: { ...d.model, clusterPolicies: { ...d.model.clusterPolicies, [id]: { ...c, ...(inIngress ? { ingress: list } : { egress: list }) } } } };
    };
    alice.edit((d) => withRule(d, 0, (r) => ({ ...r, ports: [{ protocol: 'TCP', port: 7001 }] })));
    bob.edit((d) => withRule(d, 1, (r) => ({ ...r, name: 'renamed-by-bob', peers: [{ namespaces: { matchLabels: { team: 'ops' } } }] })));
    exchange(alice, bob);
    expect(alice.doc).toEqual(bob.doc);
    const rules = rulesOf(alice.doc);
    expect(rules[0]!.ports).toEqual([{ protocol: 'TCP', port: 7001 }]);
    expect(rules[1]!.name).toBe('renamed-by-bob');
    expect(rules[1]!.peers).toEqual([{ namespaces: { matchLabels: { team: 'ops' } } }]);
  });

  it('a design without cluster policies or nodes reads back without those keys', () => {
    const a = new Peer(twoPolicyRules());
    expect('clusterPolicies' in a.doc.model).toBe(false);
    expect('nodes' in a.doc.model).toBe(false);
  });

  it('two people adding a rule and editing another peer of the same rule both survive', () => {
    const alice = new Peer(twoPolicyRules());
    const bob = new Peer(null, alice);
    alice.edit((d) => withPolicy(d, 'p', (p) => ({ ...p, ingress: [...p.ingress!, { ports: [{ port: 8080 }] }] })));
    bob.edit((d) => withPolicy(d, 'p', (p) => ({ ...p, ingress: [{ ...p.ingress![0]!, from: [...p.ingress![0]!.from!, { ipBlock: { cidr: '10.0.0.0/8' } }] }, p.ingress![1]!] })));
    exchange(alice, bob);
    const rules = bob.doc.model.policies.p!.ingress!;
    expect(rules).toHaveLength(3);
    expect(rules[0]!.from).toHaveLength(2);
    expect(rules[2]).toEqual({ ports: [{ port: 8080 }] });
  });

  it('a concurrent edit of one field ends with one value for everybody (last writer wins)', () => {
    const alice = new Peer(twoPolicyRules());
    const bob = new Peer(null, alice);
    alice.edit((d) => withPolicy(d, 'p', (p) => ({ ...p, name: 'from-alice' })));
    bob.edit((d) => withPolicy(d, 'p', (p) => ({ ...p, name: 'from-bob' })));
    exchange(alice, bob);
    expect(alice.doc.model.policies.p!.name).toBe(bob.doc.model.policies.p!.name);
    expect(['from-alice', 'from-bob']).toContain(alice.doc.model.policies.p!.name);
  });

  it('deletes entities, layout entries and fields', () => {
    const a = new Peer(importedDoc());
    const id = Object.keys(a.doc.model.workloads)[0] as string;
    a.edit((d) => {
      const { [id]: _gone, ...workloads } = d.model.workloads;
      return { ...d, name: 'renamed', model: { ...d.model, workloads }, layout: {} };
    });
    const fresh = readDesign(a.ydoc);
    expect(fresh.model.workloads[id]).toBeUndefined();
    expect(fresh.layout).toEqual({});
    expect(fresh.name).toBe('renamed');
  });
});
