// `netpol check FILE_OR_DIR... --assertions FILE`: checks connectivity assertions against the
// manifests, printing PASS/FAIL per assertion with the explanation for failures.
// Exit codes: 0 all hold, 1 any violation, 2 bad input (usage, unreadable or invalid file).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkAssertions } from '../assertions/check.ts';
import { parseAssertionsFile, resolveAssertions } from '../assertions/file.ts';
import { parseCidr } from '../net/ip.ts';
import { evaluate } from '../policy/evaluate.ts';
import { externalPaths } from '../services/paths.ts';
import type { ClusterSettings } from '../model/types.ts';
import { choice, parseArgs, UsageError } from './args.ts';
import { writeAll, type CliIO } from './io.ts';
import { inertLines } from '../report/inert.ts';
import { loadModel } from './load.ts';
import { parseManifestText } from '../k8s/parse.ts';
import { checkSarif } from './sarif-output.ts';

export const CHECK_USAGE = `Usage: netpol check FILE_OR_DIR... --assertions FILE [options]

Checks connectivity assertions against the manifests and prints PASS or FAIL for each, with
the explanation for failures. Exits 1 when any assertion is violated, 2 on bad input.

Assertions file (YAML or JSON):
  assertions:
  - from: Internet          # ns/name (workload), an external network name, Internet, or a CIDR
    to: lb:shop/web         # also lb:ns/name (LoadBalancer Service), svc:ns/name (ClusterIP)
    port: 80/TCP            # PORT or PORT/PROTOCOL (TCP, UDP, SCTP); the Service port for lb:/svc:
    expect: reach           # reach | no-reach
    note: public shop       # optional
  networks:                 # optional: external networks by name
    office: [198.51.100.0/24]

Options:
  --assertions FILE           the assertions file (required)
  --format text|json|sarif    output format (default: text); sarif: SARIF 2.1.0 with one
                              result per violated assertion, at its line in the assertions file
  --profile upstream|cilium|netpol-analyzer-compat
  --node-cidrs CIDR,...       node addresses (SNATed load-balancer traffic comes from them;
                              default: unset)
  --lb-mode vip-passthrough|nodeport-passthrough|proxy|direct-to-pod
                              how load-balancer traffic reaches the cluster (default vip-passthrough)
  --lb-source-cidrs CIDR,...  source addresses of proxy / direct-to-pod load balancers
  --lb-source-ranges-enforced true|false
                              whether loadBalancerSourceRanges are enforced (default true)
  -h, --help                  this help
`;

const LB_MODES = ['vip-passthrough', 'nodeport-passthrough', 'proxy', 'direct-to-pod'] as const;

function cidrList(flag: string, value: string): string[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const c of list) {
    const p = parseCidr(c);
    if (!p.ok) throw new UsageError(`--${flag}: ${p.error}`);
  }
  return list;
}

function applyClusterFlags(cluster: ClusterSettings, flags: Record<string, string>): void {
  if (flags['node-cidrs'] !== undefined) cluster.nodeCidrs = cidrList('node-cidrs', flags['node-cidrs']);
  if (flags['lb-mode'] !== undefined) cluster.lbDeliveryMode = choice(flags, 'lb-mode', LB_MODES, 'vip-passthrough');
  if (flags['lb-source-cidrs'] !== undefined) cluster.lbSourceCidrs = cidrList('lb-source-cidrs', flags['lb-source-cidrs']);
  if (flags['lb-source-ranges-enforced'] !== undefined) {
    cluster.lbSourceRangesEnforced = choice(flags, 'lb-source-ranges-enforced', ['true', 'false'] as const, 'true') === 'true';
  }
}

export async function checkCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['assertions', 'format', 'profile', 'node-cidrs', 'lb-mode', 'lb-source-cidrs', 'lb-source-ranges-enforced'] });
  if (args.bools.has('help')) {
    await writeAll(io, [CHECK_USAGE]);
    return 0;
  }
  const format = choice(args.flags, 'format', ['text', 'json', 'sarif'] as const, 'text');
  if (!args.flags.assertions) throw new UsageError("check: --assertions FILE is required (see 'netpol check --help')");
  if (args.positional.length === 0) throw new UsageError("check: no manifest file or directory given (see 'netpol check --help')");

  const file = resolve(io.cwd, args.flags.assertions);
  const assertionsText = readFileSync(file, 'utf8');
  const parsed = parseAssertionsFile(assertionsText);
  if (!parsed.ok) {
    for (const e of parsed.errors) io.err(`netpol: ${args.flags.assertions}: ${e}`);
    return 2;
  }
  const loaded = loadModel(args.positional, args.flags, io, { cluster: (c) => applyClusterFlags(c, args.flags) });
  const resolved = resolveAssertions(loaded.model, parsed.entries, parsed.networks);
  if (resolved.errors.length > 0) {
    for (const e of resolved.errors) io.err(`netpol: ${args.flags.assertions}: ${e}`);
    return 2;
  }
  const model = resolved.model;
  const results = checkAssertions(model, evaluate(model), externalPaths(model));
  const failed = results.filter((r) => !r.ok).length;

  if (format === 'sarif') {
    // When every entry resolved (else we exited above), assertions are in file order.
    const index = new Map(resolved.assertions.map((a, i) => [a.id, i]));
    const expectations = new Map(resolved.assertions.map((a) => [a.id, a.expect]));
    const located = parseManifestText(args.flags.assertions, assertionsText).objects[0];
    const lineOf = (path: string) => located?.lineOf(path);
    await writeAll(io, [checkSarif(results, expectations, args.flags.assertions, (id) => index.get(id) ?? 0, lineOf, loaded.diagnostics)]);
  } else if (format === 'json') {
    await writeAll(io, [JSON.stringify({ passed: results.length - failed, failed, results }, null, 2) + '\n']);
  } else {
    const lines: string[] = [];
    for (const r of results) {
      lines.push(`${r.ok ? 'PASS' : 'FAIL'}  ${r.message}`);
      for (const d of r.details) for (const l of d.split('\n')) lines.push(`      ${l}`);
    }
    lines.push('', `${results.length - failed} passed, ${failed} failed`);
    await writeAll(io, [inertLines(lines.join('\n') + '\n')]);
  }
  return failed > 0 ? 1 : 0;
}
