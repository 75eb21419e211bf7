import { describe, expect, it } from 'vitest';
import { serializeDoc } from '../doc/file-format.ts';
import { saveVersion } from '../doc/versions.ts';
import { emptyDoc, emptyReview } from '../model/factory.ts';
import { addExternal, addPolicy, addWorkload } from '../services/test-model.ts';
import { baselineFromDesignFile, baselineFromManifests, baselineFromVersion } from './baseline.ts';

function design() {
  const doc = emptyDoc('shop design');
  addWorkload(doc.model, 'shop', 'web', { app: 'web' });
  addExternal(doc.model, 'internet', ['0.0.0.0/0']);
  addPolicy(doc.model, 'shop', 'deny-all', { podSelector: {}, policyTypes: ['Ingress'] });
  doc.model.cluster.profile = { ...doc.model.cluster.profile, name: 'cilium', ipBlockMatchesPods: false };
  return doc;
}

const policyYaml = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-web
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: web
  ingress:
  - {}
`;

describe('baselines', () => {
  it('reads a saved version', () => {
    const review = saveVersion(emptyReview(), design().model, 'Monday', '2026-01-05T09:00:00Z', 'v1');
    const b = baselineFromVersion(review, 'v1');
    expect(b.ok && b.label).toBe('version "Monday" (2026-01-05T09:00:00Z)');
    expect(b.ok && Object.keys(b.model.policies)).toEqual(['np:shop/deny-all']);
    expect(baselineFromVersion(review, 'nope')).toEqual({ ok: false, error: 'No saved version nope.' });
  });

  it('reads a design file and refuses text that is not one', () => {
    const b = baselineFromDesignFile(serializeDoc(design()), 'main.netpol.json');
    expect(b.ok && b.label).toBe('design "shop design" (main.netpol.json)');
    expect(b.ok && Object.keys(b.model.workloads)).toEqual(['wl:shop/Deployment/web']);
    expect(baselineFromDesignFile('not json').ok).toBe(false);
  });

  it('reads policies-only manifests over the workloads, cluster and networks of the design', () => {
    const context = design().model;
    const b = baselineFromManifests([{ name: 'policies.yaml', text: policyYaml }], context);
    if (!b.ok) throw new Error(b.error);
    expect(Object.keys(b.model.policies)).toEqual(['np:shop/allow-web']);
    expect(Object.keys(b.model.workloads)).toEqual(['wl:shop/Deployment/web']);
    expect(Object.keys(b.model.externals)).toEqual(['ext:internet']);
    expect(b.model.cluster.profile.name).toBe('cilium');
    expect(b.label).toBe('policies from policies.yaml over the current workloads');
    // The context design itself is untouched.
    expect(Object.keys(context.policies)).toEqual(['np:shop/deny-all']);
  });

  it('refuses manifests with errors or without modelled objects', () => {
    const broken = policyYaml.replace('podSelector:\n    matchLabels:\n      app: web', 'podSelector: 12');
    expect(baselineFromManifests([{ name: 'bad.yaml', text: broken }]).ok).toBe(false);
    const r = baselineFromManifests([{ name: 'cm.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n' }]);
    expect(r.ok).toBe(false);
  });
});
