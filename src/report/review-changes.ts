// The designer's risk-ordered change list (src/review/changes.ts) as plain text and JSON for
// `netpol diff`, so the terminal, CI and the review panel rank changes the same way.

import type { ReviewChange } from '../review/changes.ts';
import { connSetJson } from './reach-json.ts';

const RISK = { high: 'HIGH', medium: 'MEDIUM', low: 'LOW' } as const;

export function formatChangesText(changes: readonly ReviewChange[]): string {
  if (changes.length === 0) return 'Changes: none (no change in reachability, exposure or policies)\n';
  const count = (r: ReviewChange['risk']) => changes.filter((c) => c.risk === r).length;
  const lines = [`Changes, most risky first: ${count('high')} high, ${count('medium')} medium, ${count('low')} low`];
  changes.forEach((c, i) => {
    lines.push(`${String(i + 1).padStart(3)}. ${RISK[c.risk].padEnd(6)} ${c.title}`);
    for (const e of c.explanation) lines.push(`             ${e}`);
  });
  return lines.join('\n') + '\n';
}

/** JSON array text; port sets in the analyze contract's shape. */
export function changesJson(changes: readonly ReviewChange[]): string {
  const item = (c: ReviewChange): string => {
    const fields: string[] = [`"kind": ${JSON.stringify(c.kind)}`, `"risk": "${c.risk}"`, `"title": ${JSON.stringify(c.title)}`];
    if (c.src !== undefined) fields.push(`"src": ${JSON.stringify(c.src)}`);
    if (c.dst !== undefined) fields.push(`"dst": ${JSON.stringify(c.dst)}`);
    if (c.change !== undefined) fields.push(`"change": "${c.change}"`);
    if (c.added) fields.push(`"added": ${connSetJson(c.added)}`);
    if (c.removed) fields.push(`"removed": ${connSetJson(c.removed)}`);
    if (c.serviceId !== undefined) fields.push(`"service": ${JSON.stringify(c.serviceId)}`);
    if (c.cidrs) fields.push(`"cidrs": ${JSON.stringify(c.cidrs)}`);
    fields.push(`"explanation": ${JSON.stringify(c.explanation)}`);
    return `  {${fields.join(', ')}}`;
  };
  return changes.length === 0 ? '[]' : `[\n${changes.map(item).join(',\n')}\n]`;
}
