import { describe, expect, it } from 'vitest';
import { diffLines, sideBySideRows, unifiedDiff } from './line-diff.ts';
import { yamlDiff, yamlDiffByObject } from './yaml-diff.ts';
import { manifestDiff } from './manifest-diff.ts';
import { addPolicy, addWorkload, newModel } from '../services/test-model.ts';

describe('line diff', () => {
  it('finds the shortest edit script', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'c'])).toEqual(['=', '-', '=']);
    expect(diffLines(['a', 'c'], ['a', 'b', 'c'])).toEqual(['=', '+', '=']);
    expect(diffLines([], ['x'])).toEqual(['+']);
    expect(diffLines(['x'], [])).toEqual(['-']);
    expect(diffLines(['a', 'b'], ['a', 'b'])).toEqual(['=', '=']);
    // ABCABBA -> CBABAC has an edit distance of 5 (the classic Myers example).
    const ops = diffLines([...'ABCABBA'], [...'CBABAC']);
    expect(ops.filter((o) => o !== '=')).toHaveLength(5);
  });

  it('replays to the new text', () => {
    const a = [...'the quick brown fox jumps'];
    const b = [...'a quick brown dog jumped'];
    const ops = diffLines(a, b);
    const out: string[] = [];
    let i = 0;
    let j = 0;
    for (const o of ops) {
      if (o === '=') { expect(a[i]).toBe(b[j]); out.push(a[i++]); j++; }
      else if (o === '-') i++;
      else out.push(b[j++]);
    }
    expect(out.join('')).toBe(b.join(''));
  });

  it('pairs a removed run with the following added run as changed rows', () => {
    const rows = sideBySideRows(['a', 'old1', 'old2', 'z'], ['a', 'new1', 'z', 'tail']);
    expect(rows).toEqual([
      { kind: 'same', left: { n: 1, text: 'a' }, right: { n: 1, text: 'a' } },
      { kind: 'changed', left: { n: 2, text: 'old1' }, right: { n: 2, text: 'new1' } },
      { kind: 'removed', left: { n: 3, text: 'old2' } },
      { kind: 'same', left: { n: 4, text: 'z' }, right: { n: 3, text: 'z' } },
      { kind: 'added', right: { n: 4, text: 'tail' } },
    ]);
  });

  it('writes unified hunks with context', () => {
    const a = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
    const b = ['1', '2', '3', '4', '5', 'six', '7', '8', '9', '10'];
    expect(unifiedDiff(a, b, { left: 'base', right: 'new' }, 2)).toBe(
      '--- base\n+++ new\n@@ -4,5 +4,5 @@\n 4\n 5\n-6\n+six\n 7\n 8\n',
    );
    expect(unifiedDiff(a, a)).toBe('');
  });
});

const base = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-web
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: web
  ingress:
  - ports:
    - port: 80
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: old
  namespace: shop
spec:
  podSelector: {}
`;

const next = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-web
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: web
  ingress:
  - ports:
    - port: 443
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: fresh
  namespace: shop
spec:
  podSelector: {}
`;

describe('YAML manifest diff', () => {
  it('aligns the whole texts and counts changed lines', () => {
    const d = yamlDiff(base, next);
    expect(d.rows.filter((r) => r.kind !== 'same')).toEqual([
      { kind: 'changed', left: { n: 17, text: '    - port: 80' }, right: { n: 17, text: '    - port: 443' } },
      { kind: 'changed', left: { n: 22, text: '  name: old' }, right: { n: 22, text: '  name: fresh' } },
    ]);
    expect([d.added, d.removed]).toEqual([2, 2]);
    expect(d.unified).toContain('-    - port: 80\n+    - port: 443\n');
  });

  it('groups the diff per Kubernetes object', () => {
    const objs = yamlDiffByObject(base, next);
    expect(objs.map((o) => [o.key, o.status])).toEqual([
      ['Namespace shop', 'same'],
      ['NetworkPolicy shop/allow-web', 'changed'],
      ['NetworkPolicy shop/old', 'removed'],
      ['NetworkPolicy shop/fresh', 'added'],
    ]);
    const changed = objs[1].rows.filter((r) => r.kind !== 'same');
    expect(changed).toEqual([{ kind: 'changed', left: { n: 17, text: '    - port: 80' }, right: { n: 17, text: '    - port: 443' } }]);
    expect(objs[3].rows[0]).toEqual({ kind: 'added', right: { n: 19, text: 'apiVersion: networking.k8s.io/v1' } });
  });
});

describe('manifest diff of two designs', () => {
  it('shows a policy port change as one changed object', () => {
    const base = newModel();
    addWorkload(base, 'shop', 'web', { app: 'web' });
    addPolicy(base, 'shop', 'allow-web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 80 }] }] });
    const next = JSON.parse(JSON.stringify(base));
    next.policies['np:shop/allow-web'].ingress[0].ports[0].port = 443;
    const d = manifestDiff(base, next);
    expect(d.objects.map((o) => [o.key, o.status])).toEqual([
      ['Namespace shop', 'same'],
      ['NetworkPolicy shop/allow-web', 'changed'],
    ]);
    const changed = d.rows.filter((r) => r.kind !== 'same').map((r) => [r.kind, r.left?.text.trim(), r.right?.text.trim()]);
    expect(changed).toEqual([['changed', 'port: 80', 'port: 443']]);
  });
});
