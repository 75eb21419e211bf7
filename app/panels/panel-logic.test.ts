// Form logic of the panels that runs without a browser: field parsing and live policy validation.
import { describe, expect, it } from 'vitest';
import type { NetworkPolicy } from '../../src/model/types.ts';
import { cidrError, duplicateKeyError, portNumberError, portOrNameError, rowsToLabels, toPortOrName } from './fields/parse.ts';
import { policyPortsToRows, rowsToPolicyPorts } from './fields/PolicyPortsEditor.tsx';
import { policyProblems } from './policies/policy-problems.ts';
import { yamlFileName } from '../state/download.ts';

describe('field parsing', () => {
  it('accepts port numbers and IANA names, refuses the rest', () => {
    expect(portOrNameError('8080')).toBeNull();
    expect(portOrNameError('http')).toBeNull();
    expect(portOrNameError('70000')).toMatch(/1-65535/);
    expect(portOrNameError('Http_Port')).not.toBeNull();
    expect(portOrNameError('', true)).toBeNull();
    expect(portNumberError('65535')).toBeNull();
    expect(portNumberError('0')).toMatch(/outside 1-65535/);
    expect(toPortOrName(' 53 ')).toBe(53);
    expect(toPortOrName('dns')).toBe('dns');
  });
  it('refuses CIDRs with host bits and suggests the network', () => {
    expect(cidrError('10.0.0.0/8')).toBeNull();
    expect(cidrError('10.1.2.3/8')).toMatch(/10\.0\.0\.0\/8/);
    expect(cidrError('nope')).not.toBeNull();
  });
  it('flags duplicate label keys and trims rows into a map', () => {
    const rows = [{ key: 'app', value: 'web' }, { key: 'app ', value: 'x' }];
    expect(duplicateKeyError(rows, 1)).toMatch(/twice/);
    expect(rowsToLabels([{ key: ' app', value: 'web ' }])).toEqual({ app: 'web' });
  });
  it('round-trips policy ports, keeping absent port as "all ports"', () => {
    const ports = [{ protocol: 'UDP' as const }, { protocol: 'TCP' as const, port: 8000, endPort: 8080 }, { protocol: 'TCP' as const, port: 'http' }];
    expect(rowsToPolicyPorts(policyPortsToRows(ports))).toEqual(ports);
  });
  it('names the download after the design', () => {
    expect(yamlFileName('Shop: prod design')).toBe('shop-prod-design.yaml');
    expect(yamlFileName('  ')).toBe('design.yaml');
  });
});

describe('live policy validation', () => {
  const np: NetworkPolicy = { id: 'p', namespaceId: 'ns:a', name: 'p', podSelector: {} };
  it('accepts a valid policy', () => {
    expect(policyProblems({ ...np, ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 80 }] }] })).toEqual([]);
  });
  it('names the field of an invalid peer and an endPort without numeric port', () => {
    const problems = policyProblems({
      ...np,
      ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }] }, { ports: [{ port: 'http', endPort: 90 }] }],
    });
    const paths = problems.map((p) => p.path).join(' ');
    expect(paths).toMatch(/spec\.ingress\[0\]\.from\[0\]/);
    expect(paths).toMatch(/spec\.ingress\[1\]\.ports\[0\]\.endPort/);
    expect(problems.every((p) => !/removed|not imported/.test(p.message))).toBe(true);
  });
});
