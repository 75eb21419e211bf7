// The Comments tab: start a thread on the design, the selected element / connection or the
// policy being edited; threads listed open first, resolved ones collapsed, orphaned marked.

import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  addThread, allThreads, deleteThread, isOrphaned, reopenThread, reply, resolveThread, threadTargetLabel,
} from '../../src/doc/comments.ts';
import type { CommentTarget, CommentThread, Doc } from '../../src/model/types.ts';
import { serviceIdOfLoadBalancer } from '../../src/layout/sizes.ts';
import { useDocStore } from '../state/doc-store.ts';
import { useReviewDoc } from '../state/review-doc-store.ts';
import { setSession, useSessionStore } from '../state/session-store.ts';
import { useReadOnly } from '../share/read-only.ts';
import { setAuthor, useAuthor } from './author.ts';
import { commitComment, edgeTargetOf, nowIso } from './comment-actions.ts';
import './comments.css';

function targetKey(t: CommentTarget): string {
  return t.kind === 'design' ? 'design' : t.kind === 'edge' ? `edge:${t.src}>${t.dst}` : `${t.kind}:${t.id}`;
}

/** Targets the user can comment on right now: the design, then what is selected. */
function useTargets(doc: Doc): CommentTarget[] {
  const { selection, editingPolicyId } = useSessionStore(useShallow((s) => ({ selection: s.selection, editingPolicyId: s.editingPolicyId })));
  return useMemo(() => {
    const out: CommentTarget[] = [];
    if (editingPolicyId && doc.model.policies[editingPolicyId]) out.push({ kind: 'policy', id: editingPolicyId });
    for (const id of selection) {
      if (doc.model.policies[id]) out.push({ kind: 'policy', id });
      else if (doc.model.workloads[id] || doc.model.namespaces[id] || doc.model.externals[id] || doc.model.services[serviceIdOfLoadBalancer(id) ?? '']) out.push({ kind: 'node', id });
      else {
        const e = edgeTargetOf(id);
        if (e) out.push(e);
      }
    }
    out.push({ kind: 'design' });
    const seen = new Set<string>();
    return out.filter((t) => (seen.has(targetKey(t)) ? false : (seen.add(targetKey(t)), true)));
  }, [selection, editingPolicyId, doc.model]);
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function AuthorField(props: { draft: string; onDraft: (s: string) => void }) {
  return (
    <label className="field">
      <span className="field-label">Your name (asked once, remembered in this browser)</span>
      <input value={props.draft} onChange={(e) => props.onDraft(e.target.value)} placeholder="e.g. Alex" aria-label="Your name" />
    </label>
  );
}

/** Resolves the author for a post: the remembered name or the one typed now (then remembered). */
function useAuthorForPost(): { author: string; needs: boolean; draft: string; setDraft: (s: string) => void; commit: () => string | null } {
  const author = useAuthor();
  const [draft, setDraft] = useState('');
  return {
    author,
    needs: !author,
    draft,
    setDraft,
    commit: () => {
      if (author) return author;
      if (!draft.trim()) return null;
      setAuthor(draft);
      return draft.trim();
    },
  };
}

function Composer(props: { doc: Doc }) {
  const targets = useTargets(props.doc);
  const [key, setKey] = useState<string | null>(null);
  const target = targets.find((t) => targetKey(t) === key) ?? targets[0];
  const [text, setText] = useState('');
  const who = useAuthorForPost();
  const [error, setError] = useState<string | null>(null);
  const post = () => {
    const author = who.commit();
    if (!author) return setError('Type your name first: it is shown with your comments.');
    if (!text.trim()) return setError('Write a comment first.');
    const id = commitComment((d) => addThread(d, target, { author, text, at: nowIso() }));
    if (id) {
      setText('');
      setError(null);
    }
  };
  return (
    <form className="comment-composer form" aria-label="New comment" onSubmit={(e) => { e.preventDefault(); post(); }}>
      <label className="field">
        <span className="field-label">New comment on</span>
        <select value={targetKey(target)} onChange={(e) => setKey(e.target.value)} aria-label="Comment on">
          {targets.map((t) => <option key={targetKey(t)} value={targetKey(t)}>{threadTargetLabel(props.doc.model, t)}</option>)}
        </select>
      </label>
      {who.needs && <AuthorField draft={who.draft} onDraft={who.setDraft} />}
      <textarea
        rows={3}
        value={text}
        placeholder="Write a comment… (Ctrl+Enter to post)"
        aria-label="Comment"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); post(); } }}
      />
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="comment-actions">
        {!who.needs && <span className="muted">as <strong>{who.author}</strong> · <button type="button" className="link-btn" onClick={() => setAuthor('')}>change</button></span>}
        <span className="spacer" />
        <button type="submit" className="primary">Comment</button>
      </div>
    </form>
  );
}

function selectTarget(t: CommentTarget): void {
  if (t.kind === 'node') setSession({ selection: [t.id] });
  else if (t.kind === 'edge') setSession({ selection: [t.src, t.dst] });
  else if (t.kind === 'policy') setSession({ editingPolicyId: t.id, rightTab: 'policies' });
}

function Thread(props: { doc: Doc; thread: CommentThread }) {
  const { doc, thread } = props;
  const [text, setText] = useState('');
  const who = useAuthorForPost();
  const [error, setError] = useState<string | null>(null);
  const orphaned = isOrphaned(doc.model, thread);
  const send = () => {
    const author = who.commit();
    if (!author) return setError('Type your name first.');
    if (!text.trim()) return setError('Write a reply first.');
    if (commitComment((d) => reply(d, thread.id, { author, text, at: nowIso() }))) {
      setText('');
      setError(null);
    }
  };
  return (
    <li className={`comment-thread ${thread.resolved ? 'resolved' : 'open'} ${orphaned ? 'orphaned' : ''}`} data-testid="comment-thread" data-thread-id={thread.id}>
      <div className="thread-head">
        {thread.target.kind === 'design' || orphaned
          ? <span className="thread-target">{threadTargetLabel(doc.model, thread.target)}</span>
          : <button type="button" className="link-btn thread-target" onClick={() => selectTarget(thread.target)} title="Show on the canvas">{threadTargetLabel(doc.model, thread.target)}</button>}
        {orphaned && <span className="tag bad" title="What this thread is about was deleted from the design">target deleted</span>}
        {thread.resolved && <span className="tag ok">resolved</span>}
      </div>
      <ol className="messages">
        {thread.messages.map((m) => (
          <li key={m.id} className="message">
            <div className="message-meta"><strong>{m.author}</strong> <time dateTime={m.at}>{when(m.at)}</time></div>
            <div className="message-text">{m.text}</div>
          </li>
        ))}
      </ol>
      {!thread.resolved && (
        <form className="reply" onSubmit={(e) => { e.preventDefault(); send(); }}>
          {who.needs && <AuthorField draft={who.draft} onDraft={who.setDraft} />}
          <textarea rows={1} value={text} placeholder="Reply…" aria-label="Reply" onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); send(); } }} />
          {error && <p className="field-error" role="alert">{error}</p>}
          <div className="comment-actions">
            <button type="submit" disabled={!text.trim()}>Reply</button>
            <span className="spacer" />
            <button type="button" onClick={() => commitComment((d) => resolveThread(d, thread.id))}>Resolve</button>
            <button type="button" className="danger" aria-label="Delete thread" title="Delete this thread"
              onClick={() => { if (window.confirm('Delete this comment thread and all its replies?')) commitComment((d) => deleteThread(d, thread.id)); }}>Delete</button>
          </div>
        </form>
      )}
      {thread.resolved && (
        <div className="comment-actions">
          <button type="button" onClick={() => commitComment((d) => reopenThread(d, thread.id))}>Reopen</button>
        </div>
      )}
    </li>
  );
}

export function CommentsPanel() {
  const doc = useDocStore((s) => s.doc);
  const review = useReviewDoc((s) => s.review);
  const readOnly = useReadOnly();
  const threads = useMemo(() => allThreads(review), [review]);
  const open = threads.filter((t) => !t.resolved);
  const resolved = threads.filter((t) => t.resolved);
  return (
    <div className="comments-panel" data-testid="comments-panel">
      {readOnly && (
        <p className="hint comments-ro-note">
          Comments are allowed on this shared design. They are kept when you <strong>Edit a copy</strong>, download the
          design file or share a new link; otherwise they are lost when you close the page.
        </p>
      )}
      <Composer doc={doc} />
      {threads.length === 0 ? (
        <div className="empty-state">
          <p><strong>No comments yet.</strong></p>
          <p>Select an element or a connection on the canvas (or open a policy) to comment on it, or comment on the whole design. Comments are saved with the design and travel with files and share links.</p>
        </div>
      ) : (
        <>
          <h4 className="comments-head">Open ({open.length})</h4>
          {open.length === 0 ? <p className="muted">All threads are resolved.</p> : <ul className="thread-list">{open.map((t) => <Thread key={t.id} doc={doc} thread={t} />)}</ul>}
          {resolved.length > 0 && (
            <details className="resolved-threads">
              <summary>Resolved ({resolved.length})</summary>
              <ul className="thread-list">{resolved.map((t) => <Thread key={t.id} doc={doc} thread={t} />)}</ul>
            </details>
          )}
        </>
      )}
    </div>
  );
}
