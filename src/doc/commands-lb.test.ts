import { describe, expect, it } from 'vitest';
import { emptyDoc, PROFILES } from '../model/factory.ts';
import type { Doc } from '../model/types.ts';
import { addExternal, addWorkload } from '../services/test-model.ts';
import { evaluate } from '../policy/evaluate.ts';
import { checkAssertions } from '../assertions/check.ts';
import { decodeShare, encodeShare } from '../share/codec.ts';
import { parseDesignFile, serializeDoc } from './file-format.ts';
import {
  addAssertion, applyTemplate, assertionError, deleteAssertion, presetOf, setClusterProfile, updateAssertion,
  updateCluster, updateClusterProfile,
} from './commands-lb.ts';

function shop(): { doc: Doc; web: string; db: string; net: string } {
  const doc = emptyDoc('t');
  const web = addWorkload(doc.model, 'shop', 'web', { app: 'web' }, [{ containerPort: 8080 }]);
  const db = addWorkload(doc.model, 'data', 'db', { app: 'db' }, [{ containerPort: 5432 }]);
  const net = addExternal(doc.model, 'internet', ['203.0.113.0/24']);
  return { doc, web, db, net };
}

describe('assertions', () => {
  it('adds, updates and deletes; duplicates and invalid ones are refused without a new doc', () => {
    const { doc, web, db } = shop();
    const a = addAssertion(doc, { id: 'as-1', fromId: web, toId: db, protocol: 'TCP', port: 5432, expect: 'no-reach', note: '  ' });
    expect(a.model.assertions).toEqual({ 'as-1': { id: 'as-1', fromId: web, toId: db, protocol: 'TCP', port: 5432, expect: 'no-reach' } });
    expect(addAssertion(a, { fromId: web, toId: db, protocol: 'TCP', port: 5432, expect: 'no-reach' })).toBe(a);
    expect(addAssertion(a, { fromId: web, toId: web, protocol: 'TCP', port: 1, expect: 'reach' })).toBe(a);
    expect(addAssertion(a, { fromId: web, toId: db, protocol: 'TCP', port: 70000, expect: 'reach' })).toBe(a);
    expect(assertionError({ fromId: web, toId: db, protocol: 'TCP', port: 0, expect: 'reach' })).toMatch(/1 to 65535/);

    const b = updateAssertion(a, 'as-1', { expect: 'reach' });
    expect(b.model.assertions!['as-1'].expect).toBe('reach');
    expect(updateAssertion(b, 'as-1', { expect: 'reach' })).toBe(b);
    expect(updateAssertion(b, 'nope', { port: 1 })).toBe(b);

    const c = deleteAssertion(b, 'as-1');
    expect(c.model.assertions).toEqual({});
    expect(deleteAssertion(c, 'as-1')).toBe(c);
  });

  it('are checked by the core against the design (no policies: the pair reaches)', () => {
    const { doc, web, db } = shop();
    const d = addAssertion(doc, { id: 'as-1', fromId: web, toId: db, protocol: 'TCP', port: 5432, expect: 'no-reach' });
    const [r] = checkAssertions(d.model, evaluate(d.model));
    expect(r.ok).toBe(false);
    expect(r.actual).toBe('reach');
  });

  it('travel with design files and share links', () => {
    const { doc, web, db, net } = shop();
    let d = addAssertion(doc, { id: 'as-1', fromId: web, toId: db, protocol: 'TCP', port: 5432, expect: 'no-reach', note: 'db is private' });
    d = addAssertion(d, { id: 'as-2', fromId: net, toId: web, protocol: 'UDP', port: 53, expect: 'reach' });
    const file = parseDesignFile(serializeDoc(d));
    expect(file.ok && file.doc.model.assertions).toEqual(d.model.assertions);
    const enc = encodeShare(d);
    expect(enc.ok).toBe(true);
    const dec = decodeShare(enc.ok ? enc.fragment : '');
    expect(dec.ok && dec.doc.model.assertions).toEqual(d.model.assertions);
  });
});

describe('cluster assumptions', () => {
  it('updates settings, clears optional ones with undefined, no-op keeps the doc', () => {
    const d = emptyDoc();
    const a = updateCluster(d, { lbDeliveryMode: 'proxy', lbSourceCidrs: ['10.1.0.0/24'], nodeCidrs: ['192.168.0.0/24'] });
    expect(a.model.cluster).toMatchObject({ lbDeliveryMode: 'proxy', lbSourceCidrs: ['10.1.0.0/24'], nodeCidrs: ['192.168.0.0/24'] });
    expect(updateCluster(a, { lbDeliveryMode: 'proxy', nodeCidrs: ['192.168.0.0/24'] })).toBe(a);
    const b = updateCluster(a, { lbDeliveryMode: undefined });
    expect('lbDeliveryMode' in b.model.cluster).toBe(false);
    expect(d.model.cluster.nodeCidrs).toEqual([]); // unknown until set (no invented range)
  });

  it('presets set every switch; editing a switch makes the profile custom unless it equals a preset', () => {
    const d = emptyDoc();
    const c = setClusterProfile(d, 'cilium');
    expect(c.model.cluster.profile).toEqual(PROFILES.cilium);
    expect(setClusterProfile(c, 'cilium')).toBe(c);
    const custom = updateClusterProfile(c, { serviceProxy: 'cilium-dsr' });
    expect(custom.model.cluster.profile).toMatchObject({ name: 'custom', serviceProxy: 'cilium-dsr', ipBlockMatchesPods: false });
    expect(updateClusterProfile(custom, { serviceProxy: 'cilium-snat' }).model.cluster.profile.name).toBe('cilium');
    expect(setClusterProfile(custom, 'custom')).toBe(custom);
    expect(presetOf(PROFILES['netpol-analyzer-compat'])).toBe('netpol-analyzer-compat');
  });

  it('load-balancer settings travel with design files and share links', () => {
    const d = updateCluster(setClusterProfile(emptyDoc(), 'cilium'), {
      lbDeliveryMode: 'direct-to-pod', lbSourceCidrs: ['10.9.0.0/24'], lbSourceRangesEnforced: false, podCidrs: ['10.42.0.0/16'],
    });
    const file = parseDesignFile(serializeDoc(d));
    expect(file.ok && file.doc.model.cluster).toEqual(d.model.cluster);
    const enc = encodeShare(d);
    const dec = decodeShare(enc.ok ? enc.fragment : '');
    expect(dec.ok && dec.doc.model.cluster).toEqual(d.model.cluster);
  });
});

describe('templates', () => {
  it('apply through one command; nothing chosen leaves the same doc', () => {
    const { doc, web } = shop();
    const r = applyTemplate(doc, { id: 'public-entry', options: { workloadIds: [web] } });
    expect(r.doc).not.toBe(doc);
    expect(r.doc.model.services['svc:shop/web']?.type).toBe('LoadBalancer');
    expect(r.summary.length).toBeGreaterThan(0);
    expect(applyTemplate(doc, { id: 'public-entry', options: { workloadIds: [] } }).doc).toBe(doc);
    const iso = applyTemplate(doc, { id: 'namespace-isolation', options: { namespaceId: 'ns:data' } });
    expect(Object.values(iso.doc.model.policies).every((p) => p.namespaceId === 'ns:data')).toBe(true);
    const eg = applyTemplate(doc, { id: 'strict-egress', options: { gatewayId: web } });
    expect(eg.created.length).toBeGreaterThan(1);
  });
});
