// Reads YAML (multi-document) and JSON manifest text into raw objects, each with its file,
// document index and line numbers, expanding `kind: List` and typed lists (PodList, ...).
// Input is untrusted: size, nesting depth, alias count and alias-expanded size are limited,
// and every failure becomes a Diagnostic instead of an exception.

import { constructFromEvents, parseEvents, EVENT_ID } from 'js-yaml';
import type { Event } from 'js-yaml';
import type { Diagnostic } from './diagnostics.ts';
import { readListItems } from './list-items.ts';
import { KUBECTL_SCHEMA, firstOffset, pathIndex, rootItemsKey, skipNode } from './yaml-events.ts';
import { readStreamDocuments, splitDocuments, splitEventsByDocument } from './yaml-stream.ts';
import type { PathIndex } from './yaml-events.ts';
import { shapeProblem } from '../model/json-limits.ts';

export interface ParseLimits {
  /** Characters per file. */
  maxFileChars: number;
  /** Collection nesting depth (after alias expansion). */
  maxDepth: number;
  /** Alias nodes (`*ref`) per document. */
  maxAliases: number;
  /** Nodes per document counted with aliases expanded (guards "billion laughs"). */
  maxExpandedNodes: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxFileChars: 50 * 1024 * 1024,
  maxDepth: 100,
  maxAliases: 1000,
  maxExpandedNodes: 5_000_000,
};

export interface RawObject {
  file: string;
  /** 1-based document index in the file. */
  doc: number;
  /** 1-based line where the object starts (when known). */
  line?: number;
  value: Record<string, unknown>;
  /** 1-based line of a field path inside this object (e.g. "spec.ingress[0]"), when known. */
  lineOf: (path: string) => number | undefined;
  /**
   * How a value or key was written, when YAML 1.1 read it as something other than a string
   * (`y`, `on`, `010`, `1.0`, `~`): `value` for the field at `path`, `key` for its key.
   * Undefined when it was a string, quoted, or the source is JSON.
   */
  writtenAs?: (path: string, what: 'value' | 'key') => string | undefined;
}

export interface ParseResult {
  objects: RawObject[];
  diagnostics: Diagnostic[];
}

// kubectl's typed lists (`kubectl get deploy -o yaml` in some versions) leave out item kinds.
const LIST_SUFFIX = 'List';

/**
 * A path whose last key could be one YAML 1.1 read as a non-string: the key is then that
 * value as a string, `true`, `false`, `null` or a number. A superset; the index decides.
 */
const MAYBE_NON_STRING_KEY = /(?:^|\.)(?:true|false|null|NaN|-?Infinity|[-+0-9.eE]+)$/;

/** Parses one file. Never throws. */
export function parseManifestText(file: string, text: string, limits: Partial<ParseLimits> = {}): ParseResult {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const diagnostics: Diagnostic[] = [];
  const objects: RawObject[] = [];
  if (text.length > lim.maxFileChars) {
    diagnostics.push({
      severity: 'error', file,
      message: `file is too large (${text.length} characters; the limit is ${lim.maxFileChars}); nothing was read from it`,
    });
    return { objects, diagnostics };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const docs = readDocuments(file, text, lim, diagnostics);
  for (const d of docs) expandDocument(d, objects, diagnostics);
  return { objects, diagnostics };
}

interface LoadedDoc {
  file: string;
  doc: number;
  value: unknown;
  line?: number;
  lineOf: (path: string) => number | undefined;
  writtenAs?: (path: string, what: 'value' | 'key') => string | undefined;
}

/**
 * Where a document's nodes are, for line numbers (offsets in the file): from its parser
 * events, or, for a List read item by item, from each item's text parsed again on demand.
 */
interface DocPositions {
  /** Offset of the document's first node. */
  start: number | undefined;
  /** No node of the value is reachable twice (the document has no aliases). */
  tree: boolean;
  /** The items of the document's list (`items` of a List, or the root list), if it is one. */
  items(): ItemPositions | undefined;
  /** Every path of the document. */
  whole(): PathIndex;
}

interface ItemPositions {
  path: 'items' | '';
  count: number;
  /** Offset of item i's first node. */
  start(i: number): number | undefined;
  /** Paths inside item i, relative to it. */
  index(i: number): PathIndex;
}

function eventPositions(events: Event[], source: string, base: number): DocPositions {
  const at = (o: number | undefined) => (o === undefined ? undefined : base + o);
  return {
    start: at(firstOffset(events)),
    tree: !events.some((e) => e.type === EVENT_ID.ALIAS),
    items: () => {
      const r = listItemRanges(events, source);
      return r && {
        path: r.path,
        count: r.starts.length,
        start: (i) => at(firstOffset(events, r.starts[i], r.starts[i] + 1)),
        index: (i) => pathIndex(events.slice(r.starts[i], r.ends[i]), source, base),
      };
    },
    whole: () => pathIndex(events, source, base),
  };
}

// A `kind: List` file is read item by item when it can be (list-items.ts). Otherwise the
// whole file goes to the parser in one call; when that fails anywhere, each `---` chunk is
// parsed on its own so one malformed document does not hide the others (and errors point at
// the right document).
function readDocuments(file: string, text: string, lim: ParseLimits, diagnostics: Diagnostic[]): LoadedDoc[] {
  const out: LoadedDoc[] = [];
  const lineStarts = lineStartOffsets(text);
  const lineAt = (offset: number): number => upperBound(lineStarts, offset);
  let docIndex = 0;

  const emit = (positions: DocPositions, value: unknown): void => {
    docIndex += 1;
    const line = positions.start === undefined ? undefined : lineAt(positions.start);
    if (value === null || value === undefined) return; // empty or comment-only document
    if (!checkShape(value, lim, file, docIndex, line, diagnostics, positions.tree)) return;
    // Line numbers come from an index of field paths built on first use. For a list (a
    // `kind: List` dump, a bare top-level list) it is built per item, for the item asked
    // about, and only the last one is kept: a whole-dump index holds millions of paths.
    let items: ItemPositions | null | undefined;
    let index: PathIndex | undefined;
    let itemIndex: { item: number; index: PathIndex } | undefined;
    const listed = (path: string): { items: ItemPositions; item: number; rel: string } | undefined => {
      items ??= positions.items() ?? null;
      const m = items ? itemPath(path, items.path) : undefined;
      return items && m && m.item < items.count ? { items, ...m } : undefined;
    };
    const scope = (path: string): { index: PathIndex; rel: string; fallback: number | undefined } => {
      const m = listed(path);
      if (m) {
        if (itemIndex?.item !== m.item) itemIndex = { item: m.item, index: m.items.index(m.item) };
        const start = m.items.start(m.item);
        return { index: itemIndex.index, rel: m.rel, fallback: start === undefined ? line : lineAt(start) };
      }
      index ??= positions.whole();
      return { index, rel: path, fallback: line };
    };
    const lineOf = (path: string): number | undefined => {
      // An item's own line needs no index.
      const m = listed(path);
      if (m && m.rel === '') {
        const start = m.items.start(m.item);
        if (start !== undefined) return lineAt(start);
      }
      const { index: idx, rel, fallback } = scope(path);
      // Fall back to the closest enclosing path we know.
      for (let p = rel; ; p = parentPath(p)) {
        const off = idx.offsets.get(p);
        if (off !== undefined) return lineAt(off);
        if (p === '') return fallback;
      }
    };
    const writtenAs = (path: string, what: 'value' | 'key'): string | undefined => {
      // The importer asks this of every label key; most cannot be a YAML 1.1 non-string.
      if (what === 'key' && !MAYBE_NON_STRING_KEY.test(path)) return undefined;
      const { index: idx, rel } = scope(path);
      return (what === 'value' ? idx.writtenValues : idx.writtenKeys).get(rel);
    };
    out.push({ file, doc: docIndex, value, line, lineOf, writtenAs });
  };

  const list = readListItems(text, { filename: file, maxDepth: lim.maxDepth, maxAliases: lim.maxAliases });
  if (list) {
    emit({
      start: list.start,
      tree: true, // items with aliases are read whole
      items: () => ({ path: 'items', count: list.count, start: list.itemStart, index: list.itemIndex }),
      whole: list.rootIndex,
    }, list.value);
    return out;
  }
  // A `---` stream: one document at a time.
  const stream = readStreamDocuments(text, { filename: file, maxDepth: lim.maxDepth, maxAliases: lim.maxAliases });
  if (stream) {
    for (const d of stream) {
      let events: DocPositions | undefined;
      const parsed = () => (events ??= eventPositions(d.events(), d.chunk.text, d.chunk.offset));
      emit({ start: d.start, tree: d.tree, items: () => parsed().items(), whole: () => parsed().whole() }, d.value);
    }
    return out;
  }

  const whole = loadAllAtOnce(file, text, lim);
  if (whole) {
    whole.docs.forEach((docEvents, i) => emit(eventPositions(docEvents, text, 0), whole.values[i]));
    return out;
  }

  for (const chunk of splitDocuments(text)) {
    let events: Event[];
    try {
      events = parseEvents(chunk.text, { filename: file, maxDepth: lim.maxDepth });
    } catch (err) {
      if (isJsonLike(chunk.text)) {
        const json = tryJson(chunk.text);
        if (json.ok) {
          docIndex += 1;
          if (checkShape(json.value, lim, file, docIndex, lineAt(chunk.offset), diagnostics, true)) {
            out.push({ file, doc: docIndex, value: json.value, line: lineAt(chunk.offset), lineOf: () => undefined });
          }
          continue;
        }
      }
      docIndex += 1;
      diagnostics.push(yamlErrorDiagnostic(err, file, docIndex, (rel) => lineAt(chunk.offset + rel)));
      continue;
    }
    for (const docEvents of splitEventsByDocument(events)) {
      let values: unknown[];
      try {
        values = constructFromEvents(docEvents, { source: chunk.text, filename: file, schema: KUBECTL_SCHEMA, maxAliases: lim.maxAliases });
      } catch (err) {
        docIndex += 1;
        const startOffset = firstOffset(docEvents);
        const line = startOffset === undefined ? undefined : lineAt(chunk.offset + startOffset);
        diagnostics.push(yamlErrorDiagnostic(err, file, docIndex, (rel) => lineAt(chunk.offset + rel), line));
        continue;
      }
      emit(eventPositions(docEvents, chunk.text, chunk.offset), values[0]);
    }
  }
  return out;
}

function loadAllAtOnce(file: string, text: string, lim: ParseLimits): { docs: Event[][]; values: unknown[] } | undefined {
  try {
    const events = parseEvents(text, { filename: file, maxDepth: lim.maxDepth });
    const values = constructFromEvents(events, { source: text, filename: file, schema: KUBECTL_SCHEMA, maxAliases: lim.maxAliases });
    const docs = splitEventsByDocument(events);
    return docs.length === values.length ? { docs, values } : undefined;
  } catch {
    return undefined;
  }
}

function expandDocument(d: LoadedDoc, objects: RawObject[], diagnostics: Diagnostic[]): void {
  // A bare top-level list (a JSON array of objects, or a YAML sequence) is read like the
  // items of a `kind: List`: skipping it silently would hide every object in the file.
  if (Array.isArray(d.value)) {
    expandItems(d, d.value, (i) => `[${i}]`, undefined, undefined, objects, diagnostics);
    return;
  }
  if (!isRecord(d.value)) {
    diagnostics.push({ severity: 'warning', file: d.file, doc: d.doc, line: d.line, message: `document is ${describeShape(d.value)}, not a mapping (object) or a list of objects; skipped` });
    return;
  }
  const kind = d.value.kind;
  if (typeof kind === 'string' && kind.endsWith(LIST_SUFFIX) && Array.isArray(d.value.items)) {
    const itemKind = kind === LIST_SUFFIX ? undefined : kind.slice(0, -LIST_SUFFIX.length);
    const listApi = typeof d.value.apiVersion === 'string' ? d.value.apiVersion : undefined;
    expandItems(d, d.value.items, (i) => `items[${i}]`, itemKind, listApi, objects, diagnostics);
    return;
  }
  objects.push({ file: d.file, doc: d.doc, line: d.line, value: d.value, lineOf: d.lineOf, writtenAs: d.writtenAs });
}

function describeShape(v: unknown): string {
  if (typeof v === 'string') return 'a plain string';
  return `a ${typeof v} (${String(v)})`;
}

function expandItems(
  d: LoadedDoc, items: unknown[], pathOf: (i: number) => string, itemKind: string | undefined, listApi: string | undefined,
  objects: RawObject[], diagnostics: Diagnostic[],
): void {
  items.forEach((item: unknown, i: number) => {
    const prefix = pathOf(i);
    if (!isRecord(item)) {
      diagnostics.push({ severity: 'warning', file: d.file, doc: d.doc, line: d.lineOf(prefix), path: prefix, message: 'list item is not an object; skipped' });
      return;
    }
    // Typed lists omit kind/apiVersion on items; derive them from the list.
    let value = item;
    if (value.kind === undefined && itemKind) value = { ...value, kind: itemKind };
    if (value.apiVersion === undefined && itemKind && listApi && listApi !== 'v1') value = { ...value, apiVersion: listApi };
    else if (value.apiVersion === undefined && itemKind && listApi === 'v1') value = { ...value, apiVersion: 'v1' };
    const inner = (path: string): string => (path === '' ? prefix : `${prefix}.${path}`);
    const written = d.writtenAs;
    objects.push({
      file: d.file, doc: d.doc, line: d.lineOf(prefix), value,
      lineOf: (path) => d.lineOf(inner(path)),
      ...(written ? { writtenAs: (path: string, what: 'value' | 'key') => written(inner(path), what) } : {}),
    });
  });
}

// ------------------------------------------------------------------ limits

/**
 * Depth and alias-expanded size, memoised per shared (aliased) node so bombs stay cheap.
 * Iterative (an explicit stack): a hostile file nested thousands of levels deep must get a
 * diagnostic, not overflow the call stack.
 */
function checkShape(value: unknown, lim: ParseLimits, file: string, doc: number, line: number | undefined, diagnostics: Diagnostic[], tree: boolean): boolean {
  const problem = shapeProblem(value, lim, { tree });
  if (problem) {
    diagnostics.push({ severity: 'error', file, doc, line, message: `${problem}; document refused` });
    return false;
  }
  return true;
}

// ------------------------------------------------------------------ YAML helpers

/** Event ranges [starts[i], ends[i]) of the items of a document's list: `items` of a List, or the root list itself. */
interface ItemRanges { path: 'items' | ''; starts: number[]; ends: number[] }

function listItemRanges(events: Event[], source: string): ItemRanges | undefined {
  const rootAt = events[0]?.type === EVENT_ID.DOCUMENT ? 1 : 0;
  let seqAt = -1;
  let path: ItemRanges['path'] = '';
  if (events[rootAt]?.type === EVENT_ID.SEQUENCE) seqAt = rootAt;
  else {
    path = 'items';
    const key = rootItemsKey(events, source);
    if (key === undefined) return undefined;
    const seq = events[key + 1];
    if (seq?.type !== EVENT_ID.SEQUENCE || seq.anchorStart >= 0) return undefined;
    seqAt = key + 1;
  }
  const starts: number[] = [];
  const ends: number[] = [];
  for (let j = seqAt + 1; j < events.length && events[j].type !== EVENT_ID.POP; ) {
    const end = skipNode(events, j);
    starts.push(j);
    ends.push(end);
    j = end;
  }
  return { path, starts, ends };
}

/** `items[3].spec.x` -> item 3, relative path `spec.x`. */
function itemPath(path: string, prefix: string): { item: number; rel: string } | undefined {
  if (!path.startsWith(`${prefix}[`)) return undefined;
  const close = path.indexOf(']', prefix.length);
  const item = Number(path.slice(prefix.length + 1, close));
  if (close < 0 || !Number.isInteger(item) || item < 0) return undefined;
  const rest = path.slice(close + 1);
  return { item, rel: rest.startsWith('.') ? rest.slice(1) : rest };
}

function parentPath(path: string): string {
  const m = /^(.*)(\.[^.[\]]*|\[\d+\])$/.exec(path);
  return m ? m[1] : '';
}

function yamlErrorDiagnostic(err: unknown, file: string, doc: number, lineAt: (rel: number) => number, fallbackLine?: number): Diagnostic {
  const e = err as { reason?: unknown; message?: unknown; mark?: { position?: unknown } };
  const reason = typeof e?.reason === 'string' ? e.reason : typeof e?.message === 'string' ? e.message : String(err);
  const pos = typeof e?.mark?.position === 'number' ? e.mark.position : undefined;
  const line = pos !== undefined ? lineAt(pos) : fallbackLine;
  const limit = /maxDepth|maxAliases|maxTotalMergeKeys/.test(reason);
  return {
    severity: 'error', file, doc, line,
    message: limit ? `document refused: ${reason}` : `malformed YAML: ${reason}; document skipped`,
  };
}

function isJsonLike(text: string): boolean {
  const t = text.replace(/^---/, '').trimStart();
  return t.startsWith('{') || t.startsWith('[');
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^---/, '')) };
  } catch {
    return { ok: false };
  }
}

function lineStartOffsets(text: string): Int32Array {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines += 1;
  const starts = new Int32Array(lines);
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
  return starts;
}

/** 1-based line number of an offset: count of line starts <= offset. */
function upperBound(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
