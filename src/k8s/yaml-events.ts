// Helpers over js-yaml's event stream shared by the manifest reader (parse.ts) and the
// item-by-item List reader (list-items.ts): the schema kubectl reads with, where a node starts
// and ends in the stream, and the field-path index that gives diagnostics their lines.

import { getScalarValue, Schema, YAML11_SCHEMA, EVENT_ID, SCALAR_STYLE } from 'js-yaml';
import type { Event } from 'js-yaml';

/**
 * kubectl reads YAML 1.1 (go-yaml v2): `yes`/`on`/`y` are booleans, `010` is octal... but a
 * plain timestamp stays a string when decoded into an untyped value. So: YAML 1.1 minus the
 * implicit timestamp, or `date: 2024-01-01` labels would be read as something kubectl never sees.
 */
export const KUBECTL_SCHEMA = new Schema(YAML11_SCHEMA.tags.filter((t) => t.tagName !== 'tag:yaml.org,2002:timestamp'));

/** Source offset of the first node in `events` (a collection's start, a scalar's value). */
export function firstOffset(events: readonly Event[], from = 0, to = events.length): number | undefined {
  for (let i = from; i < to; i++) {
    const e = events[i];
    if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) return e.start;
    if (e.type === EVENT_ID.SCALAR && e.valueStart >= 0) return e.valueStart;
  }
  return undefined;
}

/** Index just past the node that starts at event j. */
export function skipNode(events: readonly Event[], j: number): number {
  const t = events[j]?.type;
  if (t !== EVENT_ID.MAPPING && t !== EVENT_ID.SEQUENCE) return j + 1;
  let depth = 0;
  for (; j < events.length; j++) {
    const tt = events[j].type;
    if (tt === EVENT_ID.MAPPING || tt === EVENT_ID.SEQUENCE) depth += 1;
    else if (tt === EVENT_ID.POP && --depth === 0) return j + 1;
  }
  return j;
}

/**
 * Event index of the `items` key of a document whose root is a mapping, walking only its
 * plain-scalar keys; undefined when there is none or a key is unusual (empty, `<<`), where
 * a reader cannot be sure which entry is the list.
 */
export function rootItemsKey(events: readonly Event[], source: string): number | undefined {
  let i = events[0]?.type === EVENT_ID.DOCUMENT ? 1 : 0;
  if (events[i]?.type !== EVENT_ID.MAPPING) return undefined;
  for (i += 1; i < events.length && events[i].type !== EVENT_ID.POP; ) {
    const k = events[i];
    if (k.type !== EVENT_ID.SCALAR || k.valueStart < 0) return undefined;
    const key = getScalarValue(source, k);
    if (key === '<<') return undefined;
    if (key === 'items') return i;
    i = skipNode(events, i + 1);
  }
  return undefined;
}

export interface PathIndex {
  /** Field path -> source offset of the field (its key, for mapping entries). */
  offsets: Map<string, number>;
  /** Field path -> the scalar as written, for plain scalars that YAML 1.1 reads as something other than a string. */
  writtenValues: Map<string, string>;
  /** Field path -> its key as written, when YAML 1.1 reads the key as a non-string (`on:` becomes "true"). */
  writtenKeys: Map<string, string>;
}

/** What YAML 1.1 makes of a plain scalar: the text when it stays a string, else the value. */
function resolvePlain(text: string): unknown {
  try {
    return KUBECTL_SCHEMA.resolveImplicitScalarTag(text).value;
  } catch {
    return text;
  }
}

/**
 * Field paths (keys joined like `spec.ingress[0].from`, as the constructed value has them) ->
 * where they are (offset in `source` plus `base`) and how they were written.
 */
export function pathIndex(events: readonly Event[], source: string, base = 0): PathIndex {
  const offsets = new Map<string, number>();
  const writtenValues = new Map<string, string>();
  const writtenKeys = new Map<string, string>();
  type Frame = { kind: 'map' | 'seq'; path: string; index: number; key?: string; keyOffset?: number; expectKey: boolean };
  const stack: Frame[] = [];
  const childPath = (f: Frame): string =>
    f.kind === 'seq' ? `${f.path}[${f.index}]` : f.path === '' ? f.key ?? '' : `${f.path}.${f.key ?? ''}`;
  // Called for every node; returns the node's path if it is a value (not a key).
  const place = (offset: number, scalarText?: string, plain?: boolean): string | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    if (top.kind === 'map') {
      if (top.expectKey) {
        let key = scalarText ?? '?';
        let writtenKey: string | undefined;
        if (plain && scalarText !== undefined) {
          const v = resolvePlain(scalarText);
          if (typeof v !== 'string') { key = String(v); writtenKey = scalarText; }
        }
        top.key = key;
        top.keyOffset = offset;
        top.expectKey = false;
        if (writtenKey !== undefined) writtenKeys.set(childPath(top), writtenKey);
        return undefined;
      }
      top.expectKey = true;
      const p = childPath(top);
      // Report the key's line: that is where a reader looks for the field.
      offsets.set(p, base + (top.keyOffset ?? offset));
      return p;
    }
    const p = childPath(top);
    top.index += 1;
    offsets.set(p, base + offset);
    return p;
  };
  for (const e of events) {
    switch (e.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const p = place(e.start) ?? '?';
        if (stack.length === 0) offsets.set('', base + e.start);
        stack.push({ kind: e.type === EVENT_ID.MAPPING ? 'map' : 'seq', path: p, index: 0, expectKey: true });
        break;
      }
      case EVENT_ID.SCALAR: {
        const text = e.valueStart >= 0 ? getScalarValue(source, e) : '';
        const plain = e.style === SCALAR_STYLE.PLAIN && e.tagStart < 0;
        const p = place(e.valueStart, text, plain);
        if (p !== undefined && plain && text !== '' && typeof resolvePlain(text) !== 'string') writtenValues.set(p, text);
        break;
      }
      case EVENT_ID.ALIAS:
        place(e.anchorStart);
        break;
      case EVENT_ID.POP:
        stack.pop();
        break;
      default:
        break;
    }
  }
  return { offsets, writtenValues, writtenKeys };
}
