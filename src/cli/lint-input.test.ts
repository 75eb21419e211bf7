// `netpol lint` on input kubectl would refuse: the problems are findings and the exit code is 1.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netpol, tempDir } from './test-harness.ts';

const TYPO = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  - form:
    - podSelector: {matchLabels: {app: api}}
`;

const DEEP_TYPO = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx
        livenesProbe: {httpGet: {path: /healthz, port: 80}}
`;

describe('netpol lint on bad input', () => {
  it('lists an unknown field as a finding and exits 1 without --fail-on', async () => {
    const dir = tempDir('lint-input');
    writeFileSync(join(dir, 'np.yaml'), TYPO);
    const { code, out } = await netpol('lint', dir, '--format', 'json');
    expect(code).toBe(1);
    const findings = JSON.parse(out).findings as { id: string; severity: string; object?: string; path?: string; message: string }[];
    expect(findings[0]).toEqual({
      id: 'L-INPUT-01', severity: 'error', object: 'NetworkPolicy shop/db', path: 'spec.ingress[0].form',
      message: `unknown field "form" (did you mean \`from\`?); rule removed (${join(dir, 'np.yaml')}:7)`,
    });
  });

  it('lists an unknown field deep in a pod template (a misspelt probe) as a finding too', async () => {
    const dir = tempDir('lint-input');
    writeFileSync(join(dir, 'web.yaml'), DEEP_TYPO);
    const { code, out } = await netpol('lint', dir, '--format', 'json');
    expect(code).toBe(1);
    const findings = JSON.parse(out).findings as { id: string; severity: string; object?: string; path?: string; message: string }[];
    expect(findings.filter((f) => f.id === 'L-INPUT-01')).toEqual([{
      id: 'L-INPUT-01', severity: 'error', object: 'Deployment shop/web', path: 'spec.template.spec.containers[0].livenesProbe',
      message: `unknown field "livenesProbe" (did you mean \`livenessProbe\`?); kubectl's strict validation refuses this object (${join(dir, 'web.yaml')}:12)`,
    }]);
    writeFileSync(join(dir, 'web.yaml'), DEEP_TYPO.replace('livenesProbe', 'livenessProbe'));
    const clean = await netpol('lint', dir, '--format', 'json');
    expect((JSON.parse(clean.out).findings as { id: string }[]).filter((f) => f.id === 'L-INPUT-01')).toEqual([]);
  });

  it('warns about matchLabels: null (it selects every pod); warnings alone exit 0, 1 with --fail-on warning', async () => {
    const dir = tempDir('lint-input');
    writeFileSync(join(dir, 'np.yaml'), TYPO.replace('form:', 'from:').replace('{matchLabels: {app: api}}', '{matchLabels: null}'));
    const { code, out } = await netpol('lint', dir, '--format', 'json');
    expect(code).toBe(0);
    const findings = JSON.parse(out).findings as { id: string }[];
    expect(findings.filter((f) => f.id === 'L-INPUT-01')).toEqual([{
      id: 'L-INPUT-01', severity: 'warning', object: 'NetworkPolicy shop/db', path: 'spec.ingress[0].from[0].podSelector.matchLabels',
      message: `matchLabels: null is the same as no matchLabels: this selector matches every pod of the namespace; write {} if that is meant (${join(dir, 'np.yaml')}:8)`,
    }]);
    expect((await netpol('lint', dir, '--fail-on', 'warning')).code).toBe(1);
  });

  it('exits 0 on clean input', async () => {
    const dir = tempDir('lint-input');
    writeFileSync(join(dir, 'np.yaml'), TYPO.replace('form:', 'from:'));
    expect((await netpol('lint', dir)).code).toBe(0);
  });
});
