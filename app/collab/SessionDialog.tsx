// The links of a live session: one for editors, one for reviewers (comment and decide only).

import { useState } from 'react';
import { Modal } from '../panels/Modal.tsx';
import { liveStore, useLive } from './live-store.ts';

function LinkRow(props: { label: string; url: string; testId: string; hint: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="live-link">
      <label className="live-link-label">{props.label}<span className="hint"> — {props.hint}</span></label>
      <div className="share-row">
        <input readOnly value={props.url} aria-label={props.label} data-testid={props.testId} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</button>
      </div>
    </div>
  );
}

export function SessionDialog() {
  const open = useLive((s) => s.linksDialog);
  const links = useLive((s) => s.links);
  const role = useLive((s) => s.role);
  if (!open || !links) return null;
  const close = () => liveStore.setState({ linksDialog: false });
  return (
    <Modal title="Live session" onClose={close} testId="live-dialog">
      <p className="hint">
        Everyone with a link sees this design live. The session's id and keys are random (128 bits each) and travel only
        in the part of the link after <code>#</code>; the collaboration server keeps only hashes of the keys.
      </p>
      {role === 'editor' && links.editor && <LinkRow label="Editor link" url={links.editor} testId="live-editor-link" hint="can change the design" />}
      {links.reviewer
        ? <LinkRow label="Reviewer link" url={links.reviewer} testId="live-reviewer-link" hint="can comment and decide on changes, not edit" />
        : <p className="hint">The reviewer link is shown in the browser that started the session.</p>}
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={close}>Done</button>
      </div>
    </Modal>
  );
}
