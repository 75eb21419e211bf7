// `netpol analyze --focus`, `--exposure` and `--format summary`: filters only remove entries
// from the documented outputs, and the summary adds up to the pairs it summarises.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netpol, tempDir } from './test-harness.ts';

const SHOP = 'samples/online-shop';

interface Doc {
  workloads: string[];
  connections: { src: string; dst: string; allowed: Record<string, [number, number][]> }[];
}

async function analyzeJson(...argv: string[]): Promise<Doc> {
  const r = await netpol('analyze', ...argv, '--format', 'json');
  expect(r.err).toEqual([]);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Doc;
}

/** Three namespaces: everything open except c/locked, which admits only namespace a. */
function threeNamespaces(): string {
  const dir = tempDir('netpol-exposure-');
  const ns = (n: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${n}\n---\n`;
  const deploy = (n: string, app: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\n  namespace: ${n}\nspec:\n  selector:\n    matchLabels: {app: ${app}}\n  template:\n    metadata:\n      labels: {app: ${app}}\n    spec:\n      containers:\n      - name: main\n        image: nginx\n        ports:\n        - containerPort: 8080\n---\n`;
  const policy = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: locked-from-a\n  namespace: c\nspec:\n  podSelector:\n    matchLabels: {app: locked}\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: a\n    ports:\n    - port: 8080\n`;
  writeFileSync(join(dir, 'all.yaml'), ns('a') + ns('b') + ns('c') + deploy('a', 'web') + deploy('b', 'api') + deploy('c', 'open') + deploy('c', 'locked') + policy);
  return dir;
}

describe('netpol analyze --focus', () => {
  it('NS/NAME keeps exactly the connections touching that workload', async () => {
    const all = await analyzeJson(SHOP);
    const focused = await analyzeJson(SHOP, '--focus', 'shop/cart');
    const touching = all.connections.filter((c) => c.src === 'shop/cart' || c.dst === 'shop/cart');
    expect(touching.length).toBeGreaterThan(2);
    expect(focused.connections).toEqual(touching);
    expect(focused.workloads).toContain('shop/cart');
    for (const w of focused.workloads) expect(all.workloads).toContain(w);
    expect(focused.workloads).not.toContain('shop/email'); // no connection with the cart
  });

  it('NS/* keeps the connections touching any workload of the namespace; several foci are OR', async () => {
    const all = await analyzeJson(SHOP);
    const mon = await analyzeJson(SHOP, '--focus', 'monitoring/*');
    expect(mon.connections).toEqual(all.connections.filter((c) => c.src.startsWith('monitoring/') || c.dst.startsWith('monitoring/')));
    expect(mon.connections.length).toBeGreaterThan(5);
    const both = await analyzeJson(SHOP, '--focus', 'monitoring/*,shop/redis-cart');
    expect(both.connections).toEqual(
      all.connections.filter((c) => [c.src, c.dst].some((n) => n.startsWith('monitoring/') || n === 'shop/redis-cart')),
    );
  });

  it('applies to every format', async () => {
    const csv = await netpol('analyze', SHOP, '--focus', 'shop/cart', '--format', 'csv');
    const lines = csv.out.trim().split('\n').slice(1);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.split(',').slice(0, 2)).toContain('shop/cart');
    const table = await netpol('analyze', SHOP, '--focus', 'shop/cart');
    expect(table.out).not.toContain('shop/email');
  });

  it('names nothing: a usage error, not an empty report', async () => {
    const r = await netpol('analyze', SHOP, '--focus', 'shop/nope');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toEqual(["netpol: --focus: nothing named 'shop/nope' (workloads are NS/NAME; external networks by name)"]);
    expect((await netpol('analyze', SHOP, '--focus', 'shop/ca*')).code).toBe(2);
  });
});

describe('netpol analyze --exposure', () => {
  it('keeps connections from external networks and into workloads every namespace reaches', async () => {
    const dir = threeNamespaces();
    const all = await analyzeJson(dir);
    const exposed = await analyzeJson(dir, '--exposure');
    // a/web, b/api and c/open are open to every namespace and to the internet; c/locked admits
    // only namespace a, so connections into it are not exposure.
    expect(all.connections.some((c) => c.src === 'a/web' && c.dst === 'c/locked')).toBe(true);
    const open = ['a/web', 'b/api', 'c/open'];
    expect(exposed.connections).toEqual(all.connections.filter((c) => c.src === 'internet' || open.includes(c.dst)));
    // Egress to the outside is not exposure.
    expect(all.connections.some((c) => c.dst === 'internet')).toBe(true);
    expect(exposed.connections.some((c) => c.src === 'internet' && c.dst === 'c/open')).toBe(true);
    expect(exposed.connections.some((c) => c.src === 'internet' && c.dst === 'c/locked')).toBe(false);
  });

  it('in the shop: the internet path to the frontend and what every namespace reaches', async () => {
    const all = await analyzeJson(SHOP);
    const exposed = await analyzeJson(SHOP, '--exposure');
    expect(exposed.connections.filter((c) => c.src === 'internet').map((c) => c.dst)).toEqual(['shop/frontend']);
    // Every other row goes into a workload that both namespaces (shop, monitoring) reach.
    const nsOf = (n: string) => n.slice(0, n.indexOf('/'));
    for (const c of exposed.connections.filter((x) => x.src !== 'internet')) {
      const from = new Set(all.connections.filter((x) => x.dst === c.dst && x.src.includes('/')).map((x) => nsOf(x.src)));
      expect([...from].sort(), c.dst).toEqual(['monitoring', 'shop']);
    }
    expect(exposed.connections.some((c) => c.dst === 'internet' || c.dst === 'nodes')).toBe(false);
  });
});

describe('netpol analyze --format dot with a filter', () => {
  const nodesOf = (dot: string) => [...dot.matchAll(/^\s+("[^"]+") \[(?:label|shape)/gm)].map((m) => JSON.parse(m[1]) as string).sort();
  const edgesOf = (dot: string) => [...dot.matchAll(/^\s+"([^"]+)" -> "([^"]+)"/gm)].map((m) => [m[1], m[2]]);

  it('--focus draws only the endpoints of the rows kept', async () => {
    const all = await analyzeJson(SHOP);
    const touching = all.connections.filter((c) => c.src === 'shop/cart' || c.dst === 'shop/cart');
    const dot = (await netpol('analyze', SHOP, '--focus', 'shop/cart', '--format', 'dot')).out;
    expect(edgesOf(dot)).toEqual(touching.map((c) => [c.src, c.dst]));
    expect(nodesOf(dot)).toEqual([...new Set(touching.flatMap((c) => [c.src, c.dst]))].sort());
    expect(dot).not.toContain('shop/email');
  });

  it('--exposure draws only the exposed rows and their endpoints', async () => {
    const dir = threeNamespaces();
    const exposed = await analyzeJson(dir, '--exposure');
    const dot = (await netpol('analyze', dir, '--exposure', '--format', 'dot')).out;
    expect(edgesOf(dot)).toEqual(exposed.connections.map((c) => [c.src, c.dst]));
    expect(nodesOf(dot)).toEqual([...new Set(exposed.connections.flatMap((c) => [c.src, c.dst]))].sort());
  });

  it('without a filter every endpoint is drawn, connected or not', async () => {
    const all = await analyzeJson(SHOP);
    const dot = (await netpol('analyze', SHOP, '--format', 'dot')).out;
    for (const w of all.workloads) expect(nodesOf(dot)).toContain(w);
  });
});

describe('netpol analyze --exposure and load balancers', () => {
  it('keeps what clients reach through a load balancer that SNATs them (they arrive from a node)', async () => {
    // samples/lb/cluster plus a Node: shop/web is behind a LoadBalancer with externalTrafficPolicy:
    // Cluster, so its pods see the node's address; shop/admin's LB preserves the client address.
    const dir = tempDir('netpol-lb-exposure-');
    writeFileSync(join(dir, 'shop.yaml'), readFileSync('samples/lb/cluster/shop.yaml', 'utf8'));
    writeFileSync(join(dir, 'node.yaml'), 'apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus:\n  addresses: [{type: InternalIP, address: 10.0.1.5}]\n');
    const all = await analyzeJson(dir);
    const exposed = await analyzeJson(dir, '--exposure');
    expect(exposed.connections).toEqual(all.connections.filter((c) => c.src.startsWith('internet') || (c.src === 'node n1' && c.dst === 'shop/web')));
    expect(exposed.connections.map((c) => `${c.src} -> ${c.dst}`)).toEqual([
      'internet [10.0.0.0/16] -> shop/web', 'internet [198.51.100.0/24] -> shop/admin', 'node n1 -> shop/web',
    ]);
  });
});

describe('netpol analyze --format summary', () => {
  it('one line per namespace pair whose counts add up to the allowed pairs', async () => {
    const all = await analyzeJson(SHOP);
    const r = await netpol('analyze', SHOP, '--format', 'summary');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^SOURCE\s+DESTINATION\s+PAIRS\s+PORTS$/);
    const group = (n: string) => (n.includes('/') ? n.slice(0, n.indexOf('/')) : n === 'nodes' ? 'nodes' : `(external) ${n}`);
    const expected = new Map<string, number>();
    for (const c of all.connections) {
      const key = `${group(c.src)} -> ${group(c.dst)}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const rows = lines.slice(1, lines.indexOf(''));
    const got = new Map(rows.map((l) => {
      const [src, dst, pairs] = l.split(/\s{2,}/);
      return [`${src} -> ${dst}`, Number(pairs)];
    }));
    expect(got).toEqual(expected);
    expect(r.out).toMatch(/^shop\s+shop\s+15\s+TCP 3550, 5050, 6379, 7000, 7070, 8080, 9555, 50051$/m);
    expect(lines.at(-1)).toBe(`${expected.size} namespace pairs with allowed connections, ${all.connections.length} endpoint pairs in all`);
  });

  it('combines with the filters', async () => {
    const r = await netpol('analyze', SHOP, '--format', 'summary', '--focus', 'monitoring/*');
    const rows = r.out.trim().split('\n').slice(1).filter((l) => l && !l.includes('namespace pairs'));
    expect(rows).toEqual([expect.stringMatching(/^monitoring\s+shop\s+11\s+TCP 9100, 9121$/)]);
  });
});
