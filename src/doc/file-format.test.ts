import { describe, expect, it } from 'vitest';
import { emptyDoc, emptyReview } from '../model/factory.ts';
import type { Doc } from '../model/types.ts';
import { parseDesignFile, serializeDoc, serializeDocCompact } from './file-format.ts';
import { DOC_VERSION } from '../model/types.ts';

function shop(): Doc {
  const doc = emptyDoc('Shop');
  doc.model.namespaces['ns:shop'] = { id: 'ns:shop', name: 'shop', labels: { team: 'web' } };
  doc.model.workloads['wl-web'] = {
    id: 'wl-web', namespaceId: 'ns:shop', name: 'web', kind: 'Deployment',
    podLabels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }],
  };
  doc.model.policies['np-1'] = {
    id: 'np-1', namespaceId: 'ns:shop', name: 'deny', podSelector: {}, policyTypes: ['Ingress'], ingress: [],
  };
  doc.layout = { 'ns:shop': { x: 0, y: 0, w: 300, h: 200 }, 'wl-web': { x: 20, y: 60 } };
  return doc;
}

describe('design file format', () => {
  it('round-trips a design exactly', () => {
    const doc = shop();
    const parsed = parseDesignFile(serializeDoc(doc));
    expect(parsed).toEqual({ ok: true, doc, review: emptyReview(), warnings: [] });
  });

  it('the compact form (autosave) reads back to the same design as the pretty file', () => {
    const doc = shop();
    const compact = serializeDocCompact(doc);
    expect(compact).not.toContain('\n');
    expect(parseDesignFile(compact)).toEqual(parseDesignFile(serializeDoc(doc)));
    expect(parseDesignFile(compact)).toEqual({ ok: true, doc, review: emptyReview(), warnings: [] });
  });

  it('writes the envelope and is deterministic whatever the key insertion order', () => {
    const a = shop();
    const b = shop();
    b.model.workloads = { 'wl-web': { ports: [{ containerPort: 8080, name: 'http' }], podLabels: { app: 'web' }, kind: 'Deployment', name: 'web', namespaceId: 'ns:shop', id: 'wl-web' } };
    const text = serializeDoc(a);
    expect(serializeDoc(b)).toBe(text);
    const env = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(env)).toEqual(['format', 'version', 'doc']);
    expect(env.format).toBe('netpol-designer');
    expect(env.version).toBe(DOC_VERSION);
  });

  it('refuses a file from a newer version with a clear message', () => {
    const next = DOC_VERSION + 1;
    const text = JSON.stringify({ format: 'netpol-designer', version: next, doc: { version: next, name: 'x', model: {} } });
    const r = parseDesignFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(`made by a newer NetPol Designer (format ${next}); this version reads up to ${DOC_VERSION}`);
  });

  it('refuses text that is not JSON, another format, or a Kubernetes manifest', () => {
    expect(parseDesignFile('{"format": "netpol-designer", ').ok).toBe(false);
    const other = parseDesignFile(JSON.stringify({ format: 'excalidraw', version: 2 }));
    expect(other.ok === false && other.error).toContain("format 'excalidraw'");
    const k8s = parseDesignFile(JSON.stringify({ apiVersion: 'v1', kind: 'Namespace' }));
    expect(k8s.ok === false && k8s.error).toContain('Import');
  });

  it('opens the autosave shape {version, doc} and a bare doc', () => {
    const doc = shop();
    expect(parseDesignFile(JSON.stringify({ version: 2, doc }))).toEqual({ ok: true, doc, review: emptyReview(), warnings: [] });
    expect(parseDesignFile(JSON.stringify(doc))).toEqual({ ok: true, doc, review: emptyReview(), warnings: [] });
  });
});
