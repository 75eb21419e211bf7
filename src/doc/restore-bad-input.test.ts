// Issue 8: restored data is validated like an import; nothing restored throws later.
import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import { lint } from '../lint/lint.ts';
import { evaluate } from '../policy/evaluate.ts';
import { restoreDoc } from './restore.ts';
import { parseDesignFile } from './file-format.ts';

function base(): Record<string, any> {
  const d = emptyDoc('t') as unknown as Record<string, any>;
  d.model.namespaces['ns:shop'] = { id: 'ns:shop', name: 'shop', labels: {} };
  d.model.workloads.w = { id: 'w', namespaceId: 'ns:shop', name: 'web', kind: 'Pod', podLabels: { app: 'web' }, ports: [] };
  return JSON.parse(JSON.stringify(d));
}

function restored(raw: unknown) {
  const r = restoreDoc(raw);
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('restore validates CIDRs and addresses like import', () => {
  it('drops invalid cluster CIDRs with a warning each, and lint and evaluation then run', () => {
    const d = base();
    d.model.cluster.podCidrs = ['10.244.0.0/16', 'not-a-cidr', ' 10.1.0.0/16'];
    d.model.cluster.serviceCidrs = ['10.96.0.0/33'];
    d.model.cluster.nodeCidrs = ['192.168.0.1'];
    const { doc, warnings } = restored(d);
    expect(doc.model.cluster.podCidrs).toEqual(['10.244.0.0/16']);
    expect(doc.model.cluster.serviceCidrs).toEqual([]);
    expect(doc.model.cluster.nodeCidrs).toEqual([]);
    expect(warnings.filter((w) => w.startsWith('cluster.'))).toEqual([
      "cluster.nodeCidrs[0]: '192.168.0.1' is not a CIDR (missing /prefix); dropped",
      "cluster.podCidrs[1]: 'not-a-cidr' is not a CIDR (missing /prefix); dropped",
      "cluster.podCidrs[2]: ' 10.1.0.0/16' has whitespace around it; dropped",
      "cluster.serviceCidrs[0]: '10.96.0.0/33' is not a valid CIDR: prefix length must be 0-32; dropped",
    ]);
    expect(() => lint(doc.model, evaluate(doc.model))).not.toThrow();
  });

  it('drops invalid external CIDRs, pod IPs, host IPs and load-balancer source ranges', () => {
    const d = base();
    d.model.externals.e = { id: 'e', name: 'net', cidrs: ['203.0.113.0/24', '203.0.113.0/99'] };
    d.model.workloads.w.podIPs = ['10.244.1.5', '10.244.1.5/32', 'x'];
    d.model.workloads.w.hostIP = 'nope';
    d.model.services.s = { id: 's', namespaceId: 'ns:shop', name: 's', type: 'LoadBalancer', ports: [{ port: 80 }], loadBalancerSourceRanges: ['1.2.3.0/24', 'bad'] };
    const { doc, warnings } = restored(d);
    expect(doc.model.externals.e.cidrs).toEqual(['203.0.113.0/24']);
    expect(doc.model.workloads.w.podIPs).toEqual(['10.244.1.5']);
    expect(doc.model.workloads.w.hostIP).toBeUndefined();
    expect(doc.model.services.s.loadBalancerSourceRanges).toEqual(['1.2.3.0/24']);
    expect(warnings).toEqual(expect.arrayContaining([
      "workloads['w'].podIPs[1]: '10.244.1.5/32' is not an IP address; dropped",
      "workloads['w'].podIPs[2]: 'x' is not an IP address; dropped",
      "workloads['w'].hostIP: 'nope' is not an IP address; dropped",
    ]));
    expect(() => lint(doc.model, evaluate(doc.model))).not.toThrow();
  });
});

describe('a damaged policy keeps isolating (never dropped, which would open it up)', () => {
  it('a damaged podSelector is read as every pod of the namespace, isolated, nothing allowed', () => {
    const d = base();
    d.model.policies.p = { id: 'p', namespaceId: 'ns:shop', name: 'deny', podSelector: { matchLabels: { app: 5 } }, ingress: [{}] };
    const { doc, warnings } = restored(d);
    expect(doc.model.policies.p).toEqual({ id: 'p', namespaceId: 'ns:shop', name: 'deny', podSelector: {}, policyTypes: ['Ingress'], ingress: [], egress: [] });
    expect(warnings).toContain("policies['p'].podSelector.matchLabels['app']: expected text, got 5; read as {} (every pod of the namespace) with no rules: the policy isolates them and allows nothing");
  });

  it('damaged policyTypes isolate both directions', () => {
    const d = base();
    d.model.policies.p = { id: 'p', namespaceId: 'ns:shop', name: 'deny', podSelector: {}, policyTypes: ['Ingress', 'egress'], egress: [{}] };
    const { doc, warnings } = restored(d);
    expect(doc.model.policies.p).toMatchObject({ policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [] });
    expect(warnings).toEqual([
      "policies['p'].policyTypes[1]: expected Ingress or Egress, got 'egress'; read as [Ingress, Egress] with no rules: the policy isolates both directions and allows nothing",
    ]);
  });
});

describe('depth limits on design files', () => {
  it('a design nested 3,500 levels deep is refused with a clear message, without a stack overflow', () => {
    const text = `{"version": 2, "name": "x", "model": {"namespaces": {}, "deep": ${'['.repeat(3500)}${']'.repeat(3500)}}}`;
    const r = parseDesignFile(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toBe('not a NetPol Designer design: the document is nested more than 100 levels deep');
  });
});
