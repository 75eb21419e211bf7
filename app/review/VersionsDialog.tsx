// Named versions: save a snapshot of the design (kept in the review scope: no undo step, no
// re-evaluation), list them, review against one, restore one (one undo step of the design),
// and compare any two (or a version with the current design).

import { useMemo, useState } from 'react';
import { deleteVersion, listVersions, restoreVersion, saveVersion, versionAsModel } from '../../src/doc/versions.ts';
import { baselineFromVersion } from '../../src/review/baseline.ts';
import { reviewChanges } from '../../src/review/changes.ts';
import { manifestDiff } from '../../src/review/manifest-diff.ts';
import type { Doc, Model, Review } from '../../src/model/types.ts';
import { commitDoc, useDocStore } from '../state/doc-store.ts';
import { commitReview, reviewDocStore, useReviewDoc } from '../state/review-doc-store.ts';
import { notify } from '../state/session-store.ts';
import { useReadOnly } from '../share/read-only.ts';
import { Modal } from '../panels/Modal.tsx';
import { setReview } from './review-store.ts';
import { startReview } from './BaselineDialog.tsx';
import { ChangeList } from './ChangeList.tsx';
import { DiffTable } from './DiffTable.tsx';

const CURRENT = '__current__';

function modelOf(doc: Doc, review: Review, id: string): Model | undefined {
  return id === CURRENT ? doc.model : versionAsModel(review, id);
}

function Compare(props: { doc: Doc; review: Review }) {
  const versions = listVersions(props.review);
  const [a, setA] = useState(versions[0]?.id ?? CURRENT);
  const [b, setB] = useState(CURRENT);
  const [shown, setShown] = useState<{ a: string; b: string } | null>(null);
  const nameOf = (id: string) => (id === CURRENT ? 'current design' : versions.find((v) => v.id === id)?.name ?? '?');
  const result = useMemo(() => {
    if (!shown) return null;
    const ma = modelOf(props.doc, props.review, shown.a);
    const mb = modelOf(props.doc, props.review, shown.b);
    if (!ma || !mb) return null;
    return { changes: reviewChanges(ma, mb), diff: manifestDiff(ma, mb) };
  }, [shown, props.doc, props.review]);
  const options = [{ id: CURRENT, name: 'Current design' }, ...versions];
  return (
    <section aria-label="Compare versions">
      <h3 className="section-title">Compare</h3>
      <div className="compare-row">
        <select aria-label="Compare from" value={a} onChange={(e) => setA(e.target.value)}>
          {options.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
        </select>
        <span>→</span>
        <select aria-label="Compare to" value={b} onChange={(e) => setB(e.target.value)}>
          {options.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
        </select>
        <button type="button" disabled={a === b} onClick={() => setShown({ a, b })}>Compare</button>
      </div>
      {shown && result && (
        <>
          <p className="hint">From <strong>{nameOf(shown.a)}</strong> to <strong>{nameOf(shown.b)}</strong>: {result.changes.length} change{result.changes.length === 1 ? '' : 's'}, manifests +{result.diff.added} −{result.diff.removed} lines.</p>
          <div className="compare-result"><ChangeList changes={result.changes} interactive={false} /></div>
          {(result.diff.added > 0 || result.diff.removed > 0) && (
            <details>
              <summary>Manifest diff</summary>
              <div className="compare-result"><DiffTable rows={result.diff.rows} leftTitle={nameOf(shown.a)} rightTitle={nameOf(shown.b)} /></div>
            </details>
          )}
        </>
      )}
    </section>
  );
}

export function VersionsDialog() {
  const doc = useDocStore((s) => s.doc);
  const review = useReviewDoc((s) => s.review);
  const readOnly = useReadOnly();
  const versions = listVersions(review);
  const [name, setName] = useState('');
  const close = () => setReview({ versionsDialog: false });
  const save = () => {
    const label = name.trim();
    const model = doc.model;
    commitReview((r) => saveVersion(r, model, label, new Date().toISOString()));
    setName('');
    notify(`Saved version "${label || `Version ${versions.length + 1}`}".`);
  };
  return (
    <Modal title="Versions" onClose={close} testId="versions-dialog" wide>
      <form className="compare-row" onSubmit={(e) => { e.preventDefault(); save(); }}>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={`Version ${versions.length + 1}`} aria-label="Version name" disabled={readOnly} style={{ flex: 1 }} />
        <button type="submit" className="primary" disabled={readOnly}>Save version</button>
      </form>
      <p className="hint">{readOnly ? 'This shared design is read-only: choose "Edit a copy" to save versions.' : 'A version is a snapshot of the design kept with its review (it travels with files and links). Comments are not part of a version.'}</p>
      {versions.length === 0 ? (
        <p className="empty-state">No saved versions yet.</p>
      ) : (
        <ul className="version-list" data-testid="version-list">
          {versions.map((v) => (
            <li key={v.id} className="version-item">
              <span className="version-name">{v.name}</span>
              <time className="muted" dateTime={v.at}>{new Date(v.at).toLocaleString()}</time>
              <span className="spacer" />
              <button type="button" onClick={() => { if (startReview(baselineFromVersion(reviewDocStore.getState().review, v.id), v.id)) close(); }} title="Show what changed since this version">Review changes since</button>
              <button type="button" disabled={readOnly} onClick={() => { commitDoc((d) => restoreVersion(d, reviewDocStore.getState().review, v.id)); notify(`Restored version "${v.name}" (Undo to go back).`); }}>Restore</button>
              <button type="button" className="danger" disabled={readOnly} aria-label={`Delete version ${v.name}`} onClick={() => { if (window.confirm(`Delete version "${v.name}"?`)) commitReview((r) => deleteVersion(r, v.id)); }}>Delete</button>
            </li>
          ))}
        </ul>
      )}
      {versions.length > 0 && <Compare doc={doc} review={review} />}
      <div className="dialog-buttons"><button type="button" onClick={close}>Close</button></div>
    </Modal>
  );
}
