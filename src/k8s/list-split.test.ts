import { describe, it, expect } from 'vitest';
import { splitJsonListText, splitListText } from './list-split.ts';

/** The text of each item the split proposes. */
const pieces = (text: string) => {
  const s = splitListText(text);
  if (!s) return undefined;
  return s.itemStarts.map((at, i) => text.slice(at, s.itemStarts[i + 1] ?? s.end));
};

describe('splitListText', () => {
  it('finds kubectl\'s items (entries at column 0) and where the list ends', () => {
    const text = 'apiVersion: v1\nitems:\n- kind: A\n  spec:\n  - x\n- kind: B\nkind: List\nmetadata:\n  resourceVersion: ""\n';
    const s = splitListText(text)!;
    expect(s.keyOffset).toBe(text.indexOf('items:'));
    expect(pieces(text)).toEqual(['- kind: A\n  spec:\n  - x\n', '- kind: B\n']);
    expect(text.slice(s.end)).toBe('kind: List\nmetadata:\n  resourceVersion: ""\n');
  });

  it('finds indented entries (js-yaml and other emitters indent them) up to the end of the file', () => {
    const text = 'kind: List\nitems:\n  - kind: A\n    metadata:\n      name: a\n  -\n    kind: B\n';
    expect(pieces(text)).toEqual(['  - kind: A\n    metadata:\n      name: a\n', '  -\n    kind: B\n']);
    expect(splitListText(text)!.end).toBe(text.length);
  });

  it('keeps blank and comment lines with the entry before them, even at column 0', () => {
    const text = 'items:  # the objects\n\n# first\n  - a: 1\n\n# between\n  - b: |\n      text\n\n      more\n';
    expect(pieces(text)).toEqual(['  - a: 1\n\n# between\n', '  - b: |\n      text\n\n      more\n']);
  });

  it('reads CRLF line endings', () => {
    expect(pieces('items:\r\n- a: 1\r\n-\r\n  b: 2\r\nkind: List\r\n')).toEqual(['- a: 1\r\n', '-\r\n  b: 2\r\n']);
  });

  it('ends the list at a line indented less than its entries, or at the entries\' indentation without a dash', () => {
    expect(pieces('items:\n  - a\n kind: x\n  - b\n')).toEqual(['  - a\n']);
    expect(pieces('items:\n- a\n-b: 1\n')).toEqual(['- a\n']);
  });

  it('proposes nothing where the reading could be wrong or there is no list', () => {
    expect(splitListText('kind: List\nitems: []\n')).toBeUndefined();
    expect(splitListText('kind: List\nitems:\nkind: x\n')).toBeUndefined();
    expect(splitListText('kind: List\n  items:\n  - a\n')).toBeUndefined(); // not a top-level key
    expect(splitListText('items:\n\t- a\n')).toBeUndefined(); // tab indentation
    expect(splitListText('items:\n-\ta\n')).toBeUndefined(); // tab after the dash
    expect(splitListText('items:\n- a\n---\nitems:\n- b\n')).toBeUndefined(); // a second document
    expect(splitListText('items:\n- a\n...\n')).toBeUndefined(); // document end marker
    expect(splitListText('%YAML 1.1\n---\nitems:\n- a\n')).toBeUndefined(); // directive
    expect(splitListText('kind: List\n')).toBeUndefined();
  });

  it('allows a document start marker on the first line', () => {
    expect(pieces('--- \nitems:\n- a\n')).toEqual(['- a\n']);
  });
});

describe('splitJsonListText', () => {
  const items = (text: string) => {
    const s = splitJsonListText(text);
    return s && s.itemStarts.map((at, i) => text.slice(at, s.itemEnds[i]));
  };

  it('finds the objects of the top-level items array, brackets and quotes inside strings aside', () => {
    const text = '{\n    "apiVersion": "v1",\n    "items": [\n        {"a": "}, {\\"x\\": ["},\n        {"b": [1, {"c": null}]}\n    ],\n    "kind": "List"\n}\n';
    const s = splitJsonListText(text)!;
    expect(s.flow).toBe(true);
    expect(s.keyOffset).toBe(text.indexOf('"items"'));
    expect(items(text)).toEqual(['{"a": "}, {\\"x\\": ["}', '{"b": [1, {"c": null}]}']);
    expect(text.slice(s.end)).toBe('\n    ],\n    "kind": "List"\n}\n');
  });

  it('ignores an items key below the top level', () => {
    expect(items('{"metadata": {"items": [{"x": 1}]}, "items": [{"y": 2}]}')).toEqual(['{"y": 2}']);
  });

  it('proposes nothing for YAML-only syntax, items that are not objects, or no items', () => {
    for (const text of [
      '{"items": [{"a": 1}], # c\n "kind": "List"}',
      "{'items': [{'a': 1}]}",
      '{\t"items": [{"a": 1}]}',
      '{"items": [{"a": 1}, ]}',
      '{"items": [{"a": 1}, [2]]}',
      '{"items": ["s"]}',
      '{"items": []}',
      '{"items": {"a": 1}}',
      '{"items": [{"a": 1}]} x',
      '[{"a": 1}]',
      '{"items": [{"a": "open}]}',
    ]) expect(splitJsonListText(text), text).toBeUndefined();
  });
});
