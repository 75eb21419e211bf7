// `netpol lint --format sarif` and `netpol check --format sarif` are valid SARIF 2.1.0 (the
// official OASIS schema, as shipped by @microsoft/jest-sarif) and point at the right lines.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { LINT_CATALOGUE } from '../lint/catalogue.ts';
import { LINT_RULE_SETS } from '../lint/registry.ts';
import { netpol, repo } from './test-harness.ts';

const require = createRequire(import.meta.url);
const schemaPath = join(require.resolve('@microsoft/jest-sarif/package.json'), '..', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }) // the schema's language pattern is not a valid unicode-mode RegExp;
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations?: { physicalLocation?: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } }; logicalLocations?: { fullyQualifiedName: string; kind: string }[] }[];
}
interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string; rules: { id: string; help: { text: string }; shortDescription: { text: string } }[] } }; results: SarifResult[] }[];
}

function expectValid(text: string): SarifLog {
  const log = JSON.parse(text) as SarifLog;
  const ok = validate(log);
  expect(ok ? [] : validate.errors).toEqual([]);
  expect(log.version).toBe('2.1.0');
  const run = log.runs[0];
  for (const r of run.results) {
    const rule = run.tool.driver.rules[r.ruleIndex!];
    expect(rule.id).toBe(r.ruleId);
    expect(rule.help.text.length).toBeGreaterThan(20);
  }
  return log;
}

/** The source line a result points at. */
function lineAt(r: SarifResult): string {
  const loc = r.locations![0].physicalLocation!;
  expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
  return readFileSync(join(repo, decodeURIComponent(loc.artifactLocation.uri)), 'utf8').split('\n')[loc.region!.startLine - 1];
}

/** The node addresses of samples/lb (the CLI has no default). */
const NODES = '10.0.0.0/16';

describe('netpol lint --format sarif', () => {
  it('is valid SARIF with one result per finding, at the line of the object and field', async () => {
    const json = await netpol('lint', 'samples/lint-demo', '--format', 'json');
    const findings = (JSON.parse(json.out) as { findings: { id: string; severity: string; path?: string; object?: string }[] }).findings.filter((f) => f.id !== 'L-INPUT-01');
    const r = await netpol('lint', 'samples/lint-demo', '--format', 'sarif');
    expect(r.code).toBe(1); // the demo has input errors (a Service kubectl would refuse)
    const run = expectValid(r.out).runs[0];
    expect(run.tool.driver.name).toBe('netpol');
    const lintResults = run.results.filter((x) => x.ruleId !== 'L-INPUT-01');
    expect(lintResults.map((x) => x.ruleId)).toEqual(findings.map((f) => f.id));
    const level = { error: 'error', warning: 'warning', info: 'note' } as Record<string, string>;
    expect(lintResults.map((x) => x.level)).toEqual(findings.map((f) => level[f.severity]));
    findings.forEach((f, i) => {
      const res = lintResults[i];
      expect(res.locations?.[0].physicalLocation?.artifactLocation.uri).toBe('samples/lint-demo/mistakes.yaml');
      const [kind] = (f.object ?? '').split(' ');
      expect(res.locations?.[0].logicalLocations?.[0].kind).toBe(kind);
      const line = lineAt(res);
      // A field path points at its key or list element (`- `), or at the nearest enclosing
      // field when it is absent (a missing policyTypes points at spec); an object at its start.
      if (f.path) {
        const keys = f.path.split(/[.[\]]+/).filter((k) => k && !/^\d+$/.test(k));
        expect(keys.some((k) => line.includes(`${k}:`)) || /^\s*- /.test(line), `${f.id} ${f.path}: ${line}`).toBe(true);
      } else expect(line, `${f.id} ${f.object}`).toMatch(/apiVersion|kind|name|^- |^---/);
    });
  });

  it('reports manifest problems as L-INPUT-01 results at the line of their field', async () => {
    const r = await netpol('lint', 'samples/broken/invalid-policy.yaml', '--format', 'sarif');
    expect(r.code).toBe(1);
    const input = expectValid(r.out).runs[0].results.filter((x) => x.ruleId === 'L-INPUT-01');
    expect(input.length).toBeGreaterThan(3);
    for (const x of input) {
      expect(x.level).toMatch(/^(error|warning)$/);
      const field = /^([\w.[\]]+): /.exec(x.message.text)![1];
      const keys = field.split(/[.[\]]+/).filter((k) => k && !/^\d+$/.test(k));
      const line = lineAt(x);
      // The field's key or list item, else (a missing field) the enclosing field or the object's first line.
      expect(keys.some((k) => line.includes(`${k}:`)) || /^\s*- |^(kind|apiVersion):/.test(line), `${field}: ${line}`).toBe(true);
    }
  });

  it('has help text for every lint id the rules can report', () => {
    const ids = LINT_RULE_SETS.flatMap((s) => s.ids);
    expect(ids.filter((id) => !LINT_CATALOGUE[id])).toEqual([]);
  });
});

describe('netpol check --format sarif', () => {
  it('reports each violated assertion at its entry in the assertions file', async () => {
    const r = await netpol('check', 'samples/lb/local', '--assertions', 'samples/lb/assertions.yaml', '--node-cidrs', NODES, '--format', 'sarif');
    expect(r.code).toBe(1);
    const run = expectValid(r.out).runs[0];
    const text = await netpol('check', 'samples/lb/local', '--assertions', 'samples/lb/assertions.yaml', '--node-cidrs', NODES);
    const failures = text.out.split('\n').filter((l) => l.startsWith('FAIL'));
    expect(run.results).toHaveLength(failures.length);
    for (const res of run.results) {
      expect(res.level).toBe('error');
      expect(['A-REACH', 'A-NO-REACH']).toContain(res.ruleId);
      expect(lineAt(res)).toMatch(/^- from: /);
      expect(failures.some((f) => f.includes(res.message.text.split('\n')[0]))).toBe(true);
    }
  });

  it('is valid SARIF with no results when every assertion holds', async () => {
    const r = await netpol('check', 'samples/lb/cluster', '--assertions', 'samples/lb/assertions.yaml', '--node-cidrs', NODES, '--format', 'sarif');
    expect(r.code).toBe(0);
    expect(expectValid(r.out).runs[0].results).toEqual([]);
  });
});
