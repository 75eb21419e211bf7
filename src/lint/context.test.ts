// The lint context's per-namespace shortcuts give exactly the answers of the full scans they
// replace (they are what keeps `netpol lint` on 10,000 workloads within a minute).

import { describe, expect, it } from 'vitest';
import { synthetic } from '../../bench/synthetic.ts';
import { ingressPolicies } from '../policy/evaluate.ts';
import { serviceBackends } from '../services/backends.ts';
import { lintContext } from './context.ts';

describe('lint context', () => {
  const { model } = synthetic(400, 300, 7);

  it('serviceBackends(svc) equals the scan over the whole model', () => {
    const ctx = lintContext(model);
    const services = Object.values(model.services);
    expect(services.length).toBeGreaterThan(50);
    for (const svc of services) expect(ctx.serviceBackends(svc)).toEqual(serviceBackends(model, svc));
  });

  it('ingressPolicies(w) equals the scan over every policy', () => {
    const ctx = lintContext(model);
    let selected = 0;
    for (const w of Object.values(model.workloads)) {
      const expected = ingressPolicies(model, w);
      selected += expected.length;
      expect(ctx.ingressPolicies(w).map((p) => p.id)).toEqual(expected.map((p) => p.id));
    }
    expect(selected).toBeGreaterThan(0);
  });
});
