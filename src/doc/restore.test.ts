import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import type { Doc } from '../model/types.ts';
import { restoreDoc } from './restore.ts';
import { DOC_VERSION } from '../model/types.ts';

function ok(raw: unknown): { doc: Doc; warnings: string[] } {
  const r = restoreDoc(raw);
  if (!r.ok) throw new Error(r.error);
  return r;
}

function base(): Record<string, any> {
  const d = emptyDoc('t') as unknown as Record<string, any>;
  d.model.namespaces['ns:shop'] = { id: 'ns:shop', name: 'shop', labels: {} };
  return JSON.parse(JSON.stringify(d));
}

describe('restoreDoc', () => {
  it('refuses input that is not a design and names the problem', () => {
    expect(restoreDoc('hello')).toEqual({ ok: false, error: "not a NetPol Designer design: expected an object, got 'hello'" });
    const r = restoreDoc({ version: 1, name: 'x', model: [] });
    expect(r.ok === false && r.error).toBe('model: expected an object, got a list');
  });

  it('drops a bad container port and names the object and field', () => {
    const d = base();
    d.model.workloads['wl-1'] = { id: 'wl-1', namespaceId: 'ns:shop', name: 'web', kind: 'Pod', podLabels: { app: 'web' },
      ports: [{ containerPort: 'abc' }, { containerPort: 80 }] };
    const { doc, warnings } = ok(d);
    expect(doc.model.workloads['wl-1']!.ports).toEqual([{ containerPort: 80 }]);
    expect(warnings).toContain("workloads['wl-1'].ports[0].containerPort: expected a number 1-65535, got 'abc'; port dropped");
  });

  it('creates a namespace a workload refers to but which is missing, and says so', () => {
    const d = base();
    d.model.workloads['wl-1'] = { id: 'wl-1', namespaceId: 'ns:billing', name: 'api', kind: 'Deployment', podLabels: {}, ports: [] };
    const { doc, warnings } = ok(d);
    expect(doc.model.namespaces['ns:billing']).toEqual({ id: 'ns:billing', name: 'billing', labels: {} });
    expect(warnings).toContain("workloads['wl-1'].namespaceId: namespace 'ns:billing' does not exist; created namespace billing");
  });

  it('drops layout entries for unknown ids and keeps valid ones', () => {
    const d = base();
    d.layout = { 'ns:shop': { x: 1, y: 2, w: 300, h: 200 }, ghost: { x: 0, y: 0 }, 'ns:other': { x: 0, y: 0 } };
    const { doc, warnings } = ok(d);
    expect(doc.layout).toEqual({ 'ns:shop': { x: 1, y: 2, w: 300, h: 200 } });
    expect(warnings.some((w) => w.startsWith('layout: dropped 2 position(s)'))).toBe(true);
  });

  it('drops a damaged policy rule without widening: policyTypes are pinned', () => {
    const d = base();
    // Without policyTypes this policy isolates ingress and egress (it has an egress rule).
    d.model.policies['np-1'] = { id: 'np-1', namespaceId: 'ns:shop', name: 'p', podSelector: {},
      egress: [{ to: [{ podSelector: { matchLabels: { app: 7 } } }] }] };
    const { doc, warnings } = ok(d);
    const p = doc.model.policies['np-1']!;
    expect(p.egress).toEqual([]);
    expect(p.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(warnings[0]).toBe("policies['np-1'].egress[0].to[0].podSelector.matchLabels['app']: expected text, got 7; rule dropped");
  });

  it('keeps the absent/empty distinctions of policy rules', () => {
    const d = base();
    d.model.policies['np-1'] = { id: 'np-1', namespaceId: 'ns:shop', name: 'p', podSelector: {}, policyTypes: ['Ingress'],
      ingress: [{}, { from: [], ports: [] }, { from: [{ namespaceSelector: {} }], ports: [{ protocol: 'UDP' }] }] };
    const { doc, warnings } = ok(d);
    expect(doc.model.policies['np-1']!.ingress).toEqual([{}, { from: [], ports: [] }, { from: [{ namespaceSelector: {} }], ports: [{ protocol: 'UDP' }] }]);
    expect(warnings).toEqual([]);
  });

  it('drops intents whose endpoints do not exist, and intents with damaged ports', () => {
    const d = base();
    d.model.workloads['wl-1'] = { id: 'wl-1', namespaceId: 'ns:shop', name: 'a', kind: 'Pod', podLabels: {}, ports: [] };
    d.model.intents = {
      'i-1': { id: 'i-1', fromId: 'wl-1', toId: 'wl-gone', ports: [] },
      'i-2': { id: 'i-2', fromId: 'wl-1', toId: 'wl-1', ports: [{ port: 70000 }] },
      'i-3': { id: 'i-3', fromId: 'wl-1', toId: 'wl-1', ports: [{ port: 80 }] },
    };
    const { doc, warnings } = ok(d);
    expect(Object.keys(doc.model.intents)).toEqual(['i-3']);
    expect(warnings).toContain("intents['i-1'].toId: 'wl-gone' is not a workload, external network or load balancer of this design; intent dropped");
    expect(warnings).toContain("intents['i-2'].ports[0].port: expected a number 1-65535, got 70000; intent dropped");
  });

  it('keeps unknown plain-JSON model keys and entity fields for later features', () => {
    const d = base();
    d.model.assertions = { a1: { fromId: 'x', expect: 'deny' } };
    d.model.futureFeature = [{ text: 'hi' }];
    d.model.namespaces['ns:shop'].color = 'blue';
    const { doc } = ok(d);
    const m = doc.model as unknown as Record<string, unknown>;
    expect(m.assertions).toEqual({ a1: { fromId: 'x', expect: 'deny' } });
    expect(m.futureFeature).toEqual([{ text: 'hi' }]);
    expect((doc.model.namespaces['ns:shop'] as unknown as Record<string, unknown>).color).toBe('blue');
  });

  it('never copies prototype-polluting keys', () => {
    const d = JSON.parse('{"version":1,"name":"x","model":{"namespaces":{"__proto__":{"id":"x","name":"x","labels":{}}},"__proto__":{"polluted":true}}}');
    const { doc } = ok(d);
    expect(Object.keys(doc.model.namespaces)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('repairs wrong types with defaults and a warning', () => {
    const d = base();
    d.name = 42;
    d.model.cluster = { profile: { name: 'cilium', ipBlockMatchesPods: 'yes' } };
    d.model.namespaceDefaults = { 'ns:shop': { denyIngress: true, denyEgress: 'no' }, 'ns:nope': { denyIngress: true } };
    const { doc, warnings } = ok(d);
    expect(doc.name).toBe('Untitled design');
    expect(doc.model.cluster.profile.name).toBe('cilium');
    expect(doc.model.cluster.profile.ipBlockMatchesPods).toBe(false);
    expect(doc.model.namespaceDefaults).toEqual({ 'ns:shop': { denyIngress: true, denyEgress: false, allowDns: false } });
    expect(warnings).toContain("cluster.profile.ipBlockMatchesPods: expected true or false, got 'yes'; using false");
    expect(warnings).toContain("namespaceDefaults['ns:nope']: no such namespace; dropped");
  });

  it('refuses a newer version', () => {
    const r = restoreDoc({ version: DOC_VERSION + 1, name: 'x', model: {} });
    expect(r.ok === false && r.error).toMatch(new RegExp(`^made by a newer NetPol Designer \\(format ${DOC_VERSION + 1}\\); this version reads up to ${DOC_VERSION}`));
  });
});
