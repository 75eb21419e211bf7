// `--format sarif` for lint and check: findings (and manifest problems) located at the file
// and line of their object and field, with the rule catalogue as help text.

import pkg from '../../package.json' with { type: 'json' };
import type { AssertionResult } from '../assertions/check.ts';
import type { Diagnostic } from '../k8s/diagnostics.ts';
import type { RawObject } from '../k8s/parse.ts';
import { lintRuleInfo } from '../lint/catalogue.ts';
import { INPUT_FINDING_ID } from '../lint/input-findings.ts';
import type { LintFinding } from '../lint/types.ts';
import { formatSarif, sarifLevel, type SarifFinding, type SarifLocation, type SarifRule } from '../report/sarif.ts';

const TOOL = { name: 'netpol', version: (pkg as { version: string }).version };

/** Where each imported object came from, by model id. */
export type SourceMap = ReadonlyMap<string, RawObject>;

const INPUT_RULE: SarifRule = {
  id: INPUT_FINDING_ID,
  title: 'Manifest problem',
  help: 'The manifest could not be read as written (malformed YAML, an invalid field, an unknown value). The object or field named in the message was skipped or read as described; fix it so the analysis sees what the cluster sees.',
  level: 'error',
};

function diagnosticFindings(diagnostics: readonly Diagnostic[]): SarifFinding[] {
  return diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) => ({
      ruleId: INPUT_RULE.id,
      level: sarifLevel(d.severity),
      message: d.path ? `${d.path}: ${d.message}` : d.message,
      location: { file: d.file, line: d.line, object: d.object },
    }));
}

function objectLocation(sources: SourceMap, objectId: string | undefined, path: string | undefined, object: string | undefined): SarifLocation | undefined {
  const raw = objectId === undefined ? undefined : sources.get(objectId);
  if (!raw) return undefined;
  return { file: raw.file, line: (path ? raw.lineOf(path) : undefined) ?? raw.line, object };
}

export function lintSarif(findings: readonly LintFinding[], diagnostics: readonly Diagnostic[], sources: SourceMap): string {
  const ids = [...new Set(findings.map((f) => f.id))].sort();
  const rules: SarifRule[] = ids.map((id) => {
    const info = lintRuleInfo(id, findings.find((f) => f.id === id)!.severity);
    return { id, title: info.title, help: info.help, level: sarifLevel(info.severity) };
  });
  const input = diagnosticFindings(diagnostics);
  if (input.length) rules.push(INPUT_RULE);
  const results: SarifFinding[] = findings.map((f) => ({
    ruleId: f.id,
    level: sarifLevel(f.severity),
    message: `${f.object ? `${f.object}: ` : ''}${f.path ? `${f.path}: ` : ''}${f.message}${f.hint ? ` (hint: ${f.hint})` : ''}`,
    location: objectLocation(sources, f.objectId, f.path, f.object),
  }));
  return formatSarif(TOOL, rules, [...input, ...results]);
}

const ASSERTION_RULES: Record<string, SarifRule> = {
  'A-REACH': { id: 'A-REACH', title: 'Expected connection is not allowed', help: 'The assertions file expects this connection to be reachable, but the manifests deny it (or allow it only for some of the source parts or backends). The details name the policy side that blocks it.', level: 'error' },
  'A-NO-REACH': { id: 'A-NO-REACH', title: 'Forbidden connection is allowed', help: 'The assertions file expects this connection to be denied, but the manifests allow it (for some or all of the source parts or backends). The details name the rules that admit it.', level: 'error' },
  'A-UNCHECKABLE': { id: 'A-UNCHECKABLE', title: 'Assertion cannot be checked', help: 'The assertion names a pair the analysis cannot answer (a load balancer as the source, two external networks, an unknown endpoint). Fix the assertion.', level: 'error' },
};

/**
 * Violated assertions, located at their entry in the assertions file. `entryOf` maps an
 * assertion id to its index in the file; `lineOf` gives the line of a path in that file.
 */
export function checkSarif(
  results: readonly AssertionResult[], expectations: ReadonlyMap<string, 'reach' | 'no-reach'>, assertionsFile: string,
  entryOf: (id: string) => number, lineOf: (path: string) => number | undefined, diagnostics: readonly Diagnostic[],
): string {
  const failed = results.filter((r) => !r.ok);
  const ruleOf = (r: AssertionResult) => (r.uncheckable ? 'A-UNCHECKABLE' : expectations.get(r.id) === 'no-reach' ? 'A-NO-REACH' : 'A-REACH');
  const used = [...new Set(failed.map(ruleOf))].sort();
  const input = diagnosticFindings(diagnostics);
  const rules = [...used.map((id) => ASSERTION_RULES[id]), ...(input.length ? [INPUT_RULE] : [])];
  const findings: SarifFinding[] = failed.map((r) => {
    const path = `assertions[${entryOf(r.id)}]`;
    return {
      ruleId: ruleOf(r),
      level: 'error',
      message: [r.message, ...r.details].join('\n'),
      location: { file: assertionsFile, line: lineOf(path) },
    };
  });
  return formatSarif(TOOL, rules, [...input, ...findings]);
}
