import { describe, it, expect } from 'vitest';
import { parseManifestText } from './parse.ts';

const kinds = (text: string) => parseManifestText('f.yaml', text).objects.map((o) => o.value.kind);

describe('parseManifestText', () => {
  it('reads every document of a multi-document stream with its index and start line', () => {
    const r = parseManifestText('f.yaml', 'kind: A\n---\nkind: B\n---\n\n# note\nkind: C\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.objects.map((o) => [o.value.kind, o.doc, o.line])).toEqual([['A', 1, 1], ['B', 2, 3], ['C', 3, 7]]);
  });

  it('skips empty and comment-only documents without complaint', () => {
    const r = parseManifestText('f.yaml', '# header\n---\n---\n# only a comment\n---\nkind: A\n---\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.objects.map((o) => o.value.kind)).toEqual(['A']);
  });

  it('handles CRLF line endings and a byte-order mark', () => {
    const r = parseManifestText('f.yaml', '\uFEFFkind: A\r\nmetadata:\r\n  name: x\r\n---\r\nkind: B\r\n');
    expect(r.objects.map((o) => [o.value.kind, o.line])).toEqual([['A', 1], ['B', 5]]);
    expect((r.objects[0].value.metadata as { name: string }).name).toBe('x');
  });

  it('reads JSON, including kubectl -o json List output', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } }] }, null, 2);
    expect(kinds(json)).toEqual(['Service', 'Pod']);
  });

  it('reads JSON indented with tabs (not valid YAML indentation)', () => {
    expect(kinds('{\n\t"kind": "Pod",\n\t"metadata": {"name": "p"}\n}')).toEqual(['Pod']);
  });

  it('expands kind: List and keeps item kinds', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: d}\n';
    const r = parseManifestText('f.yaml', text);
    expect(r.objects.map((o) => [o.value.kind, o.line])).toEqual([['Namespace', 4], ['Deployment', 7]]);
  });

  it('derives item kind and apiVersion from a typed list (PodList, DeploymentList) whose items carry none', () => {
    const pods = parseManifestText('f.yaml', 'apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: p1}\n- metadata: {name: p2}\n');
    expect(pods.objects.map((o) => [o.value.kind, o.value.apiVersion])).toEqual([['Pod', 'v1'], ['Pod', 'v1']]);
    const deps = parseManifestText('f.yaml', 'apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- metadata: {name: d}\n');
    expect(deps.objects.map((o) => [o.value.kind, o.value.apiVersion])).toEqual([['Deployment', 'apps/v1']]);
    const nps = parseManifestText('f.yaml', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicyList\nitems:\n- metadata: {name: n}\n');
    expect(nps.objects[0].value.kind).toBe('NetworkPolicy');
  });

  it('locates field paths inside list items on their own lines', () => {
    const r = parseManifestText('f.yaml', 'kind: List\nitems:\n- kind: NetworkPolicy\n  spec:\n    ingress:\n    - from:\n      - ipBlock:\n          cidr: bad\n');
    expect(r.objects[0].lineOf('spec.ingress[0].from[0].ipBlock.cidr')).toBe(8);
    // unknown deeper paths fall back to the closest known parent
    expect(r.objects[0].lineOf('spec.ingress[0].from[0].ipBlock.except[3]')).toBe(7);
  });

  it('reports malformed YAML with file and line and keeps the other documents', () => {
    const r = parseManifestText('bad.yaml', 'kind: A\n---\nkind: B\nmetadata:\n  name: x\n bad: indent\n---\nkind: C\n');
    expect(r.objects.map((o) => o.value.kind)).toEqual(['A', 'C']);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', file: 'bad.yaml', doc: 2, line: 6 });
    expect(r.diagnostics[0].message).toMatch(/^malformed YAML: /);
  });

  it('reports an unclosed flow collection instead of throwing', () => {
    const r = parseManifestText('bad.yaml', 'kind: A\nspec: {a: [1, 2\n');
    expect(r.objects).toEqual([]);
    expect(r.diagnostics[0].severity).toBe('error');
    expect(r.diagnostics[0].line).toBeGreaterThanOrEqual(2);
  });

  it('refuses a YAML alias bomb ("billion laughs") with a clear diagnostic', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const r = parseManifestText('bomb.yaml', `kind: ConfigMap\ndata:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
    expect(r.objects).toEqual([]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0].severity).toBe('error');
    expect(r.diagnostics[0].message).toMatch(/refused/);
  });

  it('refuses too many aliases in one document', () => {
    const text = `a: &x 1\nb: [${Array(20).fill('*x').join(', ')}]\n`;
    const r = parseManifestText('f.yaml', text, { maxAliases: 10 });
    expect(r.objects).toEqual([]);
    expect(r.diagnostics[0].message).toMatch(/refused: aliases exceeded maxAliases/);
  });

  it('refuses very deep nesting in YAML and in JSON', () => {
    const deepYaml = `${'['.repeat(500)}${']'.repeat(500)}`;
    const r1 = parseManifestText('deep.yaml', deepYaml);
    expect(r1.objects).toEqual([]);
    expect(r1.diagnostics[0].severity).toBe('error');
    const deepJson = `{"kind":"X","a":${'{"b":'.repeat(300)}1${'}'.repeat(300)}}`;
    const r2 = parseManifestText('deep.json', deepJson);
    expect(r2.objects).toEqual([]);
    expect(r2.diagnostics[0].message).toMatch(/nested more than 100 levels|maxDepth/);
  });

  it('refuses files over the size limit without parsing them', () => {
    const r = parseManifestText('big.yaml', `kind: A\nx: ${'y'.repeat(200)}\n`, { maxFileChars: 100 });
    expect(r.objects).toEqual([]);
    expect(r.diagnostics[0].message).toMatch(/too large/);
  });

  it('warns about documents that are not objects, and reads a top-level list as its items', () => {
    const r = parseManifestText('f.yaml', '- a\n- kind: B\n---\njust text\n');
    expect(r.objects.map((o) => [o.value.kind, o.line])).toEqual([['B', 2]]);
    expect(r.diagnostics.map((d) => [d.severity, d.doc, d.path, d.message])).toEqual([
      ['warning', 1, '[0]', 'list item is not an object; skipped'],
      ['warning', 2, undefined, 'document is a plain string, not a mapping (object) or a list of objects; skipped'],
    ]);
  });

  it('reads YAML 1.1 booleans the way kubectl does (so unquoted yes is not a string)', () => {
    const r = parseManifestText('f.yaml', 'kind: A\nv: yes\nw: "yes"\n');
    expect(r.objects[0].value.v).toBe(true);
    expect(r.objects[0].value.w).toBe('yes');
  });
  it('names keys and values YAML 1.1 reads as non-strings as they were written, in a document and in a List item', () => {
    const fields = '  labels:\n    on: a\n    010: b\n    1.50: c\n    ~: d\n    .inf: e\n    0x1F: f\n    app: y\n';
    const single = parseManifestText('f.yaml', `kind: Pod\nmetadata:\n${fields}`).objects[0];
    const listed = parseManifestText('f.yaml', `kind: List\nitems:\n- kind: Service\n- kind: Pod\n  metadata:\n${fields.replace(/^/gm, '  ').trimEnd()}\n`).objects[1];
    for (const o of [single, listed]) {
      const key = (k: string) => o.writtenAs?.(`metadata.labels.${k}`, 'key');
      expect(Object.keys((o.value.metadata as { labels: object }).labels)).toEqual(['8', '31', 'true', '1.5', 'null', 'Infinity', 'app']);
      expect(['true', '8', '1.5', 'null', 'Infinity', '31', 'app'].map(key)).toEqual(['on', '010', '1.50', '~', '.inf', '0x1F', undefined]);
      expect(o.writtenAs?.('metadata.labels.app', 'value')).toBe('y');
    }
  });

  it('gives a malformed or refused kubectl List dump the same diagnostics as any file', () => {
    const item = (body: string) => `- kind: ConfigMap\n  metadata: {name: c}\n${body}`;
    const bad = parseManifestText('f.yaml', `kind: List\nitems:\n${item('')}${item('  data:\n    a: 1\n   b: 2\n')}`);
    expect(bad.objects).toEqual([]);
    expect(bad.diagnostics.map((d) => [d.line, d.message.slice(0, 14)])).toEqual([[9, 'malformed YAML']]);
    // Aliases are counted per document, across items.
    const aliases = parseManifestText('f.yaml', `kind: List\nitems:\n${item('  data: &x {a: "1"}\n')}${item(`  refs: [${Array(8).fill('*x').join(', ')}]\n`)}`, { maxAliases: 5 });
    expect(aliases.diagnostics[0].message).toMatch(/refused: aliases exceeded maxAliases/);
    const deep = parseManifestText('f.yaml', `kind: List\nitems:\n${item(`  data: ${'['.repeat(120)}${']'.repeat(120)}\n`)}`);
    expect(deep.objects).toEqual([]);
    expect(deep.diagnostics[0].message).toMatch(/maxDepth/);
  });
});
