// The vocabulary of the known-fields schemas (schema.ts has the kinds) and the check itself:
// - obj({...}): an object with exactly these fields (any other field is unknown);
// - list(s): a list whose items follow s;  map(s): free-form keys (labels) whose values follow s;
// - LEAF: a scalar, or a subtree with free-form content (status, managedFields.fieldsV1...).
// A value of the wrong shape (a list where an object belongs) is not an unknown-field problem:
// the readers report it, this check just does not descend into it.

import { isRecord } from './parse.ts';

export type FieldSchema =
  | { kind: 'leaf' }
  | { kind: 'object'; fields: Readonly<Record<string, FieldSchema>> }
  | { kind: 'list'; items: FieldSchema }
  | { kind: 'map'; values: FieldSchema };

export const LEAF: FieldSchema = { kind: 'leaf' };
export const obj = (fields: Record<string, FieldSchema>): FieldSchema => ({ kind: 'object', fields });
export const list = (items: FieldSchema): FieldSchema => ({ kind: 'list', items });
export const map = (values: FieldSchema = LEAF): FieldSchema => ({ kind: 'map', values });
/** An object whose listed fields are all leaves. */
export const leaves = (...names: string[]): FieldSchema => obj(Object.fromEntries(names.map((n) => [n, LEAF])));

export interface UnknownField {
  /** Full path of the unknown field, e.g. "spec.ingress[0].form". */
  path: string;
  /** Path of the object that holds it, e.g. "spec.ingress[0]" ('' for the top level). */
  parent: string;
  field: string;
  /** The nearest known field of that object, when one is close enough to be a likely typo. */
  suggestion?: string;
}

/** Every unknown field of `value` under `schema`, in document order. Iterative: depth is no risk. */
export function findUnknownFields(value: unknown, schema: FieldSchema): UnknownField[] {
  const out: UnknownField[] = [];
  type Item = { v: unknown; s: FieldSchema; path: string } | UnknownField;
  const stack: Item[] = [{ v: value, s: schema, path: '' }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('field' in item) { out.push(item); continue; }
    const { v, s, path } = item;
    const children: Item[] = [];
    if (s.kind === 'object' && isRecord(v)) {
      for (const k in v) {
        if (!Object.hasOwn(v, k)) continue;
        const childPath = path === '' ? k : `${path}.${k}`;
        const cs = Object.hasOwn(s.fields, k) ? s.fields[k] : undefined;
        if (!cs) {
          const suggestion = nearestField(k, Object.keys(s.fields));
          children.push({ path: childPath, parent: path, field: k, ...(suggestion ? { suggestion } : {}) });
        } else if (cs.kind !== 'leaf') children.push({ v: v[k], s: cs, path: childPath });
      }
    } else if (s.kind === 'list' && Array.isArray(v)) {
      v.forEach((child, i) => children.push({ v: child, s: s.items, path: `${path}[${i}]` }));
    } else if (s.kind === 'map' && isRecord(v) && s.values.kind !== 'leaf') {
      for (const [k, child] of Object.entries(v)) children.push({ v: child, s: s.values, path: `${path}.${k}` });
    }
    // Reverse so the stack pops them in document order (unknown fields among their siblings).
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

/** The candidate closest to `word` (optimal string alignment distance), if it is a plausible typo. */
export function nearestField(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = osaDistance(w, c.toLowerCase());
    if (d < bestD) { best = c; bestD = d; }
  }
  const allowed = Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestD <= allowed ? best : undefined;
}

/** Edit distance counting an adjacent transposition ("form" -> "from") as one edit. */
function osaDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2] + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1];
}

// ------------------------------------------------------------------ shared pieces

export const OBJECT_META = obj({
  name: LEAF, generateName: LEAF, namespace: LEAF, selfLink: LEAF, uid: LEAF, resourceVersion: LEAF, generation: LEAF,
  creationTimestamp: LEAF, deletionTimestamp: LEAF, deletionGracePeriodSeconds: LEAF, labels: map(), annotations: map(),
  ownerReferences: list(leaves('apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion')), finalizers: LEAF,
  // fieldsV1 is a free-form field set ("f:spec": {...}).
  managedFields: list(leaves('manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1', 'subresource')),
});

export const LABEL_SELECTOR = obj({
  matchLabels: map(),
  matchExpressions: list(leaves('key', 'operator', 'values')),
});

/** apiVersion, kind, metadata, status around a spec schema. */
export function topLevel(spec: FieldSchema, extra: Record<string, FieldSchema> = {}): FieldSchema {
  return obj({ apiVersion: LEAF, kind: LEAF, metadata: OBJECT_META, spec, status: LEAF, ...extra });
}

