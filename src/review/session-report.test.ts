import { describe, expect, it } from 'vitest';
import { addThread, resolveThread } from '../doc/comments.ts';
import { diffPolicies } from '../diff/policy-diff.ts';
import { diffReachability } from '../diff/reachability-diff.ts';
import { emptyDoc, emptyReview } from '../model/factory.ts';
import type { Doc, Review } from '../model/types.ts';
import { evaluate } from '../policy/evaluate.ts';
import { reviewChangesFrom, type ReviewChange } from './changes.ts';
import { setDecision } from './decisions.ts';
import { reviewReport } from './report.ts';
import { decisionsByChange, sessionParticipants } from './session-report.ts';
import { shopBase, shopEdited, withLoadBalancer } from './test-designs.ts';

const at = '2026-01-02T00:00:00Z';

function setup(): { doc: Doc; base: ReturnType<typeof shopBase>; changes: ReviewChange[] } {
  const doc = emptyDoc('shop');
  doc.model = withLoadBalancer(shopEdited());
  const base = withLoadBalancer(shopBase());
  const baseReach = evaluate(base);
  const reach = evaluate(doc.model);
  const changes = reviewChangesFrom({ baseModel: base, newModel: doc.model, baseReach, newReach: reach, reachDiff: diffReachability(base, baseReach, doc.model, reach), policyDiff: diffPolicies(base, doc.model) });
  return { doc, base, changes };
}

function decide(review: Review, change: ReviewChange, by: string, verdict: 'approved' | 'needs-work' | null): Review {
  const r = setDecision(review, { change, by, verdict, at });
  if (!r.ok) throw new Error(r.error);
  return r.review;
}

describe('live session section of the review report', () => {
  it('shows each participant\'s verdict per change, in change-list order, and counts the undecided', () => {
    const { doc, base, changes } = setup();
    const [first, second] = changes as [ReviewChange, ReviewChange];
    let review = decide(emptyReview(), first, 'Ann', 'approved');
    review = decide(review, first, 'Rita', 'needs-work');
    review = decide(review, second, 'Rita', 'approved');
    const { markdown, html } = reviewReport({ doc, review, baseline: { model: base, label: 'main' }, at, session: { participants: [{ name: 'Ann', role: 'editor' }, { name: 'Rita', role: 'reviewer' }, { name: 'Bob', role: 'editor' }] } });
    expect(markdown).toContain('## Live session');
    expect(markdown).toContain('- Ann (editor)\n- Bob (editor)\n- Rita (reviewer)');
    expect(markdown).toContain(`| ${first.title.replace(/\//g, '/')} | Ann | Rita |`);
    expect(markdown).toContain(`| ${second.title} | Rita | — |`);
    expect(markdown).toContain(`2 of ${changes.length} changes decided; ${changes.length - 2} without a decision.`);
    expect(html).toContain('<h2 id="live-session">Live session</h2>');
  });

  it('a re-decision replaces the person\'s own verdict; clearing removes it', () => {
    const { changes } = setup();
    const c = changes[0] as ReviewChange;
    let review = decide(emptyReview(), c, 'Ann', 'needs-work');
    review = decide(review, c, 'Ann', 'approved');
    expect(decisionsByChange(review, changes)[0]?.decisions.map((d) => [d.by, d.verdict])).toEqual([['Ann', 'approved']]);
    review = decide(review, c, 'Ann', null);
    expect(decisionsByChange(review, changes)[0]?.decisions).toEqual([]);
  });

  it('keeps decisions on changes that left the list, and lists open threads only', () => {
    const { doc, changes } = setup();
    let review = decide(emptyReview(), changes[0] as ReviewChange, 'Ann', 'approved');
    const t1 = addThread(review, { kind: 'design' }, { author: 'Rita', text: 'Why is the database open?\nsecond line', at });
    if (!t1.ok) throw new Error(t1.error);
    const t2 = addThread(t1.review, { kind: 'design' }, { author: 'Bob', text: 'done already', at });
    if (!t2.ok) throw new Error(t2.error);
    const resolved = resolveThread(t2.review, t2.threadId);
    if (!resolved.ok) throw new Error(resolved.error);
    review = resolved.review;
    // No baseline: the decided change is no longer in a list, but its decision stays in the report.
    const { markdown } = reviewReport({ doc, review, at, session: { participants: [] } });
    expect(markdown).toContain(`| ${(changes[0] as ReviewChange).title} _(no longer in the change list)_ | Ann | — |`);
    expect(markdown).toMatch(/### Open threads\n\n- \*\*[^*]+\*\*: 1 message, last by Rita: “Why is the database open\?”/);
    expect(markdown).not.toContain('done already”');
    // Everyone who decided or wrote counts as a participant even when not present.
    expect(sessionParticipants({ participants: [] }, review).map((p) => p.name)).toEqual(['Ann', 'Bob', 'Rita']);
  });

  it('is absent outside sessions when nobody decided', () => {
    const { doc } = setup();
    expect(reviewReport({ doc, review: emptyReview(), at }).markdown).not.toContain('## Live session');
  });
});
