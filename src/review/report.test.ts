import { describe, expect, it } from 'vitest';
import { addThread, resolveThread } from '../doc/comments.ts';
import { diffPolicies } from '../diff/policy-diff.ts';
import { diffReachability } from '../diff/reachability-diff.ts';
import { emptyDoc, emptyReview } from '../model/factory.ts';
import type { Doc, Review } from '../model/types.ts';
import { evaluate } from '../policy/evaluate.ts';
import { formatDiffMarkdown } from '../report/diff-format.ts';
import { addWorkload } from '../services/test-model.ts';
import { MATRIX_MAX_ENDPOINTS, reviewReport } from './report.ts';
import { shopBase, shopEdited, withLoadBalancer } from './test-designs.ts';

function editedDoc(name = 'shop'): Doc {
  const doc = emptyDoc(name);
  doc.model = withLoadBalancer(shopEdited());
  return doc;
}

function withComment(text: string, author = 'alice'): { review: Review; id: string } {
  const r = addThread(emptyReview(), { kind: 'edge', src: 'wl:shop/Deployment/web', dst: 'wl:data/Deployment/pg' }, { author, text, at: '2026-01-01T10:00:00Z' });
  if (!r.ok) throw new Error(r.error);
  return { review: r.review, id: r.threadId };
}

const at = '2026-01-02T00:00:00Z';

describe('review report', () => {
  it('embeds exactly the Markdown diff section of `netpol diff --format md`', () => {
    const doc = editedDoc();
    const base = withLoadBalancer(shopBase());
    const { markdown } = reviewReport({ doc, review: emptyReview(), baseline: { model: base, label: 'version "Monday"' }, at });
    const cli = formatDiffMarkdown(diffReachability(base, evaluate(base), doc.model, evaluate(doc.model)), diffPolicies(base, doc.model));
    expect(cli).toContain('| added | `internet` | `shop/web` | none | TCP 8080 |');
    expect(markdown).toContain(cli);
  });

  it('lists the risk-ordered changes with their explanations before the diff table', () => {
    const { markdown } = reviewReport({ doc: editedDoc(), review: emptyReview(), baseline: { model: withLoadBalancer(shopBase()), label: 'main' }, at });
    const high = markdown.indexOf('1. **HIGH** External network internet can now reach shop/web (TCP 8080)');
    const medium = markdown.indexOf('3. **MEDIUM** shop/web can now reach data/pg (TCP 5432)');
    expect(high).toBeGreaterThan(0);
    expect(medium).toBeGreaterThan(high);
    expect(markdown).toContain('   - Ingress at shop/web is isolated by shop/allow-internet, shop/deny; shop/allow-internet ingress[0] allows TCP 8080.');
    expect(markdown.indexOf('## Reachability changes')).toBeGreaterThan(medium);
    expect(markdown).toContain('- removed `NetworkPolicy shop/allow-api-to-web`');
    expect(markdown).toContain('```diff\n--- base\n+++ new\n');
  });

  it('summarises exposure directly and through load balancers', () => {
    const { markdown } = reviewReport({ doc: editedDoc(), review: emptyReview(), at });
    expect(markdown).toContain('| `internet` | `shop/web` | TCP 8080 |');
    expect(markdown).toContain('| `internet` | 0.0.0.0/0 | `shop/web-lb` | load balancer | TCP 443 → 8080 | `shop/web` | reaches |');
    expect(markdown).toContain('No baseline was chosen');
  });

  it('draws a compact matrix and falls back to a list for large designs', () => {
    const { markdown } = reviewReport({ doc: editedDoc(), review: emptyReview(), at });
    expect(markdown).toContain('| Source | 1 | 2 | 3 | 4 | 5 |');
    expect(markdown).toContain('| 5 `shop/web` | TCP 5432 | all | all | · | — |');
    expect(markdown).toContain('| 2 `internet` | · | — | n/a | · | TCP 8080 |');

    const big = emptyDoc('big');
    for (let i = 0; i < MATRIX_MAX_ENDPOINTS + 1; i++) addWorkload(big.model, 'ns', `w${String(i).padStart(2, '0')}`, { app: `w${i}` });
    const large = reviewReport({ doc: big, review: emptyReview(), at }).markdown;
    expect(large).toContain(`The design has ${MATRIX_MAX_ENDPOINTS + 1} endpoints, too many for a readable matrix`);
    expect(large).toContain('| `ns/w00` | `ns/w01` | all |');
  });

  it('shows open comments with target, author, time and replies, and counts resolved ones', () => {
    const { review, id } = withComment('Why does web need the database?');
    const r = addThread(review, { kind: 'design' }, { author: 'bob', text: 'Done already', at: '2026-01-01T09:00:00Z' });
    if (!r.ok) throw new Error(r.error);
    const resolved = resolveThread(r.review, r.threadId);
    if (!resolved.ok) throw new Error(resolved.error);
    const { markdown } = reviewReport({ doc: editedDoc(), review: resolved.review, at });
    expect(markdown).toContain('**edge shop/web → data/pg**\n\n> **alice** wrote on 2026-01-01T10:00:00Z:\n> Why does web need the database?');
    expect(markdown).toContain('_1 resolved thread not shown._');
    expect(markdown).not.toContain('Done already');
    expect(id).toBeTruthy();
  });

  it('ends with the manifests as YAML', () => {
    const { markdown } = reviewReport({ doc: editedDoc(), review: emptyReview(), at });
    const tail = markdown.slice(markdown.indexOf('## Manifests'));
    expect(tail).toContain('```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: data\n');
    expect(tail).toContain('    - ipBlock:\n        cidr: 0.0.0.0/0\n');
  });
});

describe('review report as a standalone HTML page', () => {
  it('escapes names and comments so nothing runs', () => {
    const { review } = withComment('Look: <script>steal()</script> & <img src=x onerror=y>', '<b>mallory</b>');
    const { html } = reviewReport({ doc: editedDoc('shop <script>alert(1)</script>'), review, at });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>mallory');
    expect(html).toContain('<title>Network security review: shop &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).toContain('Look: &lt;script&gt;steal()&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt;');
    expect(html).toContain('&lt;b&gt;mallory&lt;/b&gt;');
  });

  it('is one page with inline CSS and a table of contents linking every section', () => {
    const { html } = reviewReport({ doc: editedDoc(), review: emptyReview(), baseline: { model: withLoadBalancer(shopBase()), label: 'main' }, at });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<link|src=|<script/i);
    const toc = html.slice(html.indexOf('<nav class="toc">'), html.indexOf('</nav>'));
    const links = [...toc.matchAll(/href="#([^"]+)">([^<]+)</g)].map((m) => m[2]);
    expect(links).toEqual(['Exposure', 'Reachability matrix', 'Changes against main', 'Reachability changes', 'Manifest changes', 'Open comments', 'Manifests']);
    for (const m of toc.matchAll(/href="#([^"]+)"/g)) expect(html).toContain(`id="${m[1]}"`);
    expect(html).toContain('<strong class="risk-high">HIGH</strong>');
    expect(html).toContain('<span class="add">+    - ipBlock:</span>');
    expect(html).toContain('<td><code>internet</code></td><td><code>shop/web</code></td><td>TCP 8080</td>');
  });
});
