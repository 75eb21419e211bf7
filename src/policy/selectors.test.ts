import { describe, expect, it } from 'vitest';
import { matchesSelector, namespaceLabels, selectorKey, validateSelector } from './selectors.ts';

describe('label selectors', () => {
  const web = { app: 'web', tier: 'front' };
  it('empty selector matches everything', () => {
    expect(matchesSelector({}, web)).toBe(true);
    expect(matchesSelector({}, {})).toBe(true);
  });
  it('matchLabels and matchExpressions are ANDed', () => {
    expect(matchesSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }] }, web)).toBe(true);
    expect(matchesSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }] }, web)).toBe(false);
  });
  it('NotIn matches objects without the key; DoesNotExist only those', () => {
    expect(matchesSelector({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, web)).toBe(true);
    expect(matchesSelector({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, { env: 'prod' })).toBe(false);
    expect(matchesSelector({ matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, web)).toBe(true);
    expect(matchesSelector({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, web)).toBe(false);
    expect(matchesSelector({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, web)).toBe(true);
  });
  it('is case sensitive and does not treat a missing key as empty string', () => {
    expect(matchesSelector({ matchLabels: { app: 'Web' } }, web)).toBe(false);
    expect(matchesSelector({ matchLabels: { env: '' } }, web)).toBe(false);
    expect(matchesSelector({ matchLabels: { env: '' } }, { env: '' })).toBe(true);
  });
  it('validates requirement shapes', () => {
    expect(validateSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] }, 'spec.podSelector')).toEqual([
      { path: 'spec.podSelector.matchExpressions[0].values', message: 'must be specified when operator is In' },
    ]);
    expect(validateSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, 's')[0].message).toBe('may not be specified when operator is Exists');
    expect(validateSelector({ matchExpressions: [{ key: 'a', operator: 'Equals' as never, values: ['x'] }] }, 's')[0].path).toBe('s.matchExpressions[0].operator');
    expect(validateSelector({ matchLabels: { a: 'b' }, matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['x'] }] }, 's')).toEqual([]);
  });
  it('namespace labels always carry kubernetes.io/metadata.name', () => {
    expect(namespaceLabels({ id: 'ns:x', name: 'x', labels: { team: 'a' } })).toEqual({ team: 'a', 'kubernetes.io/metadata.name': 'x' });
  });
  it('selector keys ignore ordering', () => {
    expect(selectorKey({ matchLabels: { a: '1', b: '2' } })).toBe(selectorKey({ matchLabels: { b: '2', a: '1' } }));
    expect(selectorKey({ matchLabels: { a: '1' } })).not.toBe(selectorKey({ matchLabels: { a: '2' } }));
  });
});
