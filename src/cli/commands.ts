// The four commands. Each returns its exit code; usage problems throw UsageError (exit 2).

import type { Model, Protocol } from '../model/types.ts';
import { externalPaths } from '../services/paths.ts';
import { diffPolicies, policyDiffIsEmpty } from '../diff/policy-diff.ts';
import { diffAddsAccess, diffReachability, diffRemovesAccess } from '../diff/reachability-diff.ts';
import { lint } from '../lint/lint.ts';
import { evaluate } from '../policy/evaluate.ts';
import { explain, resolveEndpoint } from '../policy/explain.ts';
import { formatConnSet } from '../report/conn-format.ts';
import { formatDiffJson, formatDiffMarkdown, formatDiffTable } from '../report/diff-format.ts';
import { reachChunks, REACH_FORMATS } from '../report/formats.ts';
import { formatLintJson, formatLintTable } from '../report/lint-format.ts';
import { uncoveredInput, withInputFindings } from '../lint/input-findings.ts';
import { choice, parseArgs, UsageError, type ParsedArgs } from './args.ts';
import { filteredView, unmatchedFocus, type ReachFilter } from '../report/filters.ts';
import { reachView, type ReachView } from '../report/rows.ts';
import type { Reachability } from '../policy/reachability-types.ts';
import { writeAll, type CliIO } from './io.ts';
import { inertLines } from '../report/inert.ts';
import { loadModel } from './load.ts';
import { USAGE } from './usage.ts';
import { lintSarif } from './sarif-output.ts';

/** Input with errors is bad input even when what could be read was analysed: CI must notice. */
export function inputExit(...diagnostics: { severity: string }[][]): number {
  return diagnostics.some((ds) => ds.some((d) => d.severity === 'error')) ? 1 : 0;
}

function needFiles(positional: string[], command: string): void {
  if (positional.length === 0) throw new UsageError(`${command}: no manifest file or directory given (see 'netpol ${command} --help')`);
}

export async function analyzeCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'profile', 'focus'], booleans: ['exposure'] });
  if (args.bools.has('help')) return help(io, 'analyze');
  const format = choice(args.flags, 'format', REACH_FORMATS, 'table');
  const filter = reachFilterFlags(args);
  needFiles(args.positional, 'analyze');
  const { model, diagnostics } = loadModel(args.positional, args.flags, io);
  const reach = evaluate(model);
  const withLb: ReachFilter = filter.exposure ? { ...filter, lbDelivered: lbDeliveredBackends(model) } : filter;
  await writeAll(io, reachChunks(format, reach, narrowedView(reach, withLb)));
  return inputExit(diagnostics);
}

/** Workloads external clients reach through a load balancer or node port that hands them over with a node's address. */
function lbDeliveredBackends(model: Model): string[] {
  const names = new Set<string>();
  for (const p of externalPaths(model)) if (p.outcome !== 'no-reach' && p.backendName && p.seen.kind === 'node') names.add(p.backendName);
  return [...names];
}

/** `--focus A,B` (each `ns/name`, `ns/*` or an endpoint name) and `--exposure`. */
export function reachFilterFlags(args: ParsedArgs): ReachFilter {
  const focus = args.flags.focus?.split(',').map((s) => s.trim()).filter(Boolean);
  if (args.flags.focus !== undefined && !focus?.length) throw new UsageError("--focus needs NS/NAME, NS/* or an endpoint name (several: comma-separated)");
  for (const f of focus ?? []) if (f.includes('*') && !/^[^/*]+\/\*$/.test(f)) throw new UsageError(`--focus: '${f}' must be NS/NAME or NS/* (a '*' only as the whole name)`);
  return { ...(focus ? { focus } : {}), ...(args.bools.has('exposure') ? { exposure: true } : {}) };
}

/** The report view for a filter; a focus that matches nothing is a usage error, not an empty report. */
export function narrowedView(reach: Reachability, filter: ReachFilter): ReachView {
  const base = reachView(reach);
  const missing = unmatchedFocus(base, filter.focus ?? []);
  if (missing.length) throw new UsageError(`--focus: nothing named ${missing.map((m) => `'${m}'`).join(', ')} (workloads are NS/NAME; external networks by name)`);
  return filteredView(reach, filter, base);
}

/** `80`, `80/TCP`, `53/udp`. */
export function parsePort(text: string): { protocol: Protocol; port: number } {
  const m = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/i.exec(text.trim());
  const port = m ? Number(m[1]) : NaN;
  if (!m || port < 1 || port > 65535) throw new UsageError(`--port must look like 80 or 80/TCP (1-65535; TCP, UDP or SCTP), got '${text}'`);
  return { protocol: (m[2]?.toUpperCase() ?? 'TCP') as Protocol, port };
}

export async function explainCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['from', 'to', 'port', 'format', 'profile'] });
  if (args.bools.has('help')) return help(io, 'explain');
  const format = choice(args.flags, 'format', ['text', 'json'] as const, 'text');
  for (const f of ['from', 'to']) if (!args.flags[f]) throw new UsageError(`explain: --${f} is required (see 'netpol explain --help')`);
  const query = args.flags.port !== undefined ? parsePort(args.flags.port) : undefined;
  needFiles(args.positional, 'explain');
  const { model, diagnostics } = loadModel(args.positional, args.flags, io);
  const ends = (['from', 'to'] as const).map((f) => {
    const r = resolveEndpoint(model, args.flags[f]);
    if (!r.ok) throw new UsageError(`--${f}: ${r.error}`);
    return r.endpoint;
  });
  const x = explain(model, ends[0].id, ends[1].id, query);
  if (format === 'json') {
    await writeAll(io, [JSON.stringify(x, null, 2) + '\n']);
    return inputExit(diagnostics);
  }
  const lines = [
    `From:    ${x.src.name} (${x.src.kind})`,
    `To:      ${x.dst.name} (${x.dst.kind})`,
    query ? `Query:   ${query.protocol}/${query.port}` : undefined,
    `Verdict: ${x.verdict}${x.verdict === 'denied' ? '' : ` (allowed: ${formatConnSet(x.allowed)})`}`,
    '',
    ...x.summary,
  ].filter((l) => l !== undefined);
  await writeAll(io, [inertLines(lines.join('\n') + '\n')]);
  return inputExit(diagnostics);
}

export async function lintCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'fail-on', 'profile'] });
  if (args.bools.has('help')) return help(io, 'lint');
  const format = choice(args.flags, 'format', ['table', 'json', 'sarif'] as const, 'table');
  const failOn = args.flags['fail-on'] === undefined ? undefined : choice(args.flags, 'fail-on', ['error', 'warning'] as const, 'error');
  needFiles(args.positional, 'lint');
  const { model, diagnostics, sources } = loadModel(args.positional, args.flags, io, { sources: format === 'sarif' });
  // Input problems (unknown fields, invalid values...) are findings too: a clean lint of a
  // manifest kubectl would refuse would mislead.
  const design = lint(model, evaluate(model));
  const findings = withInputFindings(diagnostics, design);
  await writeAll(io, [format === 'sarif' ? lintSarif(design, uncoveredInput(diagnostics, design), sources ?? new Map()) : format === 'json' ? formatLintJson(findings) : formatLintTable(findings)]);
  const failing = (sev: string) => (failOn === 'warning' ? sev === 'error' || sev === 'warning' : sev === 'error');
  const fails = failOn !== undefined && findings.some((f) => failing(f.severity));
  // README: exit 1 when the input had errors, with or without --fail-on.
  return fails ? 1 : inputExit(diagnostics);
}

export async function help(io: CliIO, command: string): Promise<number> {
  await writeAll(io, [USAGE[command]]);
  return 0;
}
