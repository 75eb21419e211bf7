// Mutation fuzzing of the importer (issue 8). A case mutates one element of one object of a
// valid manifest set and checks three things against the importer and the evaluator:
//   1. nothing throws;
//   2. no diagnostic is an "internal error" (a converter bug caught by the importer);
//   3. for an element inside a NetworkPolicy made invalid, the analysis allows no more than
//      with that element deleted (the README rule "invalid input never widens access").
// Text-level mutations of the YAML (typed values, broken syntax) check 1 and 2 only.
// Pure: the test and `npm run fuzz` read the corpus files and choose the cases.

import { evaluate } from '../../policy/evaluate.ts';
import { isEmpty, subtract, describeConn } from '../../policy/portset.ts';
import { connBetween } from '../../policy/reachability.ts';
import type { Reachability } from '../../policy/reachability-types.ts';
import { importManifests, importRawObjects } from '../import.ts';
import type { RawObject } from '../parse.ts';
import type { ManifestFile } from '../import.ts';
import { parseManifestText } from '../parse.ts';

/** One manifest set that is imported together (e.g. a sample directory). */
export interface CorpusEntry {
  name: string;
  files: ManifestFile[];
}

/** A corpus entry read into plain objects once, so cases only copy and mutate. */
export interface PreparedEntry {
  name: string;
  files: ManifestFile[];
  objects: Record<string, unknown>[];
}

export function prepare(entry: CorpusEntry): PreparedEntry {
  const objects = entry.files.flatMap((f) => parseManifestText(f.name, f.text).objects.map((o) => o.value));
  return { name: entry.name, files: entry.files, objects };
}

/** Numbers that pick a case; any values work (taken modulo what is there). */
export interface CaseChoice {
  entry: number;
  object: number;
  site: number;
  mutation: number;
  value: number;
}

export interface CaseResult {
  /** What was done, for reports. */
  description: string;
  /** Problems found; empty when the case passed. */
  problems: string[];
}

/**
 * Values that are invalid (or mean "absent") wherever they replace a field of a NetworkPolicy,
 * so the oracle compares an invalid element with its deletion, never two valid readings. (No
 * '' or small numbers: `app: ""` and `port: 5` are valid and may legitimately select differently.)
 */
export const INVALID_VALUES: readonly unknown[] = [
  null, 0, -1, 70000, 1.5, true, ' padded ', 'Not Valid!', 'evil\u001b[31m\n', [], [[[]]], { zzUnknown: 1 },
];

/** Text-level replacements for a YAML value: YAML 1.1 typed scalars and broken syntax. */
const TEXT_VALUES: readonly string[] = ['y', 'on', 'no', '~', '010', '1.10', '2024-01-01', '[[[', '{', '*nope', '&a x', "'open", '"\\u', '!!binary x', '- - -'];

type Seg = string | number;

const FREE_KEY_MAPS = new Set(['matchLabels', 'labels', 'annotations', 'selector', 'nodeSelector']);
interface Site { path: Seg[] }

/** Every field and list item of `v`, as paths (iterative: the corpus may be large). */
export function sitesOf(v: unknown): Site[] {
  const out: Site[] = [];
  const stack: { v: unknown; path: Seg[] }[] = [{ v, path: [] }];
  while (stack.length > 0) {
    const { v: cur, path } = stack.pop()!;
    if (Array.isArray(cur)) cur.forEach((x, i) => { out.push({ path: [...path, i] }); stack.push({ v: x, path: [...path, i] }); });
    else if (cur !== null && typeof cur === 'object') {
      for (const [k, x] of Object.entries(cur)) { out.push({ path: [...path, k] }); stack.push({ v: x, path: [...path, k] }); }
    }
  }
  return out;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function parentOf(root: unknown, path: Seg[]): Record<string, unknown> | unknown[] {
  let cur = root as Record<string | number, unknown>;
  for (const s of path.slice(0, -1)) cur = cur[s] as Record<string | number, unknown>;
  return cur as Record<string, unknown> | unknown[];
}

function setAt(root: unknown, path: Seg[], value: unknown): void {
  const p = parentOf(root, path);
  (p as Record<string | number, unknown>)[path[path.length - 1]] = value;
}

function deleteAt(root: unknown, path: Seg[]): void {
  const p = parentOf(root, path);
  const last = path[path.length - 1];
  if (Array.isArray(p)) p.splice(last as number, 1);
  else delete p[last as string];
}

function getAt(root: unknown, path: Seg[]): unknown {
  let cur = root as Record<string | number, unknown> | undefined;
  for (const s of path) cur = cur?.[s] as Record<string | number, unknown> | undefined;
  return cur;
}

const showPath = (path: Seg[]): string => path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');

/** A key with two letters swapped (or one dropped), like a typo. */
function typo(key: string): string {
  if (key.length < 3) return `${key}x`;
  const i = 1;
  return key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
}

const isFiles = (input: ManifestFile[] | RawObject[]): input is ManifestFile[] => input.length > 0 && 'text' in input[0];

/** Fields that decide which object this is: changing them is a different object, not a wider one. */
function isIdentity(path: Seg[]): boolean {
  return path[0] === 'metadata' || path[0] === 'kind' || path[0] === 'apiVersion';
}

/** Objects as the parser would hand them over (no source positions: the converters are under test here). */
function asRaw(entry: PreparedEntry, objects: Record<string, unknown>[]): RawObject[] {
  return objects.map((value, i) => ({ file: entry.name, doc: i + 1, value, lineOf: () => undefined }));
}

function importChecked(input: ManifestFile[] | RawObject[], problems: string[], label: string): Reachability | undefined {
  let r;
  try {
    r = isFiles(input) ? importManifests(input) : importRawObjects(input);
  } catch (err) {
    problems.push(`${label}: import threw ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
  for (const d of r.diagnostics) if (/internal error/.test(d.message)) problems.push(`${label}: ${d.message}`);
  try {
    return evaluate(r.model);
  } catch (err) {
    problems.push(`${label}: evaluate threw ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/** Pairs where `mutated` allows more than `baseline`, described. */
export function widenings(mutated: Reachability, baseline: Reachability, limit = 3): string[] {
  const out: string[] = [];
  const known = new Set(baseline.endpoints.map((e) => e.id));
  const ids = mutated.endpoints.map((e) => e.id).filter((id) => known.has(id));
  for (const s of ids) {
    for (const d of ids) {
      if (s === d) continue;
      const extra = subtract(connBetween(mutated, s, d), connBetween(baseline, s, d));
      if (!isEmpty(extra)) {
        out.push(`${s} -> ${d} gains ${describeConn(extra)}`);
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}

/** Runs one case. Never throws. */
export function runCase(entries: readonly PreparedEntry[], c: CaseChoice): CaseResult {
  const entry = entries[c.entry % entries.length];
  const problems: string[] = [];
  const kind = c.mutation % 4;
  if (kind === 3 || entry.objects.length === 0) return runTextCase(entry, c, problems);
  const oi = c.object % entry.objects.length;
  const target = entry.objects[oi];
  const sites = sitesOf(target);
  if (sites.length === 0) return { description: `${entry.name}: object ${oi} has no fields`, problems };
  const site = sites[c.site % sites.length];
  const mutatedObj = clone(target);
  const baselineObj = clone(target);
  let description: string;
  const where = `${entry.name}: ${String(target.kind)} #${oi} ${showPath(site.path)}`;
  const inList = typeof site.path[site.path.length - 1] === 'number';
  if (kind === 0) {
    // Replace the element with an invalid value; compare with deleting it.
    const values = inList ? INVALID_VALUES.filter((v) => v !== null) : INVALID_VALUES;
    const value = values[c.value % values.length];
    setAt(mutatedObj, site.path, clone(value));
    deleteAt(baselineObj, site.path);
    description = `${where} := ${JSON.stringify(value)}`;
  } else if (kind === 1) {
    // Add an unknown field to the object holding the element; compare with the original.
    const holder = getAt(mutatedObj, site.path.slice(0, -1));
    if (holder === null || typeof holder !== 'object' || Array.isArray(holder)) {
      return { description: `${where}: not inside an object`, problems };
    }
    (holder as Record<string, unknown>).zzUnknownField = 1;
    description = `${where} + unknown sibling field`;
  } else {
    // Misspell the key (an unknown field); compare with deleting the field.
    const key = site.path[site.path.length - 1];
    if (typeof key !== 'string') return { description: `${where}: a list item has no key`, problems };
    // Label maps have free keys: another key is another valid label, not an unknown field.
    if (FREE_KEY_MAPS.has(String(site.path[site.path.length - 2]))) return { description: `${where}: a label key`, problems };
    const holder = parentOf(mutatedObj, site.path) as Record<string, unknown>;
    const renamed = typo(key);
    if (renamed in holder) return { description: `${where}: typo collides`, problems };
    holder[renamed] = holder[key];
    delete holder[key];
    deleteAt(baselineObj, site.path);
    description = `${where} renamed to ${renamed}`;
  }
  const others = entry.objects.filter((_, i) => i !== oi);
  const mutated = importChecked(asRaw(entry, [...others, mutatedObj]), problems, 'mutated');
  const checkWidening = target.kind === 'NetworkPolicy' && !isIdentity(site.path);
  if (checkWidening && mutated) {
    const baseline = importChecked(asRaw(entry, [...others, baselineObj]), problems, 'baseline');
    if (baseline) for (const w of widenings(mutated, baseline)) problems.push(`widens access compared with deleting the element: ${w}`);
  }
  return { description, problems };
}

/** A YAML-level mutation of one line of one file: typed scalars, broken syntax, lost lines. */
function runTextCase(entry: PreparedEntry, c: CaseChoice, problems: string[]): CaseResult {
  const fi = c.object % entry.files.length;
  const file = entry.files[fi];
  const lines = file.text.split('\n');
  const li = c.site % Math.max(1, lines.length);
  const how = c.value % 4;
  const line = lines[li] ?? '';
  let description = `${file.name}:${li + 1}`;
  if (how === 0) {
    const value = TEXT_VALUES[Math.floor(c.value / 4) % TEXT_VALUES.length];
    const m = /^(\s*(?:- )?[^:#]+:\s).+$/.exec(line) ?? /^(\s*- ).+$/.exec(line);
    lines[li] = m ? `${m[1]}${value}` : `${line}${value}`;
    description += ` value := ${value}`;
  } else if (how === 1) {
    lines.splice(li, 1);
    description += ' deleted';
  } else if (how === 2) {
    lines.splice(li, 0, line);
    description += ' duplicated';
  } else {
    lines[li] = ` ${line}`;
    description += ' indented';
  }
  // Only the mutated file: text cases look for throws and internal errors, not widening.
  importChecked([{ name: file.name, text: lines.join('\n') }], problems, 'text');
  return { description, problems };
}
