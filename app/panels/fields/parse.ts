// Text <-> value conversions for form fields. Syntax rules come from the core validators; this
// file only turns typed text into model values and row records back and forth.

import { parseCidr } from '../../../src/net/ip.ts';
import { isPortNumber } from '../../../src/k8s/fields.ts';
import { validateIanaPortName, validateLabelKey, validateLabelValue } from '../../../src/model/labels.ts';
import type { RowValues } from './EditableRows.tsx';

const INTEGER = /^\d+$/;

/** A port number 1-65535 (empty allowed when `optional`). */
export function portNumberError(text: string, optional = false): string | null {
  const t = text.trim();
  if (t === '') return optional ? null : 'required';
  if (!INTEGER.test(t)) return `"${t}" is not a number`;
  const n = Number(t);
  return isPortNumber(n) ? null : `${n} is outside 1-65535`;
}

/** A port given as a number or an IANA port name. */
export function portOrNameError(text: string, optional = false): string | null {
  const t = text.trim();
  if (t === '') return optional ? null : 'required';
  if (INTEGER.test(t)) return portNumberError(t);
  return validateIanaPortName(t);
}

export function toPortOrName(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return INTEGER.test(t) ? Number(t) : t;
}

export function toOptionalNumber(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t);
}

/** A CIDR in canonical network form; host bits set are refused, as strict API validation does. */
export function cidrError(text: string): string | null {
  const t = text.trim();
  if (t === '') return 'required';
  const c = parseCidr(t);
  if (!c.ok) return c.error;
  if (c.hostBitsSet) return `"${t}" has host bits set; did you mean ${c.canonical}?`;
  return null;
}

export const labelKeyError = (k: string): string | null => validateLabelKey(k.trim());
export const labelValueError = (v: string): string | null => validateLabelValue(v.trim());

export function labelsToRows(labels: Record<string, string> | undefined): RowValues[] {
  return Object.entries(labels ?? {}).map(([key, value]) => ({ key, value }));
}

export function rowsToLabels(rows: RowValues[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) out[r.key.trim()] = (r.value ?? '').trim();
  return out;
}

/** Row-list check: a key may appear only once. */
export function duplicateKeyError(rows: RowValues[], index: number): string | null {
  const key = rows[index].key?.trim();
  if (!key) return null;
  return rows.some((r, j) => j !== index && r.key?.trim() === key) ? `key "${key}" is used twice` : null;
}

export const LABEL_FIELDS = [
  { name: 'key', label: 'Key', placeholder: 'app', validate: labelKeyError },
  { name: 'value', label: 'Value', placeholder: 'web', validate: labelValueError },
];
