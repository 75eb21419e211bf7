// `netpol diff` ranks changes like the designer's review: external and load-balancer exposure
// first, then cross-namespace reach, then the rest; --fail-on counts load-balancer exposure.

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netpol, repo, tempDir } from './test-harness.ts';

const SHOP = 'samples/online-shop';
const LB_OPEN = 'samples/lb/cluster'; // the internet reaches shop/web through its load balancer
const LB_CLOSED = 'samples/lb/local'; // externalTrafficPolicy: Local: the backend's policy refuses clients

interface Change {
  kind: string;
  risk: string;
  title: string;
  src?: string;
  dst?: string;
}

/** The shop where any address may reach the cart's gRPC port, and checkout no longer may. */
function riskyShop(): string {
  const dir = tempDir('netpol-diff-');
  cpSync(join(repo, SHOP), dir, { recursive: true });
  const cart = join(dir, 'cart.yaml');
  const text = readFileSync(cart, 'utf8');
  const changed = text
    .replace('  ingress:\n    - from:\n', '  ingress:\n    - from:\n        - ipBlock:\n            cidr: 0.0.0.0/0\n      ports:\n        - port: grpc\n    - from:\n')
    .replace('        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: checkout\n      ports:\n        - port: grpc\n', '      ports:\n        - port: grpc\n');
  expect(changed).not.toBe(text);
  writeFileSync(cart, changed);
  return dir;
}

async function changesOf(...argv: string[]): Promise<Change[]> {
  const r = await netpol('diff', ...argv, '--format', 'json');
  expect(r.err).toEqual([]);
  return (JSON.parse(r.out) as { changes: Change[] }).changes;
}

describe('netpol diff: load-balancer exposure', () => {
  it('reports exposure gained through a load balancer as a HIGH change, and --fail-on added fails on it', async () => {
    const changes = await changesOf(LB_CLOSED, LB_OPEN);
    expect(changes[0]).toMatchObject({ kind: 'lb-exposure', risk: 'high', src: 'internet', dst: 'shop/web' });
    expect(changes[0].title).toContain('through load balancer');
    // No endpoint pair changed: only the load-balancer path did.
    const r = await netpol('diff', LB_CLOSED, LB_OPEN, '--format', 'json');
    expect(JSON.parse(r.out).connections).toEqual([]);
    expect((await netpol('diff', LB_CLOSED, LB_OPEN, '--fail-on', 'added')).code).toBe(1);
    expect((await netpol('diff', LB_CLOSED, LB_OPEN, '--fail-on', 'removed')).code).toBe(0);
  });

  it('reports exposure lost, and says so in the table and the Markdown', async () => {
    const changes = await changesOf(LB_OPEN, LB_CLOSED);
    expect(changes).toEqual([expect.objectContaining({ kind: 'exposure-removed', risk: 'low', src: 'internet', dst: 'shop/web' })]);
    expect((await netpol('diff', LB_OPEN, LB_CLOSED, '--fail-on', 'removed')).code).toBe(1);
    expect((await netpol('diff', LB_OPEN, LB_CLOSED, '--fail-on', 'added')).code).toBe(0);
    const table = await netpol('diff', LB_OPEN, LB_CLOSED);
    expect(table.out).toMatch(/^ {2}1\. LOW {4}internet can no longer reach shop\/web through load balancer/m);
    const md = await netpol('diff', LB_CLOSED, LB_OPEN, '--format', 'md');
    expect(md.out.startsWith('## Changes, most risky first\n\n1 change, most risky first: 1 high, 0 medium, 0 low.\n\n1. **HIGH** internet can now reach shop/web through')).toBe(true);
    expect(md.out).toContain('## Reachability changes');
  });
});

describe('netpol diff: risk order', () => {
  it('external exposure, then cross-namespace, then the rest, as in the review', async () => {
    const changes = await changesOf(SHOP, riskyShop());
    const pairs = changes.filter((c) => c.src !== undefined);
    // 0.0.0.0/0 admits the internet (the part outside the cluster ranges; no node range is set).
    expect(pairs.map((c) => [c.kind, c.src!.replace(/ \[.*\]$/, ''), c.dst])).toEqual([
      ['external-exposure', 'internet', 'shop/cart'],
      ['reach-removed', 'shop/checkout', 'shop/cart'],
    ]);
    expect(changes.map((c) => c.risk)).toEqual(['high', 'low', 'low']);
    expect(changes.at(-1)).toMatchObject({ kind: 'policy-changed', title: expect.stringContaining('shop/cart') });
  });

  it('--exposure keeps exposure changes only; --focus the changes touching a workload', async () => {
    const dir = riskyShop();
    expect((await changesOf(SHOP, dir, '--exposure')).map((c) => c.kind)).toEqual(['external-exposure']);
    const focused = await changesOf(SHOP, dir, '--focus', 'shop/checkout');
    expect(focused.map((c) => [c.kind, c.src])).toEqual([['reach-removed', 'shop/checkout']]);
    const r = await netpol('diff', SHOP, dir, '--focus', 'shop/checkout', '--format', 'json');
    expect(JSON.parse(r.out).connections.map((c: { src: string; dst: string }) => `${c.src} -> ${c.dst}`)).toEqual(['shop/checkout -> shop/cart']);
  });
});
