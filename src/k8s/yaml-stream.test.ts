import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { constructFromEvents, dump, parseEvents, EVENT_ID } from 'js-yaml';
import { readStreamDocuments, splitDocuments, splitEventsByDocument } from './yaml-stream.ts';
import { KUBECTL_SCHEMA, firstOffset, pathIndex } from './yaml-events.ts';

const OPTS = { filename: 'f.yaml', maxDepth: 100, maxAliases: 1000 };

/** Reading the stream whole: each document's value, first offset, alias-freeness and path index. */
function whole(text: string) {
  const events = parseEvents(text, { maxDepth: OPTS.maxDepth });
  const values = constructFromEvents(events, { source: text, schema: KUBECTL_SCHEMA, maxAliases: OPTS.maxAliases });
  return splitEventsByDocument(events).map((doc, i) => ({
    value: values[i], start: firstOffset(doc), tree: !doc.some((e) => e.type === EVENT_ID.ALIAS), index: pathIndex(doc, text),
  }));
}

function oneByOne(text: string) {
  return readStreamDocuments(text, OPTS)?.map((d) => ({
    value: d.value, start: d.start, tree: d.tree, index: pathIndex(d.events(), d.chunk.text, d.chunk.offset),
  }));
}

describe('readStreamDocuments', () => {
  it('reads each document on its own to what reading the stream whole gives, positions in the file', () => {
    const text = '# header\nkind: A\nmetadata: {name: "a", labels: {on: y}}\n---\n---\n# only a comment\n--- !!str x\n---   \nkind: B\nspec: &s {p: [1, 2]}\nsame: *s\n' + '--- \r\nkind: C\r\nv: 010\r\n';
    const r = oneByOne(text);
    expect(r).toHaveLength(6);
    expect(r).toEqual(whole(text));
    expect(r![4].index.offsets.get('spec.p[1]')).toBe(text.indexOf('2]}'));
    expect(r!.map((d) => d.tree)).toEqual([true, true, true, true, false, true]);
  });

  it('agrees with reading the stream whole for generated documents and separators', () => {
    const scalar = fc.oneof(fc.constantFrom('y', 'on', '010', '---', '...', '- x', '#', ''), fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    const node = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), tie('v'), { maxKeys: 3 })),
    })).v;
    const sep = fc.constantFrom('---\n', '--- \n', '---\n# note\n', '\n---\n\n');
    fc.assert(fc.property(fc.array(node, { minLength: 2, maxLength: 4 }), sep, fc.boolean(), fc.constantFrom(-1, 1), (docs, s, lead, flowLevel) => {
      const text = (lead ? '# stream\n---\n' : '') + docs.map((d) => dump(d, { flowLevel, noRefs: true })).join(s);
      const r = oneByOne(text);
      if (!/<<|^%|^\.\.\./m.test(text)) expect(r).toBeDefined();
      if (r) expect(r).toEqual(whole(text));
    }), { numRuns: 300 });
  });

  it('leaves to the whole-stream reader what only it reads right', () => {
    const cases = {
      single: 'kind: A\n',
      tagDirective: '%TAG !e! tag:example.com,2000:\n--- !e!x a\n--- b\n',
      endMarker: 'a: 1\n...\n---\nb: 2\n',
      merge: 'a: 1\n---\nb: {<<: {c: 1}}\n',
      broken: 'a: 1\n---\nb: [1\n---\nc: 3\n',
    };
    for (const [name, text] of Object.entries(cases)) expect(readStreamDocuments(text, OPTS), name).toBeUndefined();
  });

  it('refuses a document over the nesting limit, as the whole-stream reader does', () => {
    const text = `a: 1\n---\nb: ${'['.repeat(100)}${']'.repeat(100)}\n`;
    expect(() => whole(text)).toThrow(/maxDepth/);
    expect(readStreamDocuments(text, OPTS)).toBeUndefined();
  });

  it('splits at column-0 markers only, and drops a comment-only preamble', () => {
    const chunks = splitDocuments('# c\n---\na: "--- x"\n  ---\n---\nb\n');
    expect(chunks.map((c) => c.text)).toEqual(['---\na: "--- x"\n  ---\n', '---\nb\n']);
    expect(chunks[1].offset).toBe('# c\n---\na: "--- x"\n  ---\n'.length);
  });
});
