// Side-by-side diff of two multi-document YAML manifests (base vs new), as a whole and grouped
// per Kubernetes object, so a reviewer sees "NetworkPolicy shop/allow-web changed" rather than
// one long stream of lines.

import { diffLines, sideBySideRows, unifiedDiff, type DiffRow } from './line-diff.ts';

export type { DiffLine, DiffRow, DiffRowKind } from './line-diff.ts';

export interface YamlDiff {
  rows: DiffRow[];
  unified: string;
  /** Lines only in the new text / only in the base text ('changed' rows count on both sides). */
  added: number;
  removed: number;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function yamlDiff(baseText: string, newText: string, labels = { left: 'base', right: 'new' }): YamlDiff {
  const a = splitLines(baseText);
  const b = splitLines(newText);
  const ops = diffLines(a, b);
  return {
    rows: sideBySideRows(a, b, ops),
    unified: unifiedDiff(a, b, labels, 3, ops),
    added: ops.filter((o) => o === '+').length,
    removed: ops.filter((o) => o === '-').length,
  };
}

// ---------------------------------------------------------------- per object

interface YamlDocument {
  /** `Kind namespace/name`, or `document <n>` when the document names no object. */
  key: string;
  lines: string[];
  /** 1-based line number of the first line in the whole text. */
  firstLine: number;
}

function unquote(s: string): string {
  const t = s.trim();
  return /^(['"]).*\1$/.test(t) ? t.slice(1, -1) : t;
}

/** Reads kind, metadata.namespace and metadata.name from the top of a YAML document. */
function objectKey(lines: readonly string[], index: number): string {
  let kind: string | undefined;
  let name: string | undefined;
  let namespace: string | undefined;
  let inMetadata = false;
  let metaIndent = -1;
  for (const line of lines) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === 0) {
      inMetadata = /^metadata:\s*$/.test(line);
      metaIndent = -1;
      const k = /^kind:\s*(.+)$/.exec(line);
      if (k) kind = unquote(k[1]);
      continue;
    }
    if (!inMetadata) continue;
    if (metaIndent < 0) metaIndent = indent;
    if (indent !== metaIndent) continue;
    const n = /^\s*name:\s*(.+)$/.exec(line);
    if (n) name = unquote(n[1]);
    const ns = /^\s*namespace:\s*(.+)$/.exec(line);
    if (ns) namespace = unquote(ns[1]);
  }
  if (!kind || !name) return `document ${index + 1}`;
  return `${kind} ${namespace ? `${namespace}/` : ''}${name}`;
}

function splitDocuments(text: string): YamlDocument[] {
  const lines = splitLines(text);
  const docs: YamlDocument[] = [];
  let start = 0;
  const flush = (end: number) => {
    const body = lines.slice(start, end);
    if (body.some((l) => !/^\s*(#.*)?$/.test(l))) docs.push({ key: '', lines: body, firstLine: start + 1 });
  };
  lines.forEach((line, i) => {
    if (/^---\s*$/.test(line)) {
      flush(i);
      start = i + 1;
    }
  });
  flush(lines.length);
  const seen = new Map<string, number>();
  docs.forEach((d, i) => {
    const base = objectKey(d.lines, i);
    // Duplicate keys (two documents for the same object) stay distinct.
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    d.key = count === 1 ? base : `${base} (${count})`;
  });
  return docs;
}

export type ObjectDiffStatus = 'added' | 'removed' | 'changed' | 'same';

export interface ObjectDiff {
  /** `Kind namespace/name`, e.g. `NetworkPolicy shop/allow-web`. */
  key: string;
  status: ObjectDiffStatus;
  /** Line numbers are those of the whole base / new text. */
  rows: DiffRow[];
}

/**
 * The manifests diffed object by object, matched by kind, namespace and name. Objects appear
 * in the order of the new text; removed ones where they stood in the base text.
 */
export function yamlDiffByObject(baseText: string, newText: string): ObjectDiff[] {
  const base = splitDocuments(baseText);
  const next = splitDocuments(newText);
  const baseByKey = new Map(base.map((d) => [d.key, d]));
  const nextKeys = new Set(next.map((d) => d.key));
  const out: ObjectDiff[] = [];
  let bi = 0;
  const flushRemoved = (upTo: number) => {
    for (; bi < upTo; bi++) {
      const d = base[bi];
      if (nextKeys.has(d.key)) continue;
      out.push({ key: d.key, status: 'removed', rows: sideBySideRows(d.lines, [], undefined, { left: d.firstLine, right: 1 }) });
    }
  };
  for (const d of next) {
    const old = baseByKey.get(d.key);
    if (!old) {
      out.push({ key: d.key, status: 'added', rows: sideBySideRows([], d.lines, undefined, { left: 1, right: d.firstLine }) });
      continue;
    }
    const at = base.indexOf(old);
    flushRemoved(at);
    const rows = sideBySideRows(old.lines, d.lines, undefined, { left: old.firstLine, right: d.firstLine });
    out.push({ key: d.key, status: rows.every((r) => r.kind === 'same') ? 'same' : 'changed', rows });
    // Objects removed right after this one in the base text follow it here too.
    bi = Math.max(bi, at + 1);
    let end = bi;
    while (end < base.length && !nextKeys.has(base[end].key)) end++;
    flushRemoved(end);
  }
  flushRemoved(base.length);
  return out;
}
