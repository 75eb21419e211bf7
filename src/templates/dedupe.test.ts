import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import { addNamespace, addWorkload, upsertPolicy } from '../doc/commands.ts';
import { applyTemplate } from '../doc/commands-lb.ts';

describe('a pattern never duplicates a policy that already does the same', () => {
  function doc() {
    let d = addNamespace(emptyDoc('t'), { id: 'ns:shop', name: 'shop', at: { x: 0, y: 0 } });
    d = addWorkload(d, { id: 'web', namespaceId: 'ns:shop', name: 'web', ports: [{ containerPort: 8080 }], at: { x: 20, y: 60 } });
    // The user's own default deny, named differently.
    return upsertPolicy(d, { id: 'np:shop/deny-all-in', namespaceId: 'ns:shop', name: 'deny-all-in', podSelector: {}, policyTypes: ['Ingress'] });
  }

  it('public entry leaves out its default-deny-ingress and says which policy already does it', () => {
    const r = applyTemplate(doc(), { id: 'public-entry', options: { workloadIds: ['web'] } });
    const names = Object.values(r.doc.model.policies).map((p) => p.name).sort();
    expect(names).not.toContain('default-deny-ingress');
    expect(names).toContain('deny-all-in');
    expect(r.summary.join('\n')).toMatch(/default-deny-ingress was not added: deny-all-in already does the same/);
    expect(r.created.every((id) => r.doc.model.policies[id] || r.doc.model.services[id])).toBe(true);
  });

  it('applying the same pattern twice adds nothing the second time', () => {
    const once = applyTemplate(doc(), { id: 'public-entry', options: { workloadIds: ['web'] } });
    const twice = applyTemplate(once.doc, { id: 'public-entry', options: { workloadIds: ['web'] } });
    expect(Object.keys(twice.doc.model.policies).sort()).toEqual(Object.keys(once.doc.model.policies).sort());
  });
});
