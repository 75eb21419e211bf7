// Small readers for untyped manifest fields. Each reports problems through `Report` and
// returns undefined when the field cannot be used, so converters stay linear and never throw.

import { validateLabelKey, validateLabelValue } from '../model/labels.ts';
import type { Severity } from './diagnostics.ts';
import { isRecord } from './parse.ts';

export type Report = ((severity: Severity, path: string, message: string) => void) & {
  /** How a value or key was written when YAML 1.1 read it as a non-string (see RawObject.writtenAs). */
  writtenAs?: (path: string, what: 'value' | 'key') => string | undefined;
};

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `"${v}"`;
  return String(v);
}

/** What a non-string scalar is, in words, or undefined for collections and strings. */
function scalarKind(v: unknown): string | undefined {
  if (typeof v === 'boolean') return 'a boolean';
  if (typeof v === 'number') return 'a number';
  if (v === null) return 'null';
  if (v instanceof Date) return 'a timestamp';
  return undefined;
}

/**
 * Why a non-string is not a string, naming the value as written: "`y` is read as a boolean by
 * kubectl's YAML parser; quote it: "y"". JSON input has no written form; its value is named.
 */
export function notAString(v: unknown, path: string, report: Report, what: 'value' | 'key' = 'value'): string {
  const written = report.writtenAs?.(path, what);
  const kind = scalarKind(v);
  if (v === null) return `${written ? `\`${written}\` is null` : 'null'}, not a string; write "" for an empty value`;
  if (written !== undefined && kind) return `\`${written}\` is read as ${kind} by kubectl's YAML parser; quote it: "${written}"`;
  if (kind) return `${String(v)} is ${kind}, not a string; quote it: "${String(v)}"`;
  return `must be a string, found ${describe(v)}`;
}

/** The text a non-string scalar was written as (or its JSON form), for reading it as the string the author meant. */
export function writtenText(v: unknown, path: string, report: Report, what: 'value' | 'key' = 'value'): string | undefined {
  const written = report.writtenAs?.(path, what);
  if (written !== undefined) return written;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export interface StringMapRead {
  map: Record<string, string>;
  /** Some entry was not a valid string -> string entry (reported). */
  invalid: boolean;
}

/**
 * A string -> string map (labels, annotations, selectors). Keys and values YAML 1.1 read as
 * non-strings are reported with their written form and kept as written (labels, annotations);
 * null and object values are reported and left out. `invalid` says whether anything was wrong,
 * so a selector can refuse to match instead of matching more.
 */
export function readStringMapChecked(v: unknown, path: string, report: Report, kind: 'label' | 'annotation' | 'selector'): StringMapRead | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isRecord(v)) {
    report('error', path, `must be a map of strings, found ${describe(v)}`);
    return undefined;
  }
  const out: Record<string, string> = {};
  let invalid = false;
  for (const [rawKey, raw] of Object.entries(v)) {
    if (kind === 'annotation' && rawKey === LAST_APPLIED) continue;
    const at = `${path}.${rawKey}`;
    let k = rawKey;
    const writtenKey = report.writtenAs?.(at, 'key');
    if (writtenKey !== undefined) {
      invalid = true;
      const v2 = resolveKeyKind(rawKey);
      report('error', at, `key \`${writtenKey}\` is read as ${v2} by kubectl's YAML parser (the key becomes "${rawKey}"); quote it: "${writtenKey}"`);
      k = writtenKey;
    }
    let value: string;
    if (typeof raw === 'string') value = raw;
    else {
      invalid = true;
      const text = raw === null ? undefined : writtenText(raw, at, report);
      report('error', at, notAString(raw, at, report));
      if (text === undefined) continue;
      value = text;
    }
    if (kind !== 'annotation') {
      const keyError = validateLabelKey(k);
      if (keyError) { invalid = true; report('error', at, keyError); }
      const valueError = validateLabelValue(value);
      if (valueError) { invalid = true; report('error', at, valueError); }
    }
    out[k] = value;
  }
  return { map: out, invalid };
}

function resolveKeyKind(key: string): string {
  if (key === 'true' || key === 'false') return 'a boolean';
  if (key === 'null') return 'null';
  return 'a number';
}

/** A string -> string map (labels, annotations, selectors); problems are reported. */
export function readStringMap(v: unknown, path: string, report: Report, kind: 'label' | 'annotation' | 'selector'): Record<string, string> | undefined {
  return readStringMapChecked(v, path, report, kind)?.map;
}

export function readString(v: unknown, path: string, report: Report): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') {
    report('error', path, notAString(v, path, report));
    return undefined;
  }
  return v;
}

/** null and absent both mean "absent" (Go decodes `key:` with no value to nil). */
export function readArray(v: unknown, path: string, report: Report): unknown[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) {
    report('error', path, `must be a list, found ${describe(v)}`);
    return undefined;
  }
  return v;
}

export function isPortNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535;
}
