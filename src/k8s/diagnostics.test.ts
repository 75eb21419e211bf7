import { describe, it, expect } from 'vitest';
import { diagnosticObjectId, formatDiagnostic, hasErrors } from './diagnostics.ts';
import { importManifests } from './import.ts';

describe('formatDiagnostic', () => {
  it('writes file:line: object: path: message for errors', () => {
    expect(formatDiagnostic({ severity: 'error', file: 'np.yaml', line: 12, doc: 2, object: 'NetworkPolicy shop/x', path: 'spec.ingress[0].ports[0].port', message: 'port 70000 is out of range (1-65535)' }))
      .toBe('np.yaml:12: NetworkPolicy shop/x: spec.ingress[0].ports[0].port: port 70000 is out of range (1-65535)');
  });
  it('names the document when the line is unknown and tags warnings', () => {
    expect(formatDiagnostic({ severity: 'warning', file: 'a.json', doc: 3, message: 'document is not a mapping (object); skipped' }))
      .toBe('a.json (document 3): warning: document is not a mapping (object); skipped');
  });
  it('hasErrors ignores warnings and info', () => {
    expect(hasErrors([{ severity: 'warning', file: 'f', message: 'm' }, { severity: 'info', file: 'f', message: 'm' }])).toBe(false);
    expect(hasErrors([{ severity: 'error', file: 'f', message: 'm' }])).toBe(true);
  });
});

describe('diagnosticObjectId', () => {
  it('finds the imported object a diagnostic is about, by the label the importer writes', () => {
    const yaml = [
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec: {selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, ports: [{containerPort: 70000}]}]}}}',
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {}, ingress: [{ports: [{port: 0}, {port: 80}]}]}',
    ].join('\n---\n');
    const { model, diagnostics } = importManifests([{ name: 'a.yaml', text: yaml }]);
    const objects = diagnostics.map((d) => d.object);
    expect(objects).toContain('Deployment shop/web');
    expect(objects).toContain('NetworkPolicy shop/deny');
    expect(diagnosticObjectId(model, 'Deployment shop/web')).toBe(Object.keys(model.workloads)[0]);
    expect(diagnosticObjectId(model, 'NetworkPolicy shop/deny')).toBe(Object.keys(model.policies)[0]);
    expect(diagnosticObjectId(model, 'Namespace shop')).toBe(Object.keys(model.namespaces)[0]);
    expect(diagnosticObjectId(model, 'Deployment shop/gone')).toBeUndefined();
    expect(diagnosticObjectId(model, undefined)).toBeUndefined();
  });
});
