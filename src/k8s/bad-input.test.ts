// Issue 8: bad input never widens access, is never silently reinterpreted, never crashes.
// Each case pins the exact diagnostic a user sees and the reading the analysis uses.
import { describe, it, expect } from 'vitest';
import { importManifests } from './import.ts';
import { formatDiagnostic } from './diagnostics.ts';

const imp = (text: string) => importManifests([{ name: 'f.yaml', text }]);
const lines = (text: string) => imp(text).diagnostics.filter((d) => d.severity !== 'info').map(formatDiagnostic);
const np = (spec: string, meta = 'name: x\n  namespace: shop') =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  ${meta}\nspec:\n${spec}`;
const policy = (text: string) => imp(text).model.policies['np:shop/x'];

describe('invalid selector values invalidate the peer (it matches nothing), never widen it', () => {
  it.each([
    ['null', '{app: db, role: null}', 'spec.ingress[0].from[0].podSelector.matchLabels.role: `null` is null, not a string; write "" for an empty value'],
    ['~', '{app: db, role: ~}', 'spec.ingress[0].from[0].podSelector.matchLabels.role: `~` is null, not a string; write "" for an empty value'],
    ['an object', '{app: db, role: {a: 1}}', 'spec.ingress[0].from[0].podSelector.matchLabels.role: must be a string, found an object'],
    ['a YAML 1.1 boolean', '{app: db, role: on}', 'spec.ingress[0].from[0].podSelector.matchLabels.role: `on` is read as a boolean by kubectl\'s YAML parser; quote it: "on"'],
  ])('a matchLabels value that is %s', (_what, labels, message) => {
    const text = np(`  podSelector: {}\n  ingress:\n  - from:\n    - podSelector: {matchLabels: ${labels}}\n    - podSelector: {matchLabels: {app: web}}\n`);
    expect(lines(text)).toEqual([
      `f.yaml:10: NetworkPolicy shop/x: ${message}`,
      'f.yaml:10: NetworkPolicy shop/x: spec.ingress[0].from[0]: peer removed: an invalid selector matches nothing',
    ]);
    expect(policy(text).ingress).toEqual([{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }]);
  });

  it('NotIn or In without values invalidates the peer; when no peer is left the rule is removed, not widened', () => {
    const text = np('  podSelector: {}\n  ingress:\n  - from:\n    - podSelector:\n        matchExpressions: [{key: app, operator: NotIn}]\n    - podSelector:\n        matchExpressions: [{key: app, operator: In, values: []}]\n');
    expect(lines(text)).toEqual([
      'f.yaml:11: NetworkPolicy shop/x: spec.ingress[0].from[0].podSelector.matchExpressions[0].values: operator NotIn requires at least one value',
      'f.yaml:10: NetworkPolicy shop/x: spec.ingress[0].from[0]: peer removed: an invalid selector matches nothing',
      'f.yaml:13: NetworkPolicy shop/x: spec.ingress[0].from[1].podSelector.matchExpressions[0].values: operator In requires at least one value',
      'f.yaml:12: NetworkPolicy shop/x: spec.ingress[0].from[1]: peer removed: an invalid selector matches nothing',
      'f.yaml:9: NetworkPolicy shop/x: spec.ingress[0].from: no valid peer is left; the rule is removed rather than widened to all sources',
    ]);
    expect(policy(text).ingress).toEqual([]);
  });

  it('NotIn whose values were all invalid invalidates the peer too', () => {
    const text = np('  podSelector: {}\n  ingress:\n  - from:\n    - podSelector:\n        matchExpressions: [{key: app, operator: NotIn, values: [null]}]\n');
    expect(lines(text)[0]).toBe('f.yaml:11: NetworkPolicy shop/x: spec.ingress[0].from[0].podSelector.matchExpressions[0].values[0]: `null` is null, not a string; write "" for an empty value');
    expect(policy(text).ingress).toEqual([]);
  });

  it('a plain timestamp is a string to kubectl (go-yaml keeps it as written), so it is read as written', () => {
    const text = np('  podSelector: {}\n  ingress:\n  - from:\n    - podSelector: {matchLabels: {release: 2024-01-01}}\n');
    expect(lines(text)).toEqual([]);
    expect(policy(text).ingress).toEqual([{ from: [{ podSelector: { matchLabels: { release: '2024-01-01' } } }] }]);
  });

  it('matchLabels: null selects every pod: a warning says so', () => {
    expect(lines(np('  podSelector: {}\n  ingress:\n  - from:\n    - podSelector: {matchLabels: null}\n'))).toEqual([
      'f.yaml:10: NetworkPolicy shop/x: spec.ingress[0].from[0].podSelector.matchLabels: warning: matchLabels: null is the same as no matchLabels: this selector matches every pod of the namespace; write {} if that is meant',
    ]);
  });
});

describe('unknown fields invalidate the rule or peer that holds them, with the nearest known field', () => {
  it('a rule written `form:` is removed (not read as {} = every source)', () => {
    const text = np('  podSelector: {}\n  ingress:\n  - form:\n    - podSelector: {matchLabels: {app: web}}\n');
    expect(lines(text)).toEqual([
      'f.yaml:9: NetworkPolicy shop/x: spec.ingress[0].form: unknown field "form" (did you mean `from`?); rule removed',
    ]);
    expect(policy(text).ingress).toEqual([]);
  });

  it('an unknown field in a peer or a port entry removes that peer or port', () => {
    const text = np('  podSelector: {}\n  ingress:\n  - from:\n    - podSelector: {}\n      namespaceSelecter: {}\n    - ipBlock: {cidr: 10.0.0.0/8, exept: [10.1.0.0/16]}\n    ports:\n    - {port: 80, protocl: UDP}\n    - {port: 443}\n');
    expect(lines(text)).toEqual([
      'f.yaml:11: NetworkPolicy shop/x: spec.ingress[0].from[0].namespaceSelecter: unknown field "namespaceSelecter" (did you mean `namespaceSelector`?); peer removed',
      'f.yaml:12: NetworkPolicy shop/x: spec.ingress[0].from[1].ipBlock.exept: unknown field "exept" (did you mean `except`?); peer removed',
      'f.yaml:14: NetworkPolicy shop/x: spec.ingress[0].ports[0].protocl: unknown field "protocl" (did you mean `protocol`?); port entry removed',
      'f.yaml:9: NetworkPolicy shop/x: spec.ingress[0].from: no valid peer is left; the rule is removed rather than widened to all sources',
    ]);
    expect(policy(text).ingress).toEqual([]);
  });

  it('`podSelecter:` is an invalid podSelector: the policy isolates every pod it could select and allows nothing', () => {
    const text = np('  podSelecter: {matchLabels: {app: db}}\n  ingress:\n  - from: [{podSelector: {}}]\n');
    expect(lines(text)).toEqual([
      'f.yaml:7: NetworkPolicy shop/x: spec.podSelecter: unknown field "podSelecter" (did you mean `podSelector`?); podSelector read as invalid',
      'f.yaml:6: NetworkPolicy shop/x: spec.podSelector: invalid podSelector; read as its most restrictive form: every pod of the namespace is isolated for Ingress and this policy allows nothing until podSelector is fixed',
    ]);
    expect(policy(text)).toMatchObject({ podSelector: {}, policyTypes: ['Ingress'], ingress: [] });
  });

  it('unknown fields in Service, Namespace and pod templates are reported as kubectl strict validation would', () => {
    const text = `apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: shop}\nspec:\n  selecter: {app: web}\n  ports: [{port: 80, targetPrt: 8080}]\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: shop, lables: {a: b}}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: c, image: i, portz: [{containerPort: 80}]}]\n`;
    expect(lines(text)).toEqual([
      'f.yaml:5: Service shop/s: spec.selecter: unknown field "selecter" (did you mean `selector`?); kubectl\'s strict validation refuses this object',
      'f.yaml:6: Service shop/s: spec.ports[0].targetPrt: unknown field "targetPrt" (did you mean `targetPort`?); kubectl\'s strict validation refuses this object',
      'f.yaml:10: Namespace shop: metadata.lables: unknown field "lables" (did you mean `labels`?); kubectl\'s strict validation refuses this object',
      'f.yaml:19: Deployment shop/d: spec.template.spec.containers[0].portz: unknown field "portz" (did you mean `ports`?); kubectl\'s strict validation refuses this object',
    ]);
  });
});

describe('an invalid podSelector or policyTypes still isolates (most restrictive reading, said)', () => {
  it('policyTypes [Ingress, egress] isolates both directions and allows no egress', () => {
    const text = np('  podSelector: {}\n  policyTypes: [Ingress, egress]\n  egress:\n  - to: [{podSelector: {}}]\n');
    expect(lines(text)).toEqual([
      'f.yaml:8: NetworkPolicy shop/x: spec.policyTypes[1]: "egress" is not a policy type (expected "Ingress" or "Egress")',
      'f.yaml:8: NetworkPolicy shop/x: spec.policyTypes: the API server rejects this policy; read as its most restrictive form: policyTypes [Ingress, Egress], with no egress rules (this policy allows no egress) until policyTypes is fixed',
    ]);
    expect(policy(text)).toMatchObject({ podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [] });
  });

  it('an invalid podSelector value keeps the valid part as the pods it could select, isolated, nothing allowed', () => {
    const text = np('  podSelector: {matchLabels: {app: db, tier: {a: 1}}}\n  egress: [{to: [{podSelector: {}}]}]\n');
    expect(lines(text)).toEqual([
      'f.yaml:7: NetworkPolicy shop/x: spec.podSelector.matchLabels.tier: must be a string, found an object',
      'f.yaml:7: NetworkPolicy shop/x: spec.podSelector: invalid podSelector; read as its most restrictive form: the pods matching app=db are isolated for Ingress and Egress and this policy allows nothing until podSelector is fixed',
    ]);
    expect(policy(text)).toMatchObject({ podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [] });
  });

  it('a spec that is not an object isolates every pod of the namespace', () => {
    const text = np('  - 5\n');
    expect(lines(text)).toEqual([
      'f.yaml:6: NetworkPolicy shop/x: spec: must be an object, found a list; read as its most restrictive form: every pod of the namespace is isolated for Ingress and Egress and this policy allows nothing',
    ]);
    expect(policy(text)).toMatchObject({ podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [] });
  });

  it('egress that is not a list keeps egress isolated', () => {
    const text = np('  podSelector: {}\n  egress: {to: []}\n');
    expect(lines(text)).toEqual([
      'f.yaml:8: NetworkPolicy shop/x: spec.egress: must be a list, found an object; read as no egress rules, with Egress isolated',
    ]);
    expect(policy(text)).toMatchObject({ policyTypes: ['Ingress', 'Egress'], egress: [] });
  });
});

describe('YAML 1.1 non-strings where strings belong', () => {
  it('namespace: y is an error and the object is skipped, never moved to default', () => {
    const r = imp(np('  podSelector: {}\n  policyTypes: [Ingress, Egress]\n', 'name: deny-all\n  namespace: y'));
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'f.yaml:5: NetworkPolicy y/deny-all: metadata.namespace: `y` is read as a boolean by kubectl\'s YAML parser; quote it: "y"; object skipped (it is not moved to another namespace)',
    ]);
    expect(r.model.policies).toEqual({});
    expect(r.model.namespaces).toEqual({});
  });

  it.each([['yes', 'a boolean'], ['off', 'a boolean'], ['010', 'a number'], ['1.5', 'a number']])('namespace: %s names the value as written', (v, kind) => {
    const r = imp(`kind: Service\napiVersion: v1\nmetadata: {name: s, namespace: ${v}}\n`);
    expect(r.diagnostics.map((d) => d.message)).toEqual([`\`${v}\` is read as ${kind} by kubectl's YAML parser; quote it: "${v}"; object skipped (it is not moved to another namespace)`]);
  });

  it('a namespace written as a list is skipped too', () => {
    const r = imp('kind: Service\napiVersion: v1\nmetadata: {name: s, namespace: [a]}\n');
    expect(r.diagnostics.map((d) => d.message)).toEqual(['must be a string, found a list; object skipped (it is not moved to another namespace)']);
    expect(r.model.services).toEqual({});
  });

  it('name: no gets the YAML message, not "name is required"', () => {
    expect(lines('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: no\n')).toEqual([
      'f.yaml:4: Namespace no: metadata.name: `no` is read as a boolean by kubectl\'s YAML parser; quote it: "no"; object skipped',
    ]);
  });

  it('a label value `on` suggests quoting "on" and is read as written; a label key `on` too', () => {
    const r = imp('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    tls: on\n    on: x\nspec: {containers: [{name: c}]}\n');
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'f.yaml:6: Pod default/p: metadata.labels.tls: `on` is read as a boolean by kubectl\'s YAML parser; quote it: "on"',
      'f.yaml:7: Pod default/p: metadata.labels.true: key `on` is read as a boolean by kubectl\'s YAML parser (the key becomes "true"); quote it: "on"',
    ]);
    expect(r.model.workloads['wl:default/Pod/p'].podLabels).toEqual({ tls: 'on', on: 'x' });
  });

  it('JSON input is read by the same YAML 1.1 parser, so its booleans are named the same way', () => {
    const r = imp('{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s", "namespace": true}}');
    expect(r.diagnostics.map((d) => d.message)).toEqual(['`true` is read as a boolean by kubectl\'s YAML parser; quote it: "true"; object skipped (it is not moved to another namespace)']);
  });
});

describe('smaller items', () => {
  it('each Pod label diagnostic is printed once', () => {
    const r = imp('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {-bad: x}\nspec: {containers: [{name: c}]}\n');
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      "f.yaml:5: Pod default/p: metadata.labels.-bad: label key name \"-bad\" must consist of letters, digits, '-', '_' or '.', and start and end with a letter or digit",
    ]);
  });

  it('whitespace around a CIDR is an error naming it', () => {
    const text = np('  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: {cidr: " 10.0.0.0/8"}\n    - ipBlock: {cidr: 10.0.0.0/8, except: ["10.1.0.0/16 "]}\n');
    expect(lines(text)).toEqual([
      'f.yaml:10: NetworkPolicy shop/x: spec.ingress[0].from[0].ipBlock.cidr: " 10.0.0.0/8" has whitespace around it, which the API server rejects; write "10.0.0.0/8"; peer removed',
      'f.yaml:11: NetworkPolicy shop/x: spec.ingress[0].from[1].ipBlock.except[0]: "10.1.0.0/16 " has whitespace around it, which the API server rejects; write "10.1.0.0/16"; peer removed (dropping only the exception would widen it)',
      'f.yaml:9: NetworkPolicy shop/x: spec.ingress[0].from: no valid peer is left; the rule is removed rather than widened to all sources',
    ]);
  });

  it('a top-level JSON array of objects is read as a list of its items', () => {
    const r = importManifests([{ name: 'a.json', text: '[{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"}}, 5]' }]);
    expect(Object.keys(r.model.namespaces)).toEqual(['ns:a']);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual(['a.json:1: [1]: warning: list item is not an object; skipped']);
  });

  it('the obsolete net.beta.kubernetes.io/network-policy annotation gets a warning', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  annotations:\n    net.beta.kubernetes.io/network-policy: \'{"ingress": {"isolation": "DefaultDeny"}}\'\n';
    expect(lines(text)).toEqual([
      'f.yaml:6: Namespace shop: metadata.annotations.net.beta.kubernetes.io/network-policy: warning: this annotation (DefaultDeny of the beta NetworkPolicy API) is obsolete and has no effect since Kubernetes 1.7; it does not isolate any pod: write a default-deny NetworkPolicy instead',
    ]);
  });
});

describe('depth limits are checked without recursion', () => {
  it.each([
    ['YAML flow lists', '['.repeat(3500) + ']'.repeat(3500)],
    ['JSON objects', '{"a":'.repeat(3500) + '1' + '}'.repeat(3500)],
    ['JSON lists', '['.repeat(3500) + ']'.repeat(3500)],
  ])('%s 3,500 levels deep get a diagnostic, not a stack overflow', (_what, text) => {
    const r = importManifests([{ name: 'deep.json', text }]);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual(['deep.json:1: the document is nested more than 100 levels deep; document refused']);
  });
});

describe('line numbers inside kubectl List dumps (indexed per item)', () => {
  it('points into the right item, and names YAML 1.1 values as written there', () => {
    const item = (name: string, extra = '') => `- apiVersion: v1\n  kind: Service\n  metadata:\n    name: ${name}\n    namespace: shop\n  spec:\n    selector: {app: web}${extra}\n`;
    const text = `apiVersion: v1\nkind: List\nmetadata: {resourceVersion: ""}\nitems:\n${item('a')}${item('b', '\n    selecter: {app: x}')}${item('c').replace('namespace: shop', 'namespace: y')}${item('d', '\n    typ: ClusterIP')}`;
    expect(lines(text)).toEqual([
      'f.yaml:19: Service shop/b: spec.selecter: unknown field "selecter" (did you mean `selector`?); kubectl\'s strict validation refuses this object',
      'f.yaml:24: Service y/c: metadata.namespace: `y` is read as a boolean by kubectl\'s YAML parser; quote it: "y"; object skipped (it is not moved to another namespace)',
      'f.yaml:34: Service shop/d: spec.typ: unknown field "typ" (did you mean `type`?); kubectl\'s strict validation refuses this object',
    ]);
  });
});
