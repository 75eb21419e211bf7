// Label selectors exactly as metav1.LabelSelector.
//
// Public API:
//   matchesSelector(sel, labels): boolean   matchLabels AND every matchExpressions requirement
//   isInvalidRequirement(req): the API rejects it; it matches nothing (fail closed)
//   validateSelector(sel, path): {path, message}[]   requirement shape rules (values vs operator)
//   namespaceLabels(ns): user labels plus kubernetes.io/metadata.name=<name>
//   selectorKey(sel): canonical text, equal for selectors that are written the same way
//   isEmptySelector(sel): `{}` (selects everything)

import { NAMESPACE_NAME_LABEL } from '../model/factory.ts';
import type { LabelSelector, LabelSelectorRequirement, Namespace } from '../model/types.ts';

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

function has(labels: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

/**
 * A requirement the API server rejects (In/NotIn without values, Exists/DoesNotExist with
 * values). It matches nothing: read as written, `NotIn` with no values would match every pod.
 */
export function isInvalidRequirement(req: LabelSelectorRequirement): boolean {
  const n = req.values?.length ?? 0;
  if (req.operator === 'In' || req.operator === 'NotIn') return n === 0;
  if (req.operator === 'Exists' || req.operator === 'DoesNotExist') return n > 0;
  return true;
}

export function requirementMatches(req: LabelSelectorRequirement, labels: Record<string, string>): boolean {
  if (isInvalidRequirement(req)) return false;
  const present = has(labels, req.key);
  switch (req.operator) {
    case 'In':
      return present && (req.values ?? []).includes(labels[req.key]);
    case 'NotIn':
      // NotIn also matches objects that do not carry the key at all.
      return !present || !(req.values ?? []).includes(labels[req.key]);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      // An unknown operator is invalid; matching nothing fails closed.
      return false;
  }
}

export function matchesSelector(sel: LabelSelector, labels: Record<string, string>): boolean {
  for (const key in sel.matchLabels ?? {}) {
    if (!has(labels, key) || labels[key] !== sel.matchLabels![key]) return false;
  }
  for (const req of sel.matchExpressions ?? []) if (!requirementMatches(req, labels)) return false;
  return true;
}

export function isEmptySelector(sel: LabelSelector): boolean {
  return Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
}

export interface SelectorProblem {
  path: string;
  message: string;
}

export function validateSelector(sel: LabelSelector, path: string): SelectorProblem[] {
  const problems: SelectorProblem[] = [];
  (sel.matchExpressions ?? []).forEach((req, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    if (!req.key) problems.push({ path: `${p}.key`, message: 'key must not be empty' });
    if (!OPERATORS.has(req.operator)) {
      problems.push({ path: `${p}.operator`, message: `'${String(req.operator)}' is not a valid operator (use In, NotIn, Exists or DoesNotExist)` });
      return;
    }
    const n = req.values?.length ?? 0;
    if ((req.operator === 'In' || req.operator === 'NotIn') && n === 0) {
      problems.push({ path: `${p}.values`, message: `must be specified when operator is ${req.operator}` });
    }
    if ((req.operator === 'Exists' || req.operator === 'DoesNotExist') && n > 0) {
      problems.push({ path: `${p}.values`, message: `may not be specified when operator is ${req.operator}` });
    }
  });
  return problems;
}

export function namespaceLabels(ns: Namespace): Record<string, string> {
  return { ...ns.labels, [NAMESPACE_NAME_LABEL]: ns.name };
}

/**
 * Canonical text of a selector: keys sorted, values sorted, so equal selectors share a key.
 * Injective (JSON-quoted parts), so two different selectors never share a key even when a
 * value contains separator characters (the evaluator caches answers by this key).
 */
export function selectorKey(sel: LabelSelector): string {
  const ml = Object.keys(sel.matchLabels ?? {})
    .sort()
    .map((k) => JSON.stringify([k, sel.matchLabels![k]]));
  const me = (sel.matchExpressions ?? [])
    .map((r) => JSON.stringify([r.key, r.operator, [...(r.values ?? [])].sort()]))
    .sort();
  return `{${ml.join(',')}|${me.join(';')}}`;
}
