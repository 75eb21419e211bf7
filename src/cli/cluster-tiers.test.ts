// The CLI reads cluster-wide policies: explain prints the chain, analyze --format json keeps its
// contract (final verdicts only).
import { describe, expect, it } from 'vitest';
import { netpol } from './test-harness.ts';

const DIR = 'samples/cluster-tiers';

describe('netpol with cluster-wide tiers', () => {
  it('explain prints the Admin -> NetworkPolicy -> Baseline chain per side', async () => {
    const denied = await netpol('explain', DIR, '--from', 'web/frontend', '--to', 'db/postgres');
    expect(denied.code).toBe(0);
    expect(denied.out).toContain('Verdict: denied');
    expect(denied.out).toContain('Ingress at db/postgres: Admin `sensitive-ns` (priority 10) rule `deny-all`: Deny all — the NetworkPolicy allow `db/web-to-db` never takes effect for TCP 5432 → denied.');
    const passed = await netpol('explain', DIR, '--from', 'monitoring/prometheus', '--to', 'db/postgres', '--port', '9100');
    expect(passed.out).toContain('Verdict: allowed');
    expect(passed.out).toContain('rule `pass-monitoring`: Pass all → NetworkPolicy `db/allow-scrape` allows TCP 9100');
    const baseline = await netpol('explain', DIR, '--from', 'web/frontend', '--to', 'monitoring/prometheus');
    expect(baseline.out).toContain('on to the Baseline tier → Baseline `default` rule `deny-other-namespaces`: Deny all → denied');
  });

  it('analyze --format json reports the final verdicts, with no new fields', async () => {
    const { code, out } = await netpol('analyze', DIR, '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { connections: { src: string; dst: string }[] };
    const pairs = json.connections.map((c) => `${c.src}>${c.dst}`);
    expect(pairs).toContain('monitoring/prometheus>db/postgres');
    expect(pairs).not.toContain('web/frontend>db/postgres');
    expect(pairs).not.toContain('web/frontend>monitoring/prometheus');
  });
});
