import { describe, expect, it } from 'vitest';
import { connOf } from '../policy/portset.ts';
import { reviewChanges, reviewMarks } from './changes.ts';
import { shopBase, shopEdited, withLoadBalancer } from './test-designs.ts';

describe('review changes ordered by risk', () => {
  it('puts new Internet exposure first, then cross-namespace reach, removed reach, then policy edits', () => {
    const changes = reviewChanges(shopBase(), shopEdited());
    expect(changes.map((c) => [c.kind, c.risk, c.title])).toEqual([
      ['external-exposure', 'high', 'External network internet can now reach shop/web (TCP 8080)'],
      ['cross-namespace', 'medium', 'shop/web can now reach data/pg (TCP 5432)'],
      // 0.0.0.0/0 covers the node addresses too: other nodes get in (medium: node traffic).
      ['reach-added', 'medium', 'nodes can now reach shop/web (TCP 8080)'],
      ['reach-removed', 'low', 'shop/api can no longer reach shop/web (was TCP 8080)'],
      ['policy-added', 'low', 'Policy data/allow-web added'],
      ['policy-added', 'low', 'Policy shop/allow-internet added'],
      ['policy-changed', 'low', 'Policy shop/deny changed (policyTypes)'],
      ['policy-deleted', 'low', 'Policy shop/allow-api-to-web deleted'],
    ]);
    expect(changes[0].added).toEqual(connOf('TCP', 8080));
    expect(changes[3].removed).toEqual(connOf('TCP', 8080));
    expect(changes[6].policyId).toBe('np:shop/deny');
    expect(changes.slice(4).map((c) => c.explanation)).toEqual([
      ['Named in the explanations of: shop/web → data/pg.'],
      ['Named in the explanations of: internet → shop/web, nodes → shop/web, shop/api → shop/web.'],
      ['Named in the explanations of: internet → shop/web, nodes → shop/web, shop/api → shop/web.'],
      ['See the reachability changes above for what this removes; none means the other policies already covered it.'],
    ]);
  });

  it('explains why new reach is allowed and removed reach is denied, in the new design', () => {
    const [exposure, , , removed] = reviewChanges(shopBase(), shopEdited());
    expect(exposure.explanation.some((l) => l.includes('shop/allow-internet ingress[0] allows TCP 8080'))).toBe(true);
    expect(removed.explanation.some((l) => l.includes('no rule admits shop/api'))).toBe(true);
    expect(removed.explanation.at(-1)).toContain('denied');
  });

  it('reports new exposure through a load balancer as high risk with the path', () => {
    const changes = reviewChanges(withLoadBalancer(shopBase()), withLoadBalancer(shopEdited()));
    const lb = changes.filter((c) => c.kind === 'lb-exposure');
    expect(lb).toHaveLength(1);
    expect(lb[0]).toMatchObject({
      risk: 'high',
      src: 'internet',
      dst: 'shop/web',
      serviceId: 'svc:shop/web-lb',
      cidrs: ['0.0.0.0/0'],
      added: connOf('TCP', 8080),
    });
    expect(lb[0].title).toBe(
      'internet can now reach shop/web through load balancer and node port shop/web-lb (service port TCP 443 → 8080) from 0.0.0.0/0',
    );
    expect(lb[0].explanation).toContain('service port 443/TCP -> targetPort 8080 on shop/web');
    // Both high-risk entries come before everything else.
    expect(changes.slice(0, 2).map((c) => c.kind)).toEqual(['external-exposure', 'lb-exposure']);
  });

  it('reports taking exposure away as low risk after the added reach', () => {
    const changes = reviewChanges(withLoadBalancer(shopEdited()), withLoadBalancer(shopBase()));
    expect(changes.map((c) => [c.kind, c.risk])).toEqual([
      ['reach-added', 'low'],
      ['reach-removed', 'low'],
      ['reach-removed', 'low'],
      ['reach-removed', 'low'],
      ['exposure-removed', 'low'],
      ['policy-added', 'low'],
      ['policy-changed', 'low'],
      ['policy-deleted', 'low'],
      ['policy-deleted', 'low'],
    ]);
    expect(changes[0].title).toBe('shop/api can now reach shop/web (TCP 8080)');
  });

  it('finds nothing to review between identical designs', () => {
    expect(reviewChanges(shopBase(), shopBase())).toEqual([]);
  });

  it('marks canvas edges and policies', () => {
    const marks = reviewMarks(reviewChanges(withLoadBalancer(shopBase()), withLoadBalancer(shopEdited())));
    expect(marks.edges).toEqual({
      'ext:internet->wl:shop/Deployment/web': 'added',
      'ext:internet->lb:svc:shop/web-lb': 'added',
      'lb:svc:shop/web-lb->wl:shop/Deployment/web': 'added',
      'wl:shop/Deployment/web->wl:data/Deployment/pg': 'added',
      'node->wl:shop/Deployment/web': 'added',
      'wl:shop/Deployment/api->wl:shop/Deployment/web': 'removed',
    });
    expect(marks.policies).toEqual({
      'np:data/allow-web': 'added',
      'np:shop/allow-internet': 'added',
      'np:shop/deny': 'changed',
      'np:shop/allow-api-to-web': 'deleted',
    });
  });
});
