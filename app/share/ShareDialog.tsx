// "Share": the whole design in a link (compressed into the URL fragment, which browsers never
// send to a server). Too large for a link: say so with the size and offer the design file.

import { useMemo, useRef, useState } from 'react';
import { encodeShare } from '../../src/share/codec.ts';
import { FILE_EXTENSION, serializeDoc } from '../../src/doc/file-format.ts';
import { docStore } from '../state/doc-store.ts';
import { reviewDocStore } from '../state/review-doc-store.ts';
import { Modal } from '../panels/Modal.tsx';
import { downloadText, fileBase } from '../state/download.ts';

const kb = (n: number) => (n < 1024 ? `${n} characters` : `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`);

export function shareUrl(fragment: string): string {
  return `${window.location.origin}${window.location.pathname}${window.location.search}#${fragment}`;
}

export function ShareDialog(props: { onClose: () => void }) {
  const doc = docStore.getState().doc;
  const review = reviewDocStore.getState().review;
  const result = useMemo(() => encodeShare(doc, review), [doc, review]);
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'manual' | null>(null);
  const comments = Object.keys(review.comments).length;
  const versions = Object.keys(review.versions).length;
  const url = result.ok ? shareUrl(result.fragment) : '';

  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('manual');
    }
  };
  const downloadFile = () => downloadText(`${fileBase(doc.name)}${FILE_EXTENSION}`, serializeDoc(doc, review), 'application/json');

  return (
    <Modal title="Share this design" onClose={props.onClose} testId="share-dialog">
      {result.ok ? (
        <>
          <p className="hint">
            Anyone with this link sees the whole design{comments ? `, its ${comments} comment thread${comments === 1 ? '' : 's'}` : ''}
            {versions ? ` and ${versions} saved version${versions === 1 ? '' : 's'}` : ''}, read-only, and can make their own copy.
            The design is compressed into the part of the link after <code>#</code>, which browsers never send to a server.
          </p>
          <div className="share-row">
            <input ref={input} readOnly value={url} aria-label="Share link" data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="primary" onClick={() => void copy()}>Copy link</button>
          </div>
          <p className="hint" role="status">
            {copied === 'yes' ? 'Link copied to the clipboard.' : copied === 'manual' ? 'The browser did not allow copying: the link is selected, press Ctrl+C.' : `Link length: ${kb(result.bytes)}.`}
          </p>
        </>
      ) : (
        <div className="share-too-large" role="alert">
          <p>
            <strong>This design is too large for a link.</strong> Its link would be {kb(result.bytes)} long; links above {kb(result.limit)} get
            cut off by chat tools and mail clients, and a cut-off link cannot be opened.
          </p>
          <p className="hint">Share the design file instead: it holds the same design, comments and versions, and opens with "Open".</p>
          <div><button type="button" className="primary" onClick={downloadFile}>Download design file</button></div>
        </div>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={props.onClose}>Close</button>
      </div>
    </Modal>
  );
}
