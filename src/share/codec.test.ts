import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { emptyDoc, emptyReview } from '../model/factory.ts';
import type { Doc, Review } from '../model/types.ts';
import { base64urlToBytes, bytesToBase64url } from './base64url.ts';
import { decodeShare, encodeShare, SHARE_FRAGMENT_LIMIT } from './codec.ts';
import { DOC_VERSION } from '../model/types.ts';

function design(workloads: number): Doc {
  const doc = emptyDoc('Shop — ünïcode ✓');
  doc.model.namespaces['ns:shop'] = { id: 'ns:shop', name: 'shop', labels: {} };
  for (let i = 0; i < workloads; i++) {
    doc.model.workloads[`w${i}`] = { id: `w${i}`, namespaceId: 'ns:shop', name: `svc-${i}-${(i * 7919).toString(36)}`, kind: 'Deployment', podLabels: { app: `a${(i * 104729).toString(36)}` }, ports: [{ containerPort: 1000 + ((i * 31) % 60000) }] };
    doc.layout[`w${i}`] = { x: (i * 37) % 997, y: (i * 53) % 991 };
  }
  doc.model.policies.p = { id: 'p', namespaceId: 'ns:shop', name: 'deny', podSelector: {}, policyTypes: ['Ingress'], ingress: [] };
  doc.layout['ns:shop'] = { x: 0, y: 0, w: 1200, h: 1100 };
  return doc;
}

function encoded(doc: Doc): string {
  const r = encodeShare(doc);
  if (!r.ok) throw new Error('too large');
  return r.fragment;
}

describe('share codec', () => {
  it('round-trips a design, including non-ASCII names', () => {
    const doc = design(5);
    const fragment = encoded(doc);
    expect(fragment).toMatch(new RegExp(`^d=${DOC_VERSION}\\.[A-Za-z0-9_-]+$`));
    expect(decodeShare(fragment)).toEqual({ ok: true, doc, review: emptyReview(), warnings: [] });
    expect(decodeShare(`https://example.test/app#${fragment}`)).toEqual({ ok: true, doc, review: emptyReview(), warnings: [] });
  });

  it('carries the review (comments, versions, decisions) with the design', () => {
    const doc = design(2);
    const review: Review = {
      comments: { t1: { id: 't1', target: { kind: 'design' }, resolved: false, messages: [{ id: 'm1', author: 'ana', at: '2026-01-01T00:00:00Z', text: 'ok?' }] } },
      versions: { v1: { id: 'v1', name: 'Monday', at: '2026-01-01T00:00:00Z', model: doc.model } },
      decisions: { 'k#ana': { changeKey: 'k', changeTitle: 'web → db newly allowed', by: 'ana', verdict: 'approved', at: '2026-01-01T00:00:00Z' } },
    };
    const r = encodeShare(doc, review);
    if (!r.ok) throw new Error('too large');
    expect(decodeShare(r.fragment)).toEqual({ ok: true, doc, review, warnings: [] });
  });

  it('opens a format 1 link: its comments and versions move from the model to the review', () => {
    const doc = design(1);
    const thread = { id: 't1', target: { kind: 'design' }, resolved: true, messages: [{ id: 'm1', author: 'bo', at: '2026-01-01T00:00:00Z', text: 'fine' }] };
    const v1 = { name: doc.name, layout: doc.layout, model: { ...doc.model, comments: { t1: thread }, versions: { v1: { id: 'v1', name: 'old', at: '2026-01-01T00:00:00Z', model: { ...doc.model, comments: { t1: thread } } } } } };
    const fragment = `d=1.${bytesToBase64url(deflateSync(strToU8(JSON.stringify(v1))))}`;
    const r = decodeShare(fragment);
    if (!r.ok) throw new Error(r.error);
    expect(r.doc).toEqual(doc);
    expect(Object.keys(r.doc.model)).not.toContain('comments');
    expect(r.review.comments).toEqual({ t1: thread });
    expect(r.review.versions.v1!.model).toEqual(doc.model);
    expect(r.warnings).toEqual(['upgraded from format 1: comments and versions moved from the design to its review', 'upgraded from format 2: the format now holds cluster-wide policies and nodes (this design has none)', expect.stringMatching(/^upgraded from format 3/)]);
  });

  it('opens a format 3 link: the old default node CIDR becomes unset, a chosen one stays', () => {
    const doc = design(1);
    const link = (nodeCidrs: string[]) => {
      const v3 = { name: doc.name, layout: doc.layout, model: { ...doc.model, cluster: { ...doc.model.cluster, nodeCidrs } } };
      return `d=3.${bytesToBase64url(deflateSync(strToU8(JSON.stringify(v3))))}`;
    };
    const old = decodeShare(link(['10.0.0.0/16']));
    if (!old.ok) throw new Error(old.error);
    expect(old.doc.model.cluster.nodeCidrs).toEqual([]);
    expect(old.warnings[0]).toMatch(/^upgraded from format 3/);
    const mine = decodeShare(link(['192.168.0.0/24']));
    if (!mine.ok) throw new Error(mine.error);
    expect(mine.doc.model.cluster.nodeCidrs).toEqual(['192.168.0.0/24']);
  });

  it('refuses a design over the size limit and reports its size', () => {
    const r = encodeShare(design(3000));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('too-large');
      expect(r.limit).toBe(SHARE_FRAGMENT_LIMIT);
      expect(r.bytes).toBeGreaterThan(SHARE_FRAGMENT_LIMIT);
    }
  });

  it('explains a truncated link', () => {
    const fragment = encoded(design(40));
    const r = decodeShare(fragment.slice(0, Math.floor(fragment.length * 0.6)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/damaged or incomplete/);
  });

  it('explains corrupt data, a wrong prefix and a missing parameter', () => {
    expect(decodeShare('d=1.@@@')).toEqual({ ok: false, error: 'the link is damaged or incomplete: its data is not valid base64url (was it cut off or edited?)' });
    expect(decodeShare('d=1.AAAAAAAA').ok).toBe(false);
    expect(decodeShare('d=hello')).toEqual({ ok: false, error: 'not a NetPol Designer share link: expected d=<version>.<data>' });
    expect(decodeShare('view=1')).toEqual({ ok: false, error: 'not a NetPol Designer share link: no "d=" in the link' });
    const notDesign = `d=1.${bytesToBase64url(deflateSync(strToU8('[1,2]')))}`;
    expect(decodeShare(notDesign)).toEqual({ ok: false, error: 'the link is damaged: its data is not a design' });
  });

  it('refuses a link from a newer version', () => {
    const fragment = encoded(design(1)).replace(/^d=\d+\./, 'd=7.');
    expect(decodeShare(fragment)).toEqual({ ok: false, error: `this link was made by a newer NetPol Designer (format 7); this version reads up to ${DOC_VERSION}. Update NetPol Designer to open it.` });
  });

  it('validates decoded designs like any untrusted input', () => {
    const payload = { name: 'x', model: { namespaces: {}, workloads: { w: { namespaceId: 'ns:gone', name: 'w', kind: 'Pod', podLabels: {}, ports: [] } } }, layout: { ghost: { x: 1, y: 1 } } };
    const r = decodeShare(`d=1.${bytesToBase64url(deflateSync(strToU8(JSON.stringify(payload))))}`);
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.model.namespaces['ns:gone']).toEqual({ id: 'ns:gone', name: 'gone', labels: {} });
    expect(r.doc.layout).toEqual({});
    expect(r.warnings.length).toBeGreaterThan(0);
  });
});

describe('base64url', () => {
  it('round-trips all byte values and uses only URL-safe characters', () => {
    const bytes = new Uint8Array(70000).map((_, i) => (i * 131) % 256);
    const text = bytesToBase64url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(base64urlToBytes(text)).toEqual(bytes);
    expect(base64urlToBytes('abc=')).toBeUndefined();
    expect(base64urlToBytes('a')).toBeUndefined();
  });
});

describe('share codec truncation', () => {
  it('explains a link cut off at any length', () => {
    const fragment = encoded(design(40));
    for (let cut = 5; cut < fragment.length; cut += 97) {
      const r = decodeShare(fragment.slice(0, cut));
      expect(r.ok, `cut at ${cut}`).toBe(false);
    }
  });
});
