import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import type { Doc, NetworkPolicy } from '../model/types.ts';
import {
  addRule, duplicatePolicyObject, nameTakenError, newPolicy, peerAsKind, peerKind, removeRule, replaceRule,
  takeOverPolicy, withPolicyType, withRulePeers, withRulePorts,
} from './commands-panels.ts';

function docWith(policies: NetworkPolicy[]): Doc {
  const d = emptyDoc();
  d.model.namespaces['ns:shop'] = { id: 'ns:shop', name: 'shop', labels: {} };
  d.model.namespaces['ns:ops'] = { id: 'ns:ops', name: 'ops', labels: {} };
  for (const p of policies) d.model.policies[p.id] = p;
  return d;
}

const base: NetworkPolicy = { id: 'np:shop/a', namespaceId: 'ns:shop', name: 'a', podSelector: {} };

describe('names', () => {
  it('refuses a policy name used in the same namespace, allows it in another', () => {
    const m = docWith([base, { ...base, id: 'np:shop/b', name: 'b' }]).model;
    expect(nameTakenError(m, 'policy', 'a', 'np:shop/b', 'ns:shop')).toMatch(/already used/);
    expect(nameTakenError(m, 'policy', 'a', 'np:ops/x', 'ns:ops')).toBeNull();
    expect(nameTakenError(m, 'policy', 'a', 'np:shop/a', 'ns:shop')).toBeNull();
  });
  it('refuses a namespace name that exists', () => {
    const m = docWith([]).model;
    expect(nameTakenError(m, 'namespace', 'ops', 'ns:shop')).toMatch(/already used/);
  });
  it('new and duplicated policies get free names and the copy is hand-written', () => {
    const m = docWith([{ ...base, name: 'new-policy', generated: { by: 'intents' } }]).model;
    expect(newPolicy(m, 'ns:shop').name).toBe('new-policy-2');
    const copy = duplicatePolicyObject(m, 'np:shop/a')!;
    expect(copy.name).toBe('new-policy-copy');
    expect(copy.generated).toBeUndefined();
    expect(copy.id).not.toBe('np:shop/a');
  });
});

describe('rule edits', () => {
  it('adding an egress rule to an Ingress-only policy also lists Egress, so the rule takes effect', () => {
    const np = addRule({ ...base, policyTypes: ['Ingress'] }, 'Egress');
    expect(np.egress).toEqual([{}]);
    expect(np.policyTypes).toEqual(['Ingress', 'Egress']);
  });
  it('keeps absent policyTypes absent when adding a rule', () => {
    expect(addRule(base, 'Ingress').policyTypes).toBeUndefined();
  });
  it('replaces and removes rules by index', () => {
    let np = addRule(addRule(base, 'Ingress'), 'Ingress');
    np = replaceRule(np, 'Ingress', 1, { ports: [{ port: 80 }] });
    expect(np.ingress).toEqual([{}, { ports: [{ port: 80 }] }]);
    expect(removeRule(np, 'Ingress', 0).ingress).toEqual([{ ports: [{ port: 80 }] }]);
  });
  it('drops `from`/`ports` when emptied (absent = all), keeps them otherwise', () => {
    expect(withRulePeers({ from: [{ podSelector: {} }] }, 'Ingress', [])).toEqual({});
    expect(withRulePeers({}, 'Egress', [{ ipBlock: { cidr: '10.0.0.0/8' } }])).toEqual({ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] });
    expect(withRulePorts({ ports: [{ port: 80 }] }, [])).toEqual({});
  });
  it('switches peer kinds keeping the selectors that still apply', () => {
    const p = { podSelector: { matchLabels: { app: 'web' } } };
    expect(peerKind(p)).toBe('pods');
    const both = peerAsKind(p, 'pods-in-namespaces');
    expect(both).toEqual({ podSelector: { matchLabels: { app: 'web' } }, namespaceSelector: {} });
    expect(peerKind(both)).toBe('pods-in-namespaces');
    expect(peerAsKind(both, 'ipBlock')).toEqual({ ipBlock: { cidr: '0.0.0.0/0' } });
  });
  it('writes policyTypes explicitly from the effective set', () => {
    expect(withPolicyType(base, 'Egress', true, new Set(['Ingress'])).policyTypes).toEqual(['Ingress', 'Egress']);
    expect(withPolicyType(base, 'Ingress', false, new Set(['Ingress', 'Egress'])).policyTypes).toEqual(['Egress']);
  });
});

describe('take over', () => {
  it('returns the new id of the adopted, no longer generated policy', () => {
    const gen: NetworkPolicy = { ...base, id: 'gen:x', name: 'allow-web', generated: { by: 'intents' } };
    const { doc, id } = takeOverPolicy(docWith([gen]), 'gen:x');
    expect(doc.model.policies[id].name).toBe('allow-web');
    expect(doc.model.policies[id].generated).toBeUndefined();
  });
});
