import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { constructFromEvents, dump, parseEvents, EVENT_ID } from 'js-yaml';
import { readListItems } from './list-items.ts';
import { KUBECTL_SCHEMA, firstOffset, pathIndex, rootItemsKey, skipNode } from './yaml-events.ts';

const OPTS = { filename: 'f.yaml', maxDepth: 100, maxAliases: 1000 };

/** What reading the whole text gives: the value, and the positions of its items and root. */
function whole(text: string, maxDepth = OPTS.maxDepth) {
  const events = parseEvents(text, { maxDepth });
  const [value] = constructFromEvents(events, { source: text, schema: KUBECTL_SCHEMA, maxAliases: OPTS.maxAliases });
  const key = rootItemsKey(events, text)!;
  const ranges: [number, number][] = [];
  for (let j = key + 2; events[j].type !== EVENT_ID.POP; j = skipNode(events, j)) ranges.push([j, skipNode(events, j)]);
  const all = pathIndex(events, text);
  const outside = (m: Map<string, unknown>) => new Map([...m].filter(([p]) => !p.startsWith('items[')));
  return {
    value,
    start: firstOffset(events),
    itemStarts: ranges.map(([s]) => firstOffset(events, s, s + 1)),
    items: ranges.map(([s, e]) => pathIndex(events.slice(s, e), text)),
    root: { offsets: outside(all.offsets), writtenValues: outside(all.writtenValues), writtenKeys: outside(all.writtenKeys) },
  };
}

/** Item by item, in the same terms. */
function itemwise(text: string, maxDepth = OPTS.maxDepth) {
  const r = readListItems(text, { ...OPTS, maxDepth });
  if (!r) return undefined;
  return {
    value: r.value,
    start: r.start,
    itemStarts: Array.from({ length: r.count }, (_, i) => r.itemStart(i)),
    items: Array.from({ length: r.count }, (_, i) => r.itemIndex(i)),
    root: r.rootIndex(),
  };
}

const KUBECTL_DUMP = `apiVersion: v1
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    annotations:
      kubectl.kubernetes.io/last-applied-configuration: |
        {"kind":"Deployment"}
    labels: {app: web, on: y}
    name: web
    namespace: shop
  spec:
    ports:
    - port: 010
      name: "http"
    selector:
      matchLabels:
        app: web
# a comment between items
- apiVersion: v1
  kind: Service
  metadata: {name: "s", namespace: shop}
  spec:
    ports: [ {port: 80},
      {port: 1.0} ]
- 
- plain
kind: List
metadata:
  resourceVersion: ""
  z: on
`;

describe('readListItems', () => {
  it('reads a kubectl dump item by item to the value and positions of reading it whole', () => {
    const r = itemwise(KUBECTL_DUMP);
    expect(r).toBeDefined();
    expect(r).toEqual(whole(KUBECTL_DUMP));
    expect(r!.items.length).toBe(4);
    // A field's position is in the file, not in the item's own text.
    expect(r!.items[1].offsets.get('spec.ports[0]')).toBe(KUBECTL_DUMP.indexOf('{port: 80}'));
    expect(r!.root.offsets.get('metadata.z')).toBe(KUBECTL_DUMP.indexOf('z: on'));
  });

  it('reads indented entries, CRLF line endings and a leading document marker', () => {
    const text = '---\r\nkind: List\r\nitems:\r\n  - name: a\r\n    x: [1, 2]\r\n  - name: b\r\n';
    expect(itemwise(text)).toEqual(whole(text));
  });

  it('agrees with reading the file whole for generated lists, whatever the emitter\'s style', () => {
    const scalar = fc.oneof(fc.constantFrom('y', 'on', '010', '1.0', '~', 'null', '- x', 'a: b', '#c', '', 'true'), fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    const key = fc.oneof(fc.constantFrom('on', 'y', '10', 'name', 'items', 'kind', 'a.b'), fc.string({ minLength: 1, maxLength: 5 }));
    const node = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(key, tie('v'), { maxKeys: 3 })),
    })).v;
    const style = fc.record({
      indent: fc.constantFrom(2, 4),
      noArrayIndent: fc.boolean(),
      flowLevel: fc.constantFrom(-1, 2, 3),
      lineWidth: fc.constantFrom(-1, 12, 80),
      quotingType: fc.constantFrom("'", '"') as fc.Arbitrary<"'" | '"'>,
      forceQuotes: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(node, { minLength: 1, maxLength: 4 }), style, fc.boolean(), (items, opts, comments) => {
      let text = dump({ apiVersion: 'v1', items, kind: 'List' }, { ...opts, noRefs: true });
      if (comments) text = text.replace(/\n(?=\s*- )/g, '\n# note\n\n');
      const r = itemwise(text);
      if (r) expect(r).toEqual(whole(text));
      // Block lists as emitters write them are read item by item (merge keys and tabs aside).
      if (!/<<|\t/.test(text)) expect(r).toBeDefined();
    }), { numRuns: 300 });
  });

  it('reads kubectl -o json output item by item to the value and positions of reading it whole', () => {
    const list = {
      apiVersion: 'v1',
      items: [
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', labels: { 'on': 'y' } }, spec: { ports: [{ port: 80, name: 'a\tb "q" \\' }] } },
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', annotations: { note: 'x}, {"items": [' } }, spec: { replicas: 1.5, paused: false, x: null } },
      ],
      kind: 'List',
      metadata: { resourceVersion: '' },
    };
    for (const indent of [4, 0]) {
      const text = JSON.stringify(list, null, indent) + '\n';
      const r = itemwise(text);
      expect(r, `indent ${indent}`).toBeDefined();
      expect(r).toEqual(whole(text));
      expect(r!.value).toEqual(list);
    }
  });

  it('agrees with reading the file whole for generated JSON lists', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null),
        fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), tie('v'), { maxKeys: 3 })),
    })).v;
    const item = fc.dictionary(fc.oneof(fc.constantFrom('items', 'kind', 'on', '1'), fc.string({ maxLength: 4 })), value, { maxKeys: 4 });
    fc.assert(fc.property(fc.array(item, { minLength: 1, maxLength: 4 }), fc.constantFrom(0, 2, 4), fc.boolean(), (items, indent, itemsFirst) => {
      const list = itemsFirst ? { items, kind: 'List' } : { kind: 'List', metadata: { name: 'x' }, items };
      const text = JSON.stringify(list, null, indent);
      let reference: ReturnType<typeof whole> | undefined;
      try { reference = whole(text); } catch { /* not YAML (a key YAML reads twice): must not be read item by item */ }
      const r = itemwise(text);
      if (r) expect(r).toEqual(reference);
      if (reference && !text.includes('<<')) expect(r).toBeDefined();
    }), { numRuns: 300 });
  });

  it('leaves to the whole-file reader what only it reads right', () => {
    const cases = {
      // A flow root mapping (the lines are not a block sequence there).
      flowRoot: '{kind: List,\nitems:\n  "- a"\n}\n',
      // Quoted scalars and flow collections running over a line that looks like an entry
      // (js-yaml refuses their deficient indentation; the whole-file reader says where).
      quoted: 'items:\n- a: "one\n- two"\nkind: List\n',
      flow: 'items:\n  - a: [1,\n  - 2]\n',
      // An alias to an anchor in another item.
      alias: 'items:\n- &x {a: 1}\n- *x\n',
      // Merge keys are limited per load, across items.
      merge: 'items:\n- <<: {a: 1}\n  b: 2\n',
      explicitMerge: 'items:\n- ? !!merge x\n  : {a: 1}\n',
      // Not a list under `items`, or a second items key.
      dedent: 'items:\n  - a\n bad: indent\n',
      twice: 'items:\n- a\nitems:\n- b\n',
      // A YAML error in an item.
      broken: 'items:\n- a: [1\n- b\n',
      tagDirective: '%TAG !e! tag:example.com,2000:\n---\nitems:\n- !e!x a\n',
      // JSON with what YAML reads differently, or items that are not objects.
      jsonComment: '{"kind": "List", # note\n "items": [{"a": 1}]}',
      jsonTabs: '{\n\t"kind": "List",\n\t"items": [{"a": 1}]\n}',
      jsonSingleQuotes: "{'kind': 'List', 'items': [{'a': 1}]}",
      jsonTrailingComma: '{"kind": "List", "items": [{"a": 1},]}',
      jsonScalarItem: '{"kind": "List", "items": [{"a": 1}, 2]}',
      jsonAfterRoot: '{"kind": "List", "items": [{"a": 1}]} {"b": 2}',
      jsonAlias: '{"kind": "List", "items": [&x {"a": 1}, *x]}',
      jsonDuplicate: '{"items": [{"a": 1}], "items": [{"b": 2}]}',

    };
    for (const [name, text] of Object.entries(cases)) expect(readListItems(text, OPTS), name).toBeUndefined();
  });

  it('refuses exactly the nesting the whole-file reader refuses', () => {
    const nested = (d: number) => `kind: List\nitems:\n- ${'['.repeat(d)}1${']'.repeat(d)}\n`;
    for (const d of [96, 97, 98, 99]) {
      let ok = true;
      try { whole(nested(d)); } catch { ok = false; }
      expect(readListItems(nested(d), OPTS) !== undefined, `depth ${d}`).toBe(ok);
    }
    // The boundary is inside that range.
    expect(() => whole(nested(96))).not.toThrow();
    expect(() => whole(nested(99))).toThrow(/maxDepth/);
  });

  it('keeps no parser events: an item\'s positions are read again from its text', () => {
    const r = readListItems(KUBECTL_DUMP, OPTS)!;
    const a = r.itemIndex(0);
    const b = r.itemIndex(0);
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
  });
});
