import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import { addIntent, addNamespace, addWorkload, setNamespaceDefaults } from './commands.ts';
import { parseDesignFile, serializeDoc } from './file-format.ts';

function designed() {
  let d = emptyDoc('t');
  d = addNamespace(d, { id: 'ns', name: 'shop', at: { x: 0, y: 0 } });
  d = addWorkload(d, { id: 'web', namespaceId: 'ns', name: 'web', at: { x: 20, y: 60 } });
  d = addWorkload(d, { id: 'db', namespaceId: 'ns', name: 'db', at: { x: 250, y: 60 } });
  d = setNamespaceDefaults(d, 'ns', { denyIngress: true, denyEgress: false, allowDns: false });
  d = addIntent(d, { id: 'i', fromId: 'web', toId: 'db', ports: [{ protocol: 'TCP', port: 5432 }] });
  return d;
}

describe('generated policies of a loaded design', () => {
  it('loads a saved design unchanged and without a warning when its generated policies are current', () => {
    const d = designed();
    const r = parseDesignFile(serializeDoc(d));
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings.filter((w) => w.includes('generated'))).toEqual([]);
    expect(JSON.parse(JSON.stringify(r.doc.model.policies))).toEqual(JSON.parse(JSON.stringify(d.model.policies)));
  });

  it('re-derives generated policies edited in storage (a widened rule is not trusted) and says so', () => {
    const d = designed();
    const file = JSON.parse(serializeDoc(d));
    const gen = Object.values(file.doc.model.policies as Record<string, { generated?: { by: string }; ingress?: unknown[] }>)
      .find((p) => p.generated?.by === 'intents' && p.ingress?.length);
    expect(gen).toBeDefined();
    gen!.ingress = [{}]; // allow everything from everywhere
    const r = parseDesignFile(JSON.stringify(file));
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings.some((w) => /generated polic.* re-derived/.test(w))).toBe(true);
    expect(JSON.parse(JSON.stringify(r.doc.model.policies))).toEqual(JSON.parse(JSON.stringify(d.model.policies)));
  });

  it('drops a forged generated policy no intent asks for', () => {
    const d = designed();
    const file = JSON.parse(serializeDoc(d));
    file.doc.model.policies['forged'] = {
      id: 'forged', namespaceId: 'ns', name: 'allow-all', podSelector: {}, policyTypes: ['Ingress'], ingress: [{}], generated: { by: 'intents' },
    };
    const r = parseDesignFile(JSON.stringify(file));
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.model.policies.forged).toBeUndefined();
    expect(r.warnings.some((w) => /re-derived/.test(w))).toBe(true);
  });
});
