// Lint findings as a review-friendly text table or JSON.

import type { LintFinding } from '../lint/types.ts';
import { widest } from './widest.ts';
import { inertText } from './inert.ts';

function pad(s: string, w: number): string {
  return s.length >= w ? s : s + ' '.repeat(w - s.length);
}

export function lintSummary(findings: readonly LintFinding[]): string {
  const n = (sev: LintFinding['severity']) => findings.filter((f) => f.severity === sev).length;
  const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return `${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${n('info')} info`;
}

/** One line per finding (severity, id, object, path: message), the hint indented below. */
export function formatLintTable(findings: readonly LintFinding[]): string {
  if (findings.length === 0) return 'No findings.\n';
  const wo = widest(findings, (f) => (f.object ?? '').length, 6) + 2;
  const wi = widest(findings, (f) => f.id.length, 2) + 2;
  const lines = [`${pad('SEVERITY', 9)}${pad('ID', wi)}${pad('OBJECT', wo)}MESSAGE`];
  for (const f of findings) {
    lines.push(inertText(`${pad(f.severity, 9)}${pad(f.id, wi)}${pad(f.object ?? '', wo)}${f.path ? `${f.path}: ` : ''}${f.message}`));
    if (f.hint) lines.push(inertText(`${' '.repeat(9 + wi + wo)}hint: ${f.hint}`));
  }
  lines.push('', lintSummary(findings));
  return lines.join('\n') + '\n';
}

export function formatLintJson(findings: readonly LintFinding[]): string {
  return JSON.stringify({ findings }, null, 2) + '\n';
}
