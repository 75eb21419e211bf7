import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netpol, repo, tempDir } from './test-harness.ts';

const SHOP = 'samples/online-shop';



/** A copy of the shop where the frontend may also call payment directly (a widening change). */
function shopWithFrontendToPayment(): string {
  const dir = tempDir('netpol-shop-');
  cpSync(join(repo, SHOP), dir, { recursive: true });
  const payment = join(dir, 'payment.yaml');
  writeFileSync(
    payment,
    readFileSync(payment, 'utf8').replace(
      '              app.kubernetes.io/name: checkout\n',
      '              app.kubernetes.io/name: checkout\n        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: frontend\n',
    ),
  );
  const frontend = join(dir, 'frontend.yaml');
  writeFileSync(
    frontend,
    readFileSync(frontend, 'utf8') +
      '    - to:\n        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: payment\n      ports:\n        - port: 50051\n',
  );
  return dir;
}

const SHOP_WORKLOADS = [
  'monitoring/prometheus', 'shop/ad', 'shop/cart', 'shop/catalog', 'shop/checkout', 'shop/currency', 'shop/email',
  'shop/frontend', 'shop/payment', 'shop/recommendation', 'shop/redis-cart', 'shop/shipping',
];

describe('netpol analyze', () => {
  it('json follows the contract exactly', async () => {
    const { code, out, err } = await netpol('analyze', SHOP, '--format', 'json');
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(['workloads', 'connections']);
    expect(doc.workloads).toEqual(SHOP_WORKLOADS);
    for (const c of doc.connections) {
      expect(Object.keys(c)).toEqual(['src', 'dst', 'allowed']);
      expect(Object.keys(c.allowed)).toEqual(['TCP', 'UDP', 'SCTP']);
      expect(c.src).not.toBe(c.dst);
    }
    const find = (src: string, dst: string) => doc.connections.find((c: { src: string; dst: string }) => c.src === src && c.dst === dst);
    // email's Service listens on 5000, but policy sees the pod's port 8080 (semantics 2.1).
    expect(find('shop/checkout', 'shop/email').allowed).toEqual({ TCP: [[8080, 8080]], UDP: [], SCTP: [] });
    // The named port `metrics` resolves per destination pod: 9100 on services, 9121 on redis.
    expect(find('monitoring/prometheus', 'shop/cart').allowed).toEqual({ TCP: [[9100, 9100]], UDP: [], SCTP: [] });
    expect(find('monitoring/prometheus', 'shop/redis-cart').allowed).toEqual({ TCP: [[9121, 9121]], UDP: [], SCTP: [] });
    expect(find('shop/frontend', 'shop/payment')).toBeUndefined();
    // The load-balanced frontend is the only workload the outside world reaches.
    expect(doc.connections.filter((c: { src: string }) => c.src === 'internet')).toEqual([
      { src: 'internet', dst: 'shop/frontend', allowed: { TCP: [[8080, 8080]], UDP: [], SCTP: [] } },
    ]);
    expect(find('shop/payment', 'shop/frontend')).toBeUndefined();
    const keys = doc.connections.map((c: { src: string; dst: string }) => `${c.src}\u0000${c.dst}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('table is aligned, grouped by source and summarised', async () => {
    const { code, out } = await netpol('analyze', SHOP);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^SRC +DST +ALLOWED$/);
    expect(out).toMatch(/\nshop\/checkout +shop\/cart +TCP 7070\n +shop\/catalog +TCP 3550\n/);
    expect(lines.filter((l) => l.startsWith('shop/frontend'))).toHaveLength(1);
    expect(out).toContain('12 workloads');
  });

  it('md, csv and dot', async () => {
    const md = (await netpol('analyze', SHOP, '--format', 'md')).out;
    expect(md).toContain('## Reachability');
    expect(md).toContain('| `shop/cart` | `shop/redis-cart` | TCP 6379 |');
    const csv = (await netpol('analyze', SHOP, '--format', 'csv')).out.split('\n');
    expect(csv[0]).toBe('src,dst,protocol,ports');
    expect(csv).toContain('shop/checkout,shop/email,TCP,8080');
    const dot = (await netpol('analyze', SHOP, '--format=dot')).out;
    expect(dot).toContain('label="shop"');
    expect(dot).toContain('"shop/cart" -> "shop/redis-cart" [label="TCP 6379"];');
  });

  it('reports import errors on stderr, analyzes what it could read, and exits 1', async () => {
    const { code, out, err } = await netpol('analyze', 'samples/broken', SHOP, '--format', 'json');
    expect(code).toBe(1);
    expect(err.some((l) => l.startsWith('samples/broken/not-yaml.yaml:') && l.includes('YAML'))).toBe(true);
    expect(JSON.parse(out).workloads).toEqual(SHOP_WORKLOADS);
  });
});

describe('netpol explain', () => {
  it('names the policies that deny a connection', async () => {
    const { code, out } = await netpol('explain', SHOP, '--from', 'shop/frontend', '--to', 'shop/payment');
    expect(code).toBe(0);
    expect(out).toContain('Verdict: denied');
    expect(out).toMatch(/Ingress at shop\/payment is isolated by .*shop\/payment/);
  });

  it('answers for one port: the pod port, not the Service port', async () => {
    const yes = await netpol('explain', SHOP, '--from', 'shop/checkout', '--to', 'shop/email', '--port', '8080/TCP');
    expect(yes.out).toContain('Verdict: allowed');
    const no = await netpol('explain', SHOP, '--from', 'shop/checkout', '--to', 'shop/email', '--port', '5000');
    expect(no.out).toContain('Verdict: denied');
  });
});

describe('netpol diff', () => {
  it('shows a new connection and fails only on the matching --fail-on', async () => {
    const changed = shopWithFrontendToPayment();
    const r = await netpol('diff', SHOP, changed);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\+ shop\/frontend +shop\/payment +none +TCP 50051/);
    expect(r.out).toContain('~ shop/frontend (egress)');
    expect((await netpol('diff', SHOP, changed, '--fail-on', 'added')).code).toBe(1);
    expect((await netpol('diff', SHOP, changed, '--fail-on', 'removed')).code).toBe(0);
    expect((await netpol('diff', changed, SHOP, '--fail-on', 'removed')).code).toBe(1);
    expect((await netpol('diff', SHOP, changed, '--fail-on', 'any')).code).toBe(1);
    expect((await netpol('diff', SHOP, SHOP, '--fail-on', 'any')).code).toBe(0);
  });

  it('json and md formats', async () => {
    const changed = shopWithFrontendToPayment();
    const doc = JSON.parse((await netpol('diff', SHOP, changed, '--format', 'json')).out);
    expect(doc.counts).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(doc.connections[0]).toMatchObject({ src: 'shop/frontend', dst: 'shop/payment', change: 'added', added: { TCP: [[50051, 50051]], UDP: [], SCTP: [] } });
    expect(doc.policies.changed.map((c: { name: string }) => c.name)).toEqual(['shop/frontend', 'shop/payment']);
    expect((await netpol('diff', SHOP, changed, '--format', 'md')).out).toContain('| added | `shop/frontend` | `shop/payment` | none | TCP 50051 |');
  });
});

describe('netpol lint', () => {
  it('finds the catalogued mistakes in the lint demo', async () => {
    const { code, out } = await netpol('lint', 'samples/lint-demo', '--format', 'json');
    // The demo's Service ports without names are an input error: exit 1, as the README says.
    expect(code).toBe(1);
    const ids = new Set(JSON.parse(out).findings.map((f: { id: string }) => f.id));
    for (const id of ['L-PT-01', 'L-PORT-01', 'L-PORT-03', 'L-PEER-02', 'L-SEL-01', 'L-SEL-02', 'L-IPB-04', 'L-DNS-01', 'L-SVC-03']) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('--fail-on decides the exit code', async () => {
    expect((await netpol('lint', 'samples/lint-demo', '--fail-on', 'error')).code).toBe(1);
    const shop = await netpol('lint', SHOP, '--fail-on', 'warning');
    // Only a note: prometheus scrapes a named port that is 9100 on most pods, 9121 on redis.
    expect(shop.out).toContain('0 errors, 0 warnings, 1 info');
    expect(shop.out).toMatch(/info +L-PORT-04 +NetworkPolicy monitoring\/prometheus/);
    expect(shop.code).toBe(0);
  });
});

describe('usage and bad input', () => {
  it('--help overall and per command', async () => {
    const all = await netpol('--help');
    expect(all.code).toBe(0);
    expect(all.out).toContain('Usage: netpol <command>');
    for (const c of ['analyze', 'explain', 'diff', 'lint']) {
      const r = await netpol(c, '-h');
      expect(r.code).toBe(0);
      expect(r.out).toContain(`Usage: netpol ${c}`);
    }
    expect((await netpol('analyze', '--help')).out).toContain('--format table|json|md|csv|dot');
  });

  it.each([
    [['analyze', 'samples/does-not-exist'], 'no such file or directory: samples/does-not-exist'],
    [['analyze', SHOP, '--colour'], "unknown option '--colour'"],
    [['analyze', SHOP, '--format', 'xml'], '--format must be one of table, json, md, csv, dot'],
    [['analyze', SHOP, '--profile', 'calico'], '--profile must be one of'],
    [['analyze'], 'no manifest file or directory given'],
    [['explain', SHOP, '--from', 'shop/frontend', '--to', 'shop/cart', '--port', 'http'], '--port must look like 80 or 80/TCP'],
    [['explain', SHOP, '--from', 'shop/frontend', '--to', 'shop/cart', '--port', '70000/TCP'], '--port must look like'],
    [['explain', SHOP, '--from', 'shop/nope', '--to', 'shop/cart'], "--from: no workload named 'shop/nope'"],
    [['explain', SHOP, '--to', 'shop/cart'], '--from is required'],
    [['diff', SHOP], 'expected BASE and NEW'],
    [['diff', SHOP, SHOP, '--fail-on', 'sometimes'], '--fail-on must be one of added, removed, any'],
    [['deploy'], "unknown command 'deploy'"],
    [[], 'no command given'],
  ])('%j exits 2 with one line on stderr', async (argv, reason) => {
    const r = await netpol(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toHaveLength(1);
    expect(r.err[0].startsWith('netpol: ')).toBe(true);
    expect(r.err[0]).toContain(reason);
    expect(r.err[0]).not.toContain('\n');
  });
});

describe('bin/netpol.mjs', () => {
  it('runs as a process with exit codes and streams', () => {
    const ok = spawnSync(process.execPath, [join(repo, 'bin/netpol.mjs'), 'analyze', SHOP, '--format', 'csv'], { cwd: repo, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\n')[0]).toBe('src,dst,protocol,ports');
    const bad = spawnSync(process.execPath, [join(repo, 'bin/netpol.mjs'), 'analyze', 'nope.yaml'], { cwd: repo, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual(['netpol: no such file or directory: nope.yaml']);
  });
});
