// Entry point: runs every registered rule family and returns findings in a stable order.

import type { Model } from '../model/types.ts';
import type { Reachability } from '../policy/reachability-types.ts';
import { lintContext } from './context.ts';
import { LINT_RULE_SETS } from './registry.ts';
import type { LintFinding, LintOptions, LintRuleSet, LintSeverity } from './types.ts';

const SEVERITY_ORDER: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };

function cmp(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Findings sorted by object, then severity, id and path. */
export function sortFindings(findings: LintFinding[]): LintFinding[] {
  return findings.sort(
    (a, b) => cmp(a.object, b.object) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || cmp(a.id, b.id) || cmp(a.path, b.path),
  );
}

export function lint(model: Model, reach?: Reachability, options: LintOptions = {}, ruleSets: readonly LintRuleSet[] = LINT_RULE_SETS): LintFinding[] {
  const ctx = lintContext(model, reach, options);
  return sortFindings(ruleSets.flatMap((set) => set.run(ctx)));
}
