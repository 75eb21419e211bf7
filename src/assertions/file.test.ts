import { describe, expect, it } from 'vitest';
import { addExternal, addService, addWorkload, newModel } from '../services/test-model.ts';
import { exportAssertionsFile, parseAssertionsFile, resolveAssertions } from './file.ts';

describe('parseAssertionsFile', () => {
  it('reads YAML, defaulting the protocol to TCP', () => {
    const r = parseAssertionsFile(`assertions:
- {from: Internet, to: lb:shop/web, port: 80/TCP, expect: reach}
- {from: shop/web, to: 10.0.0.0/8, port: 53/udp, expect: no-reach, note: no DNS outside}
- {from: shop/web, to: shop/db, port: 5432, expect: reach}
`);
    expect(r).toEqual({
      ok: true,
      networks: {},
      entries: [
        { from: 'Internet', to: 'lb:shop/web', protocol: 'TCP', port: 80, expect: 'reach' },
        { from: 'shop/web', to: '10.0.0.0/8', protocol: 'UDP', port: 53, expect: 'no-reach', note: 'no DNS outside' },
        { from: 'shop/web', to: 'shop/db', protocol: 'TCP', port: 5432, expect: 'reach' },
      ],
    });
  });

  it('reads JSON', () => {
    const r = parseAssertionsFile('{"assertions": [{"from": "a/b", "to": "c/d", "port": "80", "expect": "reach"}]}');
    expect(r.ok).toBe(true);
  });

  it('names the entry and the field of every problem', () => {
    const r = parseAssertionsFile(`assertions:
- {from: a/b, to: c/d, port: 80/HTTP, expect: reach}
- {from: a/b, port: 70000, expect: maybe, colour: red}
`);
    expect(r).toEqual({
      ok: false,
      errors: [
        "assertions[0].port: protocol 'HTTP' must be TCP, UDP or SCTP",
        'assertions[1].colour: unknown field (allowed: from, to, port, expect, note)',
        'assertions[1].to: required, a workload (ns/name), lb:ns/name, svc:ns/name, an external network name or a CIDR',
        'assertions[1].port: port 70000 is outside 1-65535',
        "assertions[1].expect: must be 'reach' or 'no-reach' (got 'maybe')",
      ],
    });
  });

  it('rejects a file without an assertions list, and broken YAML', () => {
    expect(parseAssertionsFile('checks: []')).toEqual({ ok: false, errors: ['the file must be a mapping with a list `assertions:`'] });
    expect(parseAssertionsFile('assertions: [').ok).toBe(false);
  });
});

describe('resolveAssertions', () => {
  function model() {
    const m = newModel();
    addWorkload(m, 'shop', 'web', { app: 'web' });
    addService(m, 'shop', 'web', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] });
    addService(m, 'shop', 'inner', { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80 }] });
    return m;
  }

  it('maps names to ids and adds external networks for CIDRs and Internet', () => {
    const p = parseAssertionsFile(`assertions:
- {from: Internet, to: lb:shop/web, port: 80, expect: reach}
- {from: shop/web, to: 10.1.2.3/8, port: 80, expect: no-reach}
- {from: office, to: shop/web, port: 80, expect: no-reach}
networks:
  office: [198.51.100.0/24]
`);
    if (!p.ok) throw new Error(p.errors.join());
    const r = resolveAssertions(model(), p.entries, p.networks);
    expect(r.errors).toEqual([]);
    expect(r.assertions.map((a) => [a.fromId, a.toId])).toEqual([
      ['ext:Internet', 'lb:svc:shop/web'],
      ['wl:shop/Deployment/web', 'ext:10.0.0.0/8'],
      ['ext:office', 'wl:shop/Deployment/web'],
    ]);
    expect(r.model.externals['ext:10.0.0.0/8'].cidrs).toEqual(['10.0.0.0/8']);
    expect(r.model.externals['ext:office'].cidrs).toEqual(['198.51.100.0/24']);
    // Internet = everything outside the pod, Service and node ranges of the cluster settings
    expect(r.model.externals['ext:Internet'].cidrs).not.toContain('10.0.0.0/8');
    expect(r.model.externals['ext:Internet'].cidrs).toContain('11.0.0.0/8');
  });

  it('explains names that do not resolve', () => {
    const p = parseAssertionsFile(`assertions:
- {from: shop/nope, to: lb:shop/inner, port: 80, expect: reach}
- {from: partner, to: svc:shop/gone, port: 80, expect: reach}
`);
    if (!p.ok) throw new Error(p.errors.join());
    expect(resolveAssertions(model(), p.entries).errors).toEqual([
      "assertions[0].from: no workload named 'shop/nope'",
      "assertions[0].to: Service 'shop/inner' is ClusterIP, not LoadBalancer",
      "assertions[1].from: 'partner' is not a workload (ns/name), lb:ns/name, svc:ns/name, an external network or a CIDR",
      "assertions[1].to: no Service named 'shop/gone'",
    ]);
  });
});

describe('exportAssertionsFile', () => {
  it('writes a file that reads back to the same assertions', () => {
    const m = newModel();
    const web = addWorkload(m, 'shop', 'web', { app: 'web' });
    const svc = addService(m, 'shop', 'web', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] });
    const office = addExternal(m, 'office', ['198.51.100.0/24']);
    m.assertions = {
      x1: { id: 'x1', fromId: office, toId: `lb:${svc}`, protocol: 'TCP', port: 80, expect: 'reach', note: 'staff' },
      x2: { id: 'x2', fromId: web, toId: office, protocol: 'UDP', port: 53, expect: 'no-reach' },
    };
    const text = exportAssertionsFile(m);
    const p = parseAssertionsFile(text);
    if (!p.ok) throw new Error(p.errors.join());
    expect(p.entries).toEqual([
      { from: 'office', to: 'lb:shop/web', protocol: 'TCP', port: 80, expect: 'reach', note: 'staff' },
      { from: 'shop/web', to: 'office', protocol: 'UDP', port: 53, expect: 'no-reach' },
    ]);
    // the manifests alone do not know "office": the file carries it
    const { externals, ...withoutExternals } = m;
    void externals;
    const r = resolveAssertions({ ...withoutExternals, externals: {} }, p.entries, p.networks);
    expect(r.errors).toEqual([]);
    expect(r.assertions.map((a) => [a.fromId, a.toId, a.protocol, a.port, a.expect])).toEqual([
      [office, `lb:${svc}`, 'TCP', 80, 'reach'],
      [web, office, 'UDP', 53, 'no-reach'],
    ]);
  });
});
