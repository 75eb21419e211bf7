// `netpol diff BASE NEW`: what a change does, ranked like the designer's review (external and
// load-balancer exposure first; src/review/changes.ts), then the pair-by-pair reachability and
// policy tables. --focus / --exposure narrow both.

import { diffPolicies, policyDiffIsEmpty } from '../diff/policy-diff.ts';
import { diffAddsAccess, diffReachability, diffRemovesAccess, type ReachDiff } from '../diff/reachability-diff.ts';
import { evaluate } from '../policy/evaluate.ts';
import { formatDiffJson, formatDiffMarkdown, formatDiffTable } from '../report/diff-format.ts';
import { matchesFocus, type ReachFilter } from '../report/filters.ts';
import { changesJson, formatChangesText } from '../report/review-changes.ts';
import { reviewChangesFrom, type ReviewChange } from '../review/changes.ts';
import { riskOrderedChangesMarkdown } from '../review/report.ts';
import { choice, parseArgs, UsageError } from './args.ts';
import { help, inputExit, reachFilterFlags } from './commands.ts';
import { writeAll, type CliIO } from './io.ts';
import { loadModel } from './load.ts';

/** Workloads are `ns/name` (a DNS label, a slash, a name); external networks (and their `net [cidrs]` parts) are the rest but `nodes`. */
const WORKLOAD_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[^\s/]+$/;
const isExternal = (name: string) => name !== 'nodes' && !WORKLOAD_NAME.test(name);

const EXPOSURE_KINDS = new Set<ReviewChange['kind']>(['external-exposure', 'lb-exposure', 'exposure-removed']);

function keepPair(filter: ReachFilter, src: string, dst: string): boolean {
  if (filter.focus?.length && !filter.focus.some((f) => matchesFocus(src, f) || matchesFocus(dst, f))) return false;
  return !filter.exposure || isExternal(src);
}

function narrowDiff(d: ReachDiff, filter: ReachFilter): ReachDiff {
  const changes = d.changes.filter((c) => keepPair(filter, c.src, c.dst));
  const count = (k: string) => changes.filter((c) => c.change === k).length;
  return { ...d, changes, counts: { added: count('added'), removed: count('removed'), changed: count('changed') } };
}

function narrowChanges(changes: ReviewChange[], filter: ReachFilter): ReviewChange[] {
  return changes.filter((c) => {
    if (c.src === undefined || c.dst === undefined) return !filter.exposure && !filter.focus?.length; // policy edits
    if (filter.exposure && !EXPOSURE_KINDS.has(c.kind) && !isExternal(c.src)) return false;
    return keepPair({ ...filter, exposure: false }, c.src, c.dst);
  });
}

export async function diffCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'fail-on', 'profile', 'focus'], booleans: ['exposure'] });
  if (args.bools.has('help')) return help(io, 'diff');
  const format = choice(args.flags, 'format', ['table', 'json', 'md'] as const, 'table');
  const failOn = args.flags['fail-on'] === undefined ? undefined : choice(args.flags, 'fail-on', ['added', 'removed', 'any'] as const, 'any');
  const filter = reachFilterFlags(args);
  if (args.positional.length !== 2) throw new UsageError(`diff: expected BASE and NEW (got ${args.positional.length} paths; see 'netpol diff --help')`);
  const baseLoaded = loadModel([args.positional[0]], args.flags, io);
  const nextLoaded = loadModel([args.positional[1]], args.flags, io);
  const base = baseLoaded.model;
  const next = nextLoaded.model;
  const baseReach = evaluate(base);
  const newReach = evaluate(next);
  const fullDiff = diffReachability(base, baseReach, next, newReach);
  const p = diffPolicies(base, next);
  const all = reviewChangesFrom({ baseModel: base, newModel: next, baseReach, newReach, reachDiff: fullDiff, policyDiff: p });
  const d = narrowDiff(fullDiff, filter);
  const changes = narrowChanges(all, filter);
  const policies = filter.exposure || filter.focus?.length ? undefined : p;

  let text: string;
  if (format === 'json') text = formatDiffJson(d, policies).replace(/^\{\n/, `{\n"changes": ${changesJson(changes)},\n`);
  else if (format === 'md') text = ['## Changes, most risky first', '', ...riskOrderedChangesMarkdown(changes), formatDiffMarkdown(d, policies)].join('\n');
  else text = `${formatChangesText(changes)}\n${formatDiffTable(d, policies)}`;
  await writeAll(io, [text]);

  // Exposure through load balancers is access too.
  const gained = diffAddsAccess(d) || changes.some((c) => c.kind === 'lb-exposure');
  const lost = diffRemovesAccess(d) || changes.some((c) => c.kind === 'exposure-removed');
  const fails = failOn === 'added' ? gained : failOn === 'removed' ? lost : failOn === 'any' ? changes.length > 0 || d.changes.length > 0 || (!!policies && !policyDiffIsEmpty(policies)) : false;
  return fails ? 1 : inputExit(baseLoaded.diagnostics, nextLoaded.diagnostics);
}
