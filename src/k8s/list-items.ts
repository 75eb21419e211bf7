// Reads a `kind: List` document (a `kubectl get -A -o yaml` dump) one item at a time, so the
// parser's events (some 100 bytes each, millions for a large dump) exist for one item at once
// and none are kept: the line numbers of an item are found by parsing its text again, when
// asked. The result is the value and positions reading the file whole gives; whenever that
// cannot be made sure of here, this returns undefined and the caller reads the file whole.

import { constructFromEvents, parseEvents, EVENT_ID, COLLECTION_STYLE } from 'js-yaml';
import type { Event } from 'js-yaml';
import { splitListText } from './list-split.ts';
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

/**
 * An item's text parsed on its own is a document holding a one-entry block sequence:
 * DOCUMENT, SEQUENCE, the item's events, POP, POP. Its depth is one less than in the whole
 * document (no root mapping above it), hence maxDepth - 1.
 */
function parseItem(source: string, opts: ListReadOptions): Parsed | undefined {
  const p = parseOne(source, opts, opts.maxDepth - 1);
  if (!p || !Array.isArray(p.value) || p.value.length !== 1) return undefined;
  const seq = p.events[1];
  if (seq?.type !== EVENT_ID.SEQUENCE || seq.style !== COLLECTION_STYLE.BLOCK || seq.anchorStart >= 0 || seq.tagStart >= 0) return undefined;
  if (skipNode(p.events, 2) !== p.events.length - 2) return undefined;
  return p;
}

export function readListItems(text: string, opts: ListReadOptions): ItemwiseList | undefined {
  if (opts.maxDepth < 2) return undefined;
  const split = splitListText(text);
  if (!split) return undefined;
  // Merge keys count against a limit per load; aliases per document: both span items.
  if (text.includes('<<') || text.includes('!!merge') || text.includes('2002:merge')) return undefined;
  const first = split.itemStarts[0];
  const removed = split.end - first;
  // The document with its items cut out: `items:` is then an empty value of the root mapping.
  const skeletonText = text.slice(0, first) + text.slice(split.end);
  const skeleton = parseOne(skeletonText, opts, opts.maxDepth);
  if (!skeleton || !isRecord(skeleton.value) || skeleton.value.items !== null) return undefined;
  // A block mapping: in a flow one (`{... items:\n  - x }`) the lines are plain scalars.
  const rootMap = skeleton.events[1];
  if (rootMap?.type !== EVENT_ID.MAPPING || rootMap.style !== COLLECTION_STYLE.BLOCK) return undefined;
  const keyAt = rootItemsKey(skeleton.events, skeletonText);
  const key = keyAt === undefined ? undefined : skeleton.events[keyAt];
  const empty = keyAt === undefined ? undefined : skeleton.events[keyAt + 1];
  if (key?.type !== EVENT_ID.SCALAR || key.valueStart !== split.keyOffset) return undefined;
  if (empty?.type !== EVENT_ID.SCALAR || empty.valueStart >= 0 || empty.tagStart >= 0 || empty.anchorStart >= 0) return undefined;
  if (skeleton.events.some((e) => e.type === EVENT_ID.ALIAS)) return undefined;

  const count = split.itemStarts.length;
  const itemEnd = (i: number): number => (i + 1 < count ? split.itemStarts[i + 1] : split.end);
  const starts = new Int32Array(count).fill(-1);
  const items: unknown[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const at = split.itemStarts[i];
    const p = parseItem(text.slice(at, itemEnd(i)), opts);
    if (!p || p.events.some((e) => e.type === EVENT_ID.ALIAS)) return undefined;
    const off = firstOffset(p.events, 2, 3);
    if (off !== undefined) starts[i] = at + off;
    items[i] = (p.value as unknown[])[0];
  }
  const value = skeleton.value;
  value.items = items;
  const rootStart = firstOffset(skeleton.events);
  let root: PathIndex | undefined;
  return {
    value,
    start: rootStart,
    count,
    itemStart: (i) => (starts[i] >= 0 ? starts[i] : undefined),
    itemIndex: (i) => {
      const at = split.itemStarts[i];
      const source = text.slice(at, itemEnd(i));
      const p = parseItem(source, opts);
      if (!p) throw new Error(`list item ${i} no longer parses`); // the same text parsed before
      return pathIndex(p.events.slice(2, -2), source, at);
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
