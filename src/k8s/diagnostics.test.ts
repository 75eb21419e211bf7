import { describe, it, expect } from 'vitest';
import { formatDiagnostic, hasErrors } from './diagnostics.ts';

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
