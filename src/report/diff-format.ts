// Reachability and policy diffs as text (review table), JSON and Markdown. The Markdown
// section is also what the review report embeds.

import type { PolicyDiff } from '../diff/policy-diff.ts';
import type { PairChange, ReachDiff } from '../diff/reachability-diff.ts';
import { formatConnSet } from './conn-format.ts';
import { mdCell, mdCode } from './reach-markdown.ts';
import { connSetJson } from './reach-json.ts';
import { widest } from './widest.ts';
import { inertText } from './inert.ts';

const SIGN: Record<PairChange['change'], string> = { added: '+', removed: '-', changed: '~' };

function pad(s: string, w: number): string {
  return s.length >= w ? s : s + ' '.repeat(w - s.length);
}

function afterText(c: PairChange): string {
  if (c.change !== 'changed') return formatConnSet(c.after);
  const parts: string[] = [];
  if (c.added.TCP.length || c.added.UDP.length || c.added.SCTP.length) parts.push(`+${formatConnSet(c.added)}`);
  if (c.removed.TCP.length || c.removed.UDP.length || c.removed.SCTP.length) parts.push(`-${formatConnSet(c.removed)}`);
  return `${formatConnSet(c.after)} (${parts.join(' ')})`;
}

export function diffSummary(d: ReachDiff): string {
  const n = d.counts.added;
  return `${n} connection${n === 1 ? '' : 's'} added, ${d.counts.removed} removed, ${d.counts.changed} changed`;
}

export function policySummary(p: PolicyDiff): string {
  return `${p.added.length} ${p.added.length === 1 ? 'policy' : 'policies'} added, ${p.removed.length} deleted, ${p.changed.length} changed`;
}

export function formatDiffTable(d: ReachDiff, p?: PolicyDiff): string {
  const lines: string[] = [];
  if (p) {
    lines.push(`Policies: ${policySummary(p)}`);
    for (const n of p.added) lines.push(`  + ${n}`);
    for (const n of p.removed) lines.push(`  - ${n}`);
    for (const c of p.changed) lines.push(`  ~ ${c.name} (${c.fields.join(', ')})`);
    lines.push('');
  }
  if (d.endpointsAdded.length) lines.push(`New endpoints: ${d.endpointsAdded.join(', ')}`);
  if (d.endpointsRemoved.length) lines.push(`Removed endpoints: ${d.endpointsRemoved.join(', ')}`);
  if (d.endpointsAdded.length || d.endpointsRemoved.length) lines.push('');
  lines.push(`Reachability: ${diffSummary(d)}`);
  if (d.changes.length > 0) {
    const ws = widest(d.changes, (c) => c.src.length, 3) + 2;
    const wd = widest(d.changes, (c) => c.dst.length, 3) + 2;
    const wb = widest(d.changes, (c) => formatConnSet(c.before).length, 6) + 2;
    lines.push(`  ${pad('SRC', ws)}${pad('DST', wd)}${pad('BEFORE', wb)}AFTER`);
    for (const c of d.changes) {
      lines.push(`${SIGN[c.change]} ${pad(c.src, ws)}${pad(c.dst, wd)}${pad(formatConnSet(c.before), wb)}${afterText(c)}`);
    }
  }
  // Each line is one line: names with control characters cannot break or colour the table.
  return lines.map(inertText).join('\n') + '\n';
}

export function formatDiffJson(d: ReachDiff, p?: PolicyDiff): string {
  const out: string[] = ['{'];
  if (p) out.push(`"policies": ${JSON.stringify(p)},`);
  out.push(`"endpoints": ${JSON.stringify({ added: d.endpointsAdded, removed: d.endpointsRemoved })},`);
  out.push(`"counts": ${JSON.stringify(d.counts)},`);
  out.push('"connections": [');
  d.changes.forEach((c, i) => {
    out.push(
      `  {"src": ${JSON.stringify(c.src)}, "dst": ${JSON.stringify(c.dst)}, "change": "${c.change}", ` +
        `"before": ${connSetJson(c.before)}, "after": ${connSetJson(c.after)}, ` +
        `"added": ${connSetJson(c.added)}, "removed": ${connSetJson(c.removed)}}${i < d.changes.length - 1 ? ',' : ''}`,
    );
  });
  out.push(']}');
  return out.join('\n') + '\n';
}

/** A Markdown section (heading level configurable) for pull requests and the review report. */
export function formatDiffMarkdown(d: ReachDiff, p?: PolicyDiff, level = 2): string {
  const h = '#'.repeat(level);
  const lines: string[] = [`${h} Reachability changes`, '', `${diffSummary(d)}.`, ''];
  if (p && (p.added.length || p.removed.length || p.changed.length)) {
    lines.push(`${h}# Policies`, '');
    for (const n of p.added) lines.push(`- added ${mdCode(n)}`);
    for (const n of p.removed) lines.push(`- deleted ${mdCode(n)}`);
    for (const c of p.changed) lines.push(`- changed ${mdCode(c.name)} (${c.fields.join(', ')})`);
    lines.push('');
  }
  if (d.changes.length > 0) {
    lines.push('| | Source | Destination | Before | After |', '|---|---|---|---|---|');
    for (const c of d.changes) {
      lines.push(`| ${c.change} | ${mdCode(c.src)} | ${mdCode(c.dst)} | ${mdCell(formatConnSet(c.before))} | ${mdCell(afterText(c))} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
