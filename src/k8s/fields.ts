// Small readers for untyped manifest fields. Each reports problems through `Report` and
// returns undefined when the field cannot be used, so converters stay linear and never throw.

import { validateLabelKey, validateLabelValue } from '../model/labels.ts';
import type { Severity } from './diagnostics.ts';
import { isRecord } from './parse.ts';

export type Report = (severity: Severity, path: string, message: string) => void;

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `"${v}"`;
  return String(v);
}

/** A string -> string map (labels, annotations, selectors). Non-string values are converted and reported. */
export function readStringMap(v: unknown, path: string, report: Report, kind: 'label' | 'annotation' | 'selector'): Record<string, string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isRecord(v)) {
    report('error', path, `must be a map of strings, found ${describe(v)}`);
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [k, raw] of Object.entries(v)) {
    if (kind === 'annotation' && k === LAST_APPLIED) continue;
    let value: string;
    if (typeof raw === 'string') value = raw;
    else if (typeof raw === 'number' || typeof raw === 'boolean') {
      value = String(raw);
      report('error', `${path}.${k}`, `value ${String(raw)} is read by YAML as a ${typeof raw}, not a string; quote it ("${value}")`);
    } else {
      report('error', `${path}.${k}`, `value must be a string, found ${describe(raw)}`);
      continue;
    }
    if (kind !== 'annotation') {
      const keyError = validateLabelKey(k);
      if (keyError) report('error', `${path}.${k}`, keyError);
      const valueError = validateLabelValue(value);
      if (valueError) report('error', `${path}.${k}`, valueError);
    }
    out[k] = value;
  }
  return out;
}

export function readString(v: unknown, path: string, report: Report): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') {
    report('error', path, `must be a string, found ${describe(v)}`);
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
