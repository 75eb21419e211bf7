// The review report: one document a team can attach to a change request or print for an
// audit. Written once as Markdown; the HTML page is rendered from it (markdown-html.ts), so
// both say exactly the same thing. Sections: exposure, reachability matrix, changes against
// the baseline (risk-ordered, then the same section `netpol diff --format md` prints, then
// the manifest diff), open comments, manifests.

import { allThreads, isOrphaned, threadTargetLabel } from '../doc/comments.ts';
import { diffPolicies } from '../diff/policy-diff.ts';
import { diffReachability } from '../diff/reachability-diff.ts';
import { exportManifests } from '../k8s/export.ts';
import type { Doc, Model, Review } from '../model/types.ts';
import { evaluate } from '../policy/evaluate.ts';
import type { Reachability } from '../policy/reachability-types.ts';
import { connIsAll, connIsEmpty, formatConnSet } from '../report/conn-format.ts';
import { formatDiffMarkdown } from '../report/diff-format.ts';
import { mdCell, mdCode } from '../report/reach-markdown.ts';
import { mdInline } from '../report/inert.ts';
import { connBetweenGroups, connectionRows, reachView } from '../report/rows.ts';
import { externalPaths } from '../services/paths.ts';
import { reviewChangesFrom, type ReviewChange } from './changes.ts';
import { manifestDiff } from './manifest-diff.ts';
import { escapeHtml, markdownToHtml } from './markdown-html.ts';
import { sessionSection, type SessionInfo } from './session-report.ts';

export interface ReviewReportInput {
  doc: Doc;
  /** The review scope: comments (and, in live sessions, decisions). */
  review: Review;
  baseline?: { model: Model; label: string };
  /** ISO time printed as the report's date (passed in: the core has no clock). */
  at: string;
  /** A live session's participants: adds the session section (participants, decisions, open threads). */
  session?: SessionInfo;
}

export interface ReviewReport {
  markdown: string;
  html: string;
}

/** Larger designs get the connection list instead of a matrix nobody can read. */
export const MATRIX_MAX_ENDPOINTS = 40;
/** Rows per table before the rest is summarised. */
export const TABLE_MAX_ROWS = 300;

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** Text from users inside a Markdown line: inert (no HTML, links, images, headings). */
const mdText = mdInline;

// ---------------------------------------------------------------- sections

function exposureSection(model: Model, reach: Reachability): string[] {
  const out = ['## Exposure', ''];
  const view = reachView(reach);
  const direct = [...connectionRows(reach, view)].filter((r) => r.srcKind === 'external' && r.dstKind === 'workload');
  out.push('### External networks reaching workloads directly', '');
  if (direct.length === 0) out.push('No external network can open a connection to any workload.', '');
  else {
    out.push('| External network | Workload | Allowed |', '|---|---|---|');
    for (const r of direct.slice(0, TABLE_MAX_ROWS)) out.push(`| ${mdCode(r.src)} | ${mdCode(r.dst)} | ${mdCell(formatConnSet(r.allowed))}${connIsAll(r.allowed) ? ' **(all ports)**' : ''} |`);
    if (direct.length > TABLE_MAX_ROWS) out.push('', `_${direct.length - TABLE_MAX_ROWS} more rows not shown._`);
    out.push('');
  }

  out.push('### Through load balancers and node ports', '');
  const paths = externalPaths(model).filter((p) => p.outcome !== 'no-reach' && p.backendName);
  const seen = new Set<string>();
  const rows: string[] = [];
  for (const p of paths) {
    const port = `${p.port.protocol} ${p.port.port}${p.via === 'nodeport' && p.port.nodePort ? ` (node port ${p.port.nodePort})` : ''} → ${p.targetPort}`;
    const row = `| ${mdCode(p.sourceName)} | ${mdCell(p.cidrs.join(', '))} | ${mdCode(p.serviceName)} | ${p.via === 'loadbalancer' ? 'load balancer' : 'node port'} | ${mdCell(port)} | ${mdCode(p.backendName!)} | ${p.outcome === 'reach' ? 'reaches' : 'reaches under conditions'} |`;
    if (seen.has(row)) continue;
    seen.add(row);
    rows.push(row);
  }
  const exposed = Object.values(model.services).filter((s) => s.type === 'LoadBalancer' || s.type === 'NodePort').length;
  if (rows.length === 0) {
    out.push(exposed === 0 ? 'The design has no LoadBalancer or NodePort Service.' : `No external network reaches a backend through the ${plural(exposed, 'LoadBalancer or NodePort Service', 'LoadBalancer and NodePort Services')}.`, '');
  } else {
    out.push('| From | Addresses | Service | Via | Port | Backend | Outcome |', '|---|---|---|---|---|---|---|');
    out.push(...rows.slice(0, TABLE_MAX_ROWS));
    if (rows.length > TABLE_MAX_ROWS) out.push('', `_${rows.length - TABLE_MAX_ROWS} more rows not shown._`);
    out.push('');
  }
  return out;
}

function matrixCell(text: string): string {
  return text === 'none' ? '·' : mdCell(text);
}

function matrixSection(reach: Reachability): string[] {
  const view = reachView(reach);
  const n = view.names.length;
  const out = ['## Reachability matrix', ''];
  if (n === 0) return [...out, 'The design has no endpoints.', ''];
  if (n > MATRIX_MAX_ENDPOINTS) {
    out.push(
      `The design has ${n} endpoints, too many for a readable matrix (the limit is ${MATRIX_MAX_ENDPOINTS}). ` +
        'Allowed connections are listed instead; `netpol analyze --format csv` gives the full matrix.',
      '',
      '| Source | Destination | Allowed |',
      '|---|---|---|',
    );
    let count = 0;
    for (const r of connectionRows(reach, view)) {
      if (count++ >= TABLE_MAX_ROWS) continue;
      out.push(`| ${mdCode(r.src)} | ${mdCode(r.dst)} | ${mdCell(formatConnSet(r.allowed))} |`);
    }
    if (count > TABLE_MAX_ROWS) out.push('', `_${count - TABLE_MAX_ROWS} more connections not shown._`);
    return [...out, ''];
  }
  // Columns are numbered and rows carry number and name, so the table stays narrow.
  out.push('Rows are sources, columns destinations (numbered as the rows). `·` = nothing allowed, `all` = every port of every protocol, `n/a` = neither side is a pod, so NetworkPolicy does not decide.', '');
  out.push(`| Source | ${view.names.map((_, i) => `${i + 1}`).join(' | ')} |`, `|---|${view.names.map(() => '---').join('|')}|`);
  for (let s = 0; s < n; s++) {
    const cells = view.names.map((_, d) => {
      if (d === s) return '—';
      if (view.kinds[s] !== 'workload' && view.kinds[d] !== 'workload') return 'n/a';
      const c = connBetweenGroups(reach, view.members[s], view.members[d]);
      return matrixCell(connIsEmpty(c) ? 'none' : formatConnSet(c));
    });
    out.push(`| ${s + 1} ${mdCode(view.names[s])} | ${cells.join(' | ')} |`);
  }
  return [...out, ''];
}

const RISK_LABEL = { high: 'HIGH', medium: 'MEDIUM', low: 'LOW' } as const;

/** The numbered, risk-ordered change list (also what `netpol diff --format md` opens with). */
export function riskOrderedChangesMarkdown(changes: readonly ReviewChange[]): string[] {
  if (changes.length === 0) return ['No change in reachability, exposure or policies.', ''];
  const count = (r: ReviewChange['risk']) => changes.filter((c) => c.risk === r).length;
  const out = [`${plural(changes.length, 'change')}, most risky first: ${count('high')} high, ${count('medium')} medium, ${count('low')} low.`, ''];
  changes.forEach((c, i) => {
    out.push(`${i + 1}. **${RISK_LABEL[c.risk]}** ${mdText(c.title)}`);
    for (const line of c.explanation) out.push(`   - ${mdText(line)}`);
  });
  out.push('');
  return out;
}

function baselineChanges(doc: Doc, baseline: { model: Model }, reach: Reachability) {
  const baseReach = evaluate(baseline.model);
  const reachDiff = diffReachability(baseline.model, baseReach, doc.model, reach);
  const policyDiff = diffPolicies(baseline.model, doc.model);
  const changes = reviewChangesFrom({ baseModel: baseline.model, newModel: doc.model, baseReach, newReach: reach, reachDiff, policyDiff });
  return { reachDiff, policyDiff, changes };
}

function changesSection(doc: Doc, baseline: { model: Model; label: string }, found: ReturnType<typeof baselineChanges>): string[] {
  const { reachDiff, policyDiff, changes } = found;
  const out = [`## Changes against ${mdText(baseline.label)}`, '', ...riskOrderedChangesMarkdown(changes)];
  // Exactly what `netpol diff --format md` prints, so reviewers see one format everywhere.
  out.push(formatDiffMarkdown(reachDiff, policyDiff));

  const yaml = manifestDiff(baseline.model, doc.model);
  out.push('## Manifest changes', '');
  const touched = yaml.objects.filter((o) => o.status !== 'same');
  if (touched.length === 0) out.push('The exported manifests are identical.', '');
  else {
    for (const o of touched) out.push(`- ${o.status} ${mdCode(o.key)}`);
    out.push('', '```diff', ...yaml.unified.replace(/\n$/, '').split('\n'), '```', '');
  }
  return out;
}

function commentsSection(review: Review, model: Model): string[] {
  const threads = allThreads(review);
  const open = threads.filter((t) => !t.resolved);
  const out = ['## Open comments', ''];
  const resolved = threads.length - open.length;
  if (open.length === 0) out.push('No open comments.', '');
  for (const t of open) {
    const orphan = isOrphaned(model, t) ? ' (its target was deleted from the design)' : '';
    out.push(`**${mdText(threadTargetLabel(model, t.target))}**${orphan}`, '');
    t.messages.forEach((m, i) => {
      out.push(`> **${mdText(m.author)}** ${i === 0 ? 'wrote' : 'replied'} on ${mdText(m.at)}:`);
      for (const line of m.text.split(/\r?\n/)) out.push(`> ${mdText(line)}`);
      out.push('');
    });
  }
  if (resolved > 0) out.push(`_${plural(resolved, 'resolved thread')} not shown._`, '');
  return out;
}

function manifestsSection(model: Model): string[] {
  const yaml = exportManifests(model);
  const out = ['## Manifests', ''];
  if (!yaml.trim()) return [...out, 'The design exports no objects.', ''];
  return [...out, '```yaml', ...yaml.replace(/\n$/, '').split('\n'), '```', ''];
}

// ---------------------------------------------------------------- the report

export function reviewMarkdown(input: ReviewReportInput): string {
  const { doc, review, baseline, at } = input;
  const model = doc.model;
  const reach = evaluate(model);
  const view = reachView(reach);
  const open = allThreads(review).filter((t) => !t.resolved).length;
  const found = baseline ? baselineChanges(doc, baseline, reach) : null;
  const lines = [
    `# Network security review: ${mdText(doc.name)}`,
    '',
    `Generated ${mdText(at)}${baseline ? ` · compared with ${mdText(baseline.label)}` : ''}.`,
    '',
    `${plural(Object.keys(model.namespaces).length, 'namespace')}, ${plural(view.workloads.length, 'workload')}, ` +
      `${plural(Object.keys(model.services).length, 'Service')}, ${plural(Object.keys(model.policies).length, 'NetworkPolicy', 'NetworkPolicies')}, ` +
      `${plural(Object.keys(model.externals).length, 'external network')}; ${plural(open, 'open comment thread')}.`,
    '',
    ...exposureSection(model, reach),
    ...matrixSection(reach),
    ...(baseline && found ? changesSection(doc, baseline, found) : ['## Changes', '', 'No baseline was chosen, so this report shows no changes.', '']),
    ...(input.session || Object.keys(review.decisions).length ? sessionSection(input.session ?? { participants: [] }, review, model, found?.changes ?? null) : []),
    ...commentsSection(review, model),
    ...manifestsSection(model),
  ];
  return lines.join('\n');
}

const STYLE = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f24; margin: 0; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 64px; }
nav.toc { background: #f5f7fa; border: 1px solid #d8dee4; border-radius: 6px; padding: 8px 20px; margin: 16px 0 24px; }
nav.toc ul { margin: 4px 0; padding-left: 20px; }
h1 { font-size: 26px; } h2 { font-size: 21px; border-bottom: 1px solid #d8dee4; padding-bottom: 4px; margin-top: 36px; } h3 { font-size: 17px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid #d0d7de; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f0f3f6; }
code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f0f3f6; padding: 0 3px; border-radius: 3px; }
pre { background: #f6f8fa; border: 1px solid #d8dee4; border-radius: 6px; padding: 10px 12px; overflow-x: auto; }
pre code { background: none; padding: 0; white-space: pre; }
pre .add { color: #116329; background: #dafbe1; display: inline-block; width: 100%; }
pre .del { color: #82071e; background: #ffebe9; display: inline-block; width: 100%; }
pre .hunk { color: #0550ae; }
blockquote { border-left: 4px solid #d0d7de; margin: 8px 0; padding: 2px 12px; color: #3d444d; }
.risk-high { color: #fff; background: #cf222e; padding: 0 5px; border-radius: 3px; }
.risk-medium { color: #1b1f24; background: #f2cc60; padding: 0 5px; border-radius: 3px; }
.risk-low { color: #1b1f24; background: #d8dee4; padding: 0 5px; border-radius: 3px; }
@media print {
  main { max-width: none; padding: 0; }
  nav.toc { break-after: page; }
  h2 { break-after: avoid; } table, pre, blockquote { break-inside: avoid; }
  pre { white-space: pre-wrap; } pre code { white-space: pre-wrap; }
}
`;

/** A standalone page: inline CSS, no scripts, every piece of text escaped. */
export function reviewHtml(markdown: string, title: string): string {
  const { html, headings } = markdownToHtml(markdown);
  const toc = headings
    .filter((h) => h.level === 2)
    .map((h) => `<li><a href="#${h.id}">${escapeHtml(h.text.replace(/\\(.)/g, '$1'))}</a></li>`)
    .join('\n');
  const body = html.replace(/<strong>(HIGH|MEDIUM|LOW)<\/strong>/g, (_m, r: string) => `<strong class="risk-${r.toLowerCase()}">${r}</strong>`);
  // The table of contents goes after the title block (h1 and its summary paragraphs).
  const firstH2 = body.indexOf('<h2');
  const head = firstH2 >= 0 ? body.slice(0, firstH2) : body;
  const rest = firstH2 >= 0 ? body.slice(firstH2) : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    head,
    `<nav class="toc"><strong>Contents</strong>\n<ul>\n${toc}\n</ul></nav>`,
    rest,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function reviewReport(input: ReviewReportInput): ReviewReport {
  const markdown = reviewMarkdown(input);
  return { markdown, html: reviewHtml(markdown, `Network security review: ${input.doc.name}`) };
}
