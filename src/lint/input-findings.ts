// Import diagnostics as lint findings, so `netpol lint` lists what kubectl's validation would
// refuse (unknown fields, YAML 1.1 misreads, invalid selectors) next to the design findings.

import type { Diagnostic } from '../k8s/diagnostics.ts';
import type { LintFinding } from './types.ts';

/** Catalogue id of a finding that comes from reading the input rather than from the design. */
export const INPUT_FINDING_ID = 'L-INPUT-01';

export function inputFindings(diagnostics: readonly Diagnostic[]): LintFinding[] {
  const out: LintFinding[] = [];
  for (const d of diagnostics) {
    if (d.severity === 'info') continue;
    const where = d.line !== undefined ? `${d.file}:${d.line}` : d.doc !== undefined ? `${d.file} (document ${d.doc})` : d.file;
    out.push({
      id: INPUT_FINDING_ID, severity: d.severity,
      ...(d.object ? { object: d.object } : {}), ...(d.path ? { path: d.path } : {}),
      message: `${d.message} (${where})`,
    });
  }
  return out;
}

/** Diagnostics a lint rule does not already report for the same object and field. */
export function uncoveredInput(diagnostics: readonly Diagnostic[], findings: readonly LintFinding[]): Diagnostic[] {
  const covered = new Set(findings.map((f) => `${f.object ?? ''}\u0000${f.path ?? ''}`));
  return diagnostics.filter((d) => !covered.has(`${d.object ?? ''}\u0000${d.path ?? ''}`));
}

/** Input findings first, then the design's, leaving out input findings a lint rule already reports for the same field. */
export function withInputFindings(diagnostics: readonly Diagnostic[], findings: readonly LintFinding[]): LintFinding[] {
  return [...inputFindings(uncoveredInput(diagnostics, findings)), ...findings];
}
