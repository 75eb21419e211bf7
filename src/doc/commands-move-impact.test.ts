import { describe, it, expect } from 'vitest';
import { emptyDoc } from '../model/factory.ts';
import { addLoadBalancer, addNamespace, addWorkload, upsertPolicy } from './commands.ts';
import { namespaceMoveImpact } from './commands-move-impact.ts';

function doc() {
  let d = emptyDoc();
  d = addNamespace(d, { id: 'a', name: 'shop', at: { x: 0, y: 0 } });
  d = addNamespace(d, { id: 'b', name: 'data', at: { x: 500, y: 0 } });
  d = addWorkload(d, { id: 'w', namespaceId: 'a', name: 'api', at: { x: 20, y: 60 } });
  d = addLoadBalancer(d, { id: 's', namespaceId: 'a', name: 'api-lb', selector: { app: 'api' }, at: { x: -300, y: 0 } });
  d = upsertPolicy(d, { id: 'p1', namespaceId: 'a', name: 'deny-all', podSelector: {} });
  d = upsertPolicy(d, { id: 'p2', namespaceId: 'b', name: 'api-only', podSelector: { matchLabels: { app: 'api' } } });
  d = upsertPolicy(d, { id: 'p3', namespaceId: 'b', name: 'db-only', podSelector: { matchLabels: { app: 'db' } } });
  return d;
}

describe('namespaceMoveImpact', () => {
  it('names the policies lost and gained (podSelector only selects in its own namespace) and services', () => {
    const lines = namespaceMoveImpact(doc().model, 'w', 'b');
    expect(lines[0]).toContain("from namespace 'shop' to 'data'");
    expect(lines).toContain("Policies of 'shop' will no longer select it: 'deny-all'.");
    expect(lines).toContain("Policies of 'data' will select it: 'api-only'.");
    expect(lines).toContain("It stops being a backend of Service 'api-lb' in 'shop'.");
    expect(lines.join(' ')).not.toContain('db-only');
  });

  it('says nothing for a move into the same namespace', () => {
    expect(namespaceMoveImpact(doc().model, 'w', 'a')).toEqual([]);
  });
});
