// Reads a `kind: List` document (a `kubectl get -A -o yaml` or `-o json` dump) one item at a time, so the
// parser's events (some 100 bytes each, millions for a large dump) exist for one item at once
// and none are kept: the line numbers of an item are found by parsing its text again, when
// asked. The result is the value and positions reading the file whole gives; whenever that
// cannot be made sure of here, this returns undefined and the caller reads the file whole.

import { constructFromEvents, parseEvents, EVENT_ID, COLLECTION_STYLE } from 'js-yaml';
import type { Event } from 'js-yaml';
import { splitJsonListText, splitListText } from './list-split.ts';
import type { ListSplit } from './list-split.ts';
import { KUBECTL_SCHEMA, firstOffset, pathIndex, rootItemsKey, skipNode } from './yaml-events.ts';
import type { PathIndex } from './yaml-events.ts';

export interface ListReadOptions {
  filename: string;
  maxDepth: number;
  maxAliases: number;
}

export interface ItemwiseList {
  value: Record<string, unknown>;
  /** Offset of the document's first node. */
  start: number | undefined;
  /** Number of items. */
  count: number;
  /** Offset of item i's first node, when it has one. */
  itemStart(i: number): number | undefined;
  /** Paths inside item i (relative to it) -> offsets in the file; parses the item again. */
  itemIndex(i: number): PathIndex;
  /** Paths of the document outside its items -> offsets in the file. */
  rootIndex(): PathIndex;
}

interface Parsed { events: Event[]; value: unknown }


function parseOne(source: string, opts: ListReadOptions, maxDepth: number): Parsed | undefined {
  try {
    const events = parseEvents(source, { filename: opts.filename, maxDepth });
    const values = constructFromEvents(events, { source, filename: opts.filename, schema: KUBECTL_SCHEMA, maxAliases: opts.maxAliases });
    return values.length === 1 && events[0]?.type === EVENT_ID.DOCUMENT && events[0].directives.length === 0 ? { events, value: values[0] } : undefined;
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Item { events: Event[]; value: unknown; from: number; to: number }

/**
 * A YAML item's text parsed on its own is a document holding a one-entry block sequence:
 * DOCUMENT, SEQUENCE, the item's events, POP, POP; its depth is one less than in the whole
 * document (no root mapping above it). A JSON item's text is a document holding the item's
 * flow mapping, two levels up (no root object, no items array).
 */
function parseItem(source: string, opts: ListReadOptions, flow: boolean): Item | undefined {
  const p = parseOne(source, opts, opts.maxDepth - (flow ? 2 : 1));
  if (!p) return undefined;
  if (flow) {
    const map = p.events[1];
    if (map?.type !== EVENT_ID.MAPPING || map.style !== COLLECTION_STYLE.FLOW || map.anchorStart >= 0 || map.tagStart >= 0) return undefined;
    if (skipNode(p.events, 1) !== p.events.length - 1) return undefined;
    return { events: p.events, value: p.value, from: 1, to: p.events.length - 1 };
  }
  if (!Array.isArray(p.value) || p.value.length !== 1) return undefined;
  const seq = p.events[1];
  if (seq?.type !== EVENT_ID.SEQUENCE || seq.style !== COLLECTION_STYLE.BLOCK || seq.anchorStart >= 0 || seq.tagStart >= 0) return undefined;
  if (skipNode(p.events, 2) !== p.events.length - 2) return undefined;
  return { events: p.events, value: p.value[0], from: 2, to: p.events.length - 2 };
}

/**
 * The document with its items cut out parses to a root mapping (block in YAML, flow in JSON)
 * whose `items` key is where the split found it, with an empty value: nothing in YAML, `[]`
 * in JSON. Then the items' text was the value of that key and nothing else.
 */
function skeletonFits(skeleton: Parsed, source: string, split: ListSplit): boolean {
  const root = skeleton.events[1];
  const style = split.flow ? COLLECTION_STYLE.FLOW : COLLECTION_STYLE.BLOCK;
  if (!isRecord(skeleton.value) || root?.type !== EVENT_ID.MAPPING || root.style !== style) return false;
  const keyAt = rootItemsKey(skeleton.events, source);
  const key = keyAt === undefined ? undefined : skeleton.events[keyAt];
  const empty = keyAt === undefined ? undefined : skeleton.events[keyAt + 1];
  if (key?.type !== EVENT_ID.SCALAR || empty === undefined || empty.type === EVENT_ID.DOCUMENT || empty.type === EVENT_ID.POP || empty.type === EVENT_ID.ALIAS) return false;
  if (empty.anchorStart >= 0 || empty.tagStart >= 0) return false;
  if (split.flow) {
    const items = skeleton.value.items;
    return key.valueStart === split.keyOffset + 1 && empty.type === EVENT_ID.SEQUENCE && empty.style === COLLECTION_STYLE.FLOW
      && skeleton.events[keyAt! + 2]?.type === EVENT_ID.POP && Array.isArray(items) && items.length === 0;
  }
  return key.valueStart === split.keyOffset && empty.type === EVENT_ID.SCALAR && empty.valueStart < 0 && skeleton.value.items === null;
}

export function readListItems(text: string, opts: ListReadOptions): ItemwiseList | undefined {
  if (opts.maxDepth < 2) return undefined;
  const split = splitListText(text) ?? splitJsonListText(text);
  if (!split) return undefined;
  // Merge keys count against a limit per load; aliases per document: both span items.
  if (text.includes('<<') || text.includes('!!merge') || text.includes('2002:merge')) return undefined;
  const first = split.itemStarts[0];
  const removed = split.end - first;
  // The document with its items cut out.
  const skeletonText = text.slice(0, first) + text.slice(split.end);
  const skeleton = parseOne(skeletonText, opts, opts.maxDepth);
  if (!skeleton || !skeletonFits(skeleton, skeletonText, split)) return undefined;
  if (skeleton.events.some((e) => e.type === EVENT_ID.ALIAS)) return undefined;

  const count = split.itemStarts.length;
  const itemText = (i: number): string => text.slice(split.itemStarts[i], split.itemEnds[i]);
  const starts = new Int32Array(count).fill(-1);
  const items: unknown[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const p = parseItem(itemText(i), opts, split.flow);
    if (!p || p.events.some((e) => e.type === EVENT_ID.ALIAS)) return undefined;
    const off = firstOffset(p.events, p.from, p.from + 1);
    if (off !== undefined) starts[i] = split.itemStarts[i] + off;
    items[i] = p.value;
  }
  const value = skeleton.value as Record<string, unknown>;
  value.items = items;
  const rootStart = firstOffset(skeleton.events);
  let root: PathIndex | undefined;
  return {
    value,
    start: rootStart,
    count,
    itemStart: (i) => (starts[i] >= 0 ? starts[i] : undefined),
    itemIndex: (i) => {
      const source = itemText(i);
      const p = parseItem(source, opts, split.flow);
      if (!p) throw new Error(`list item ${i} no longer parses`); // the same text parsed before
      return pathIndex(p.events.slice(p.from, p.to), source, split.itemStarts[i]);
    },
    rootIndex: () => {
      if (!root) {
        root = pathIndex(skeleton.events, skeletonText);
        for (const [p, o] of root.offsets) if (o >= first) root.offsets.set(p, o + removed);
      }
      return root;
    },
  };
}
