// The review report's live-session section: who took part, each participant's verdict per
// change of the change list, and the discussion threads still open. Pure: the participants are
// passed in (presence is never saved), the decisions and threads come from the review scope.

import { allThreads, threadTargetLabel } from '../doc/comments.ts';
import type { ChangeDecision, Model, Review } from '../model/types.ts';
import { mdInline } from '../report/inert.ts';
import type { ReviewChange } from './changes.ts';
import { changeKey } from './decisions.ts';

export interface SessionParticipant {
  name: string;
  role: 'editor' | 'reviewer';
}

export interface SessionInfo {
  participants: readonly SessionParticipant[];
}


/** Everyone who took part: present now, or who decided or wrote in this review. */
export function sessionParticipants(session: SessionInfo, review: Review): { name: string; role: string }[] {
  const byName = new Map<string, string>();
  for (const p of session.participants) if (p.name.trim()) byName.set(p.name.trim(), p.role);
  for (const d of Object.values(review.decisions)) if (!byName.has(d.by)) byName.set(d.by, 'decided');
  for (const t of allThreads(review)) for (const m of t.messages) if (m.author && !byName.has(m.author)) byName.set(m.author, 'commented');
  return [...byName].map(([name, role]) => ({ name, role })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Decisions grouped per change, in the change list's order when the changes are known, then any
 * decided change no longer in the list (the design moved on since), by its title when decided.
 */
export function decisionsByChange(review: Review, changes: readonly ReviewChange[] | null): { title: string; current: boolean; decisions: ChangeDecision[] }[] {
  const groups = new Map<string, ChangeDecision[]>();
  for (const d of Object.values(review.decisions)) groups.set(d.changeKey, [...(groups.get(d.changeKey) ?? []), d]);
  const sortBy = (ds: ChangeDecision[]) => [...ds].sort((a, b) => (a.by < b.by ? -1 : a.by > b.by ? 1 : 0));
  const out: { title: string; current: boolean; decisions: ChangeDecision[] }[] = [];
  const seen = new Set<string>();
  for (const c of changes ?? []) {
    const k = changeKey(c);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ title: c.title, current: true, decisions: sortBy(groups.get(k) ?? []) });
  }
  for (const [k, ds] of groups) if (!seen.has(k)) out.push({ title: (ds[0] as ChangeDecision).changeTitle, current: false, decisions: sortBy(ds) });
  return out;
}

export function sessionSection(session: SessionInfo, review: Review, model: Model, changes: readonly ReviewChange[] | null): string[] {
  const out = ['## Live session', ''];
  const people = sessionParticipants(session, review);
  out.push('### Participants', '');
  if (people.length === 0) out.push('No participants recorded.', '');
  else out.push(...people.map((p) => `- ${mdInline(p.name)} (${p.role})`), '');

  out.push('### Decisions per change', '');
  const groups = decisionsByChange(review, changes);
  if (groups.length === 0) out.push(changes ? 'No changes against the baseline.' : 'No baseline was chosen, and nobody has decided on a change.', '');
  else {
    out.push('| Change | Approved by | Needs work by |', '|---|---|---|');
    for (const g of groups) {
      const who = (v: ChangeDecision['verdict']) => g.decisions.filter((d) => d.verdict === v).map((d) => mdInline(d.by)).join(', ') || '—';
      out.push(`| ${mdInline(g.title)}${g.current ? '' : ' _(no longer in the change list)_'} | ${who('approved')} | ${who('needs-work')} |`);
    }
    const undecided = groups.filter((g) => g.decisions.length === 0).length;
    out.push('', `${groups.length - undecided} of ${groups.length} changes decided${undecided ? `; ${undecided} without a decision` : ''}.`, '');
  }

  out.push('### Open threads', '');
  const open = allThreads(review).filter((t) => !t.resolved);
  if (open.length === 0) out.push('No open threads.', '');
  for (const t of open) {
    const last = t.messages[t.messages.length - 1];
    const n = t.messages.length;
    out.push(`- **${mdInline(threadTargetLabel(model, t.target))}**: ${n} message${n === 1 ? '' : 's'}${last ? `, last by ${mdInline(last.author)}: “${mdInline(last.text.split(/\r?\n/)[0] ?? '')}”` : ''}`);
  }
  if (open.length) out.push('');
  return out;
}


