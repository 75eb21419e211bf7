import { describe, it, expect } from 'vitest';
import { emptyModel } from '../model/factory.ts';
import { validateModel } from './validate-model.ts';

describe('validateModel (before export)', () => {
  it('reports the same problems the importer would, named by object and path', () => {
    const m = emptyModel();
    m.namespaces['ns:a'] = { id: 'ns:a', name: 'a', labels: { 'bad key!': 'x' } };
    m.policies['p'] = {
      id: 'p', namespaceId: 'ns:a', name: 'p', podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] },
      policyTypes: ['Ingress'], ingress: [{ from: [{ ipBlock: { cidr: '10.1.2.3/8' } }], ports: [{ port: 80, endPort: 70 }, { port: 443 }] }],
    };
    const ds = validateModel(m);
    expect(ds.map((d) => [d.severity, d.object, d.path])).toEqual([
      ['error', 'Namespace a', 'metadata.labels.bad key!'],
      ['error', 'NetworkPolicy a/p', 'spec.podSelector.matchExpressions[0].values'],
      ['error', 'NetworkPolicy a/p', 'spec.ingress[0].ports[0].endPort'],
      ['error', 'NetworkPolicy a/p', 'spec.ingress[0].ports[0]'],
      ['error', 'NetworkPolicy a/p', 'spec.podSelector'],
      ['warning', 'NetworkPolicy a/p', 'spec.ingress[0].from[0].ipBlock.cidr'],
    ]);
    expect(ds[2].message).toBe('endPort 70 is less than port 80');
  });

  it('finds nothing wrong with a valid design', () => {
    const m = emptyModel();
    m.namespaces['ns:a'] = { id: 'ns:a', name: 'a', labels: { team: 'x' } };
    m.policies['p'] = { id: 'p', namespaceId: 'ns:a', name: 'p', podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] };
    expect(validateModel(m)).toEqual([]);
  });
});
