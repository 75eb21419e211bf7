// `netpol check` on samples/lb: the "only from node IPs" pattern holds under
// externalTrafficPolicy Cluster and breaks under Local (semantics.md 2.7).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netpol, tempDir } from './test-harness.ts';

const ASSERTIONS = 'samples/lb/assertions.yaml';
/** The sample cluster's node addresses (unknown unless given: no default). */
const NODES = '10.0.0.0/16';


function tempFile(name: string, text: string): string {
  const dir = tempDir('netpol-check-');
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe('netpol check', () => {
  it('passes every assertion of samples/lb under externalTrafficPolicy Cluster', async () => {
    const r = await netpol('check', 'samples/lb/cluster', '--assertions', ASSERTIONS, '--node-cidrs', NODES);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').filter((l) => /^(PASS|FAIL)/.test(l));
    expect(lines).toEqual([
      'PASS  internet -> lb:shop/web 80/TCP: expected reach, reaches (the public shop)',
      'PASS  internet -> shop/web 8080/TCP: expected no-reach, does not reach (pods only through the load balancer)',
      'PASS  shop/web -> svc:shop/api 80/TCP: expected reach, reaches',
      'PASS  internet -> shop/api 9000/TCP: expected no-reach, does not reach',
      'PASS  office -> lb:shop/admin 443/TCP: expected reach, reaches',
      'PASS  partner -> lb:shop/admin 443/TCP: expected no-reach, does not reach (outside loadBalancerSourceRanges)',
    ]);
    expect(r.out).toContain('6 passed, 0 failed');
  });

  it('fails the LB assertion under Local, with the hop that blocks it, and exits 1', async () => {
    const r = await netpol('check', 'samples/lb/local', '--assertions', ASSERTIONS, '--node-cidrs', NODES);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL  internet -> lb:shop/web 80/TCP: expected reach, does not reach');
    expect(r.out).toContain('BLOCK: the ingress policy of shop/web does not admit TCP 8080 from the client');
    expect(r.out).toContain('5 passed, 1 failed');
  });

  it('a direct-to-pod LB: the node-IP rule misses the LB addresses', async () => {
    const r = await netpol('check', 'samples/lb/cluster', '--assertions', ASSERTIONS, '--node-cidrs', NODES, '--lb-mode', 'direct-to-pod', '--lb-source-cidrs', '10.200.0.0/24');
    expect(r.code).toBe(1);
    expect(r.out).toContain("the load balancer's addresses (10.200.0.0/24)");
  });

  it('prints JSON results', async () => {
    const r = await netpol('check', 'samples/lb/cluster', '--assertions', ASSERTIONS, '--node-cidrs', NODES, '--format', 'json');
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ passed: 6, failed: 0 });
    expect(j.results[0]).toMatchObject({ ok: true, actual: 'reach' });
  });

  it('exits 2 on a bad assertions file, naming entry and field', async () => {
    const bad = tempFile('a.yaml', 'assertions:\n- {from: shop/web, to: shop/api, port: 80/HTTP, expect: reach}\n');
    const r = await netpol('check', 'samples/lb/cluster', '--assertions', bad);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain("assertions[0].port: protocol 'HTTP' must be TCP, UDP or SCTP");
  });

  it('exits 2 on names the manifests do not define', async () => {
    const bad = tempFile('a.yaml', 'assertions:\n- {from: shop/nope, to: shop/api, port: 80, expect: reach}\n');
    const r = await netpol('check', 'samples/lb/cluster', '--assertions', bad);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain("assertions[0].from: no workload named 'shop/nope'");
  });

  it('exits 2 without --assertions; --help works', async () => {
    expect((await netpol('check', 'samples/lb/cluster')).code).toBe(2);
    const h = await netpol('check', '--help');
    expect(h.code).toBe(0);
    expect(h.out).toContain('Usage: netpol check FILE_OR_DIR... --assertions FILE');
    expect((await netpol('--help')).out).toContain('check FILE_OR_DIR... --assertions FILE');
  });
});
