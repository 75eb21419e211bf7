// Issue 8: a requirement the API rejects matches nothing, in the model as in the import, so a
// design (edited, restored or shared) holding one never widens access.
import { describe, expect, it } from 'vitest';
import { build } from '../conformance/builder.ts';
import type { LabelSelectorRequirement } from '../model/types.ts';
import { evaluate } from './evaluate.ts';
import { connBetween } from './reachability.ts';
import { isInvalidRequirement, matchesSelector } from './selectors.ts';

const INVALID: LabelSelectorRequirement[] = [
  { key: 'app', operator: 'NotIn' }, { key: 'app', operator: 'NotIn', values: [] }, { key: 'app', operator: 'In' },
  { key: 'app', operator: 'Exists', values: ['x'] }, { key: 'app', operator: 'DoesNotExist', values: ['x'] },
];

describe('invalid selector requirements match nothing', () => {
  it.each(INVALID)('%o', (req) => {
    expect(isInvalidRequirement(req)).toBe(true);
    expect(matchesSelector({ matchExpressions: [req] }, { app: 'attacker' })).toBe(false);
    expect(matchesSelector({ matchExpressions: [req] }, {})).toBe(false);
    const m = build()
      .ns('shop')
      .pod('shop', 'attacker', { app: 'attacker' })
      .pod('shop', 'db', { app: 'db' })
      .policy('shop', 'db', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchExpressions: [req] } }] }] });
    expect(connBetween(evaluate(m.model), 'shop/attacker', 'shop/db')).toEqual({ TCP: [], UDP: [], SCTP: [] });
  });

  it('valid requirements still match', () => {
    expect(matchesSelector({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['db'] }] }, { app: 'attacker' })).toBe(true);
    expect(matchesSelector({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, { app: 'attacker' })).toBe(true);
  });
});
