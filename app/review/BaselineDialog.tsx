// Choose what the design is reviewed against: a saved version, a design file or manifests
// (pasted, dropped or opened). Every path goes through src/review/baseline.ts.

import { useState, type DragEvent } from 'react';
import { baselineFromDesignFile, baselineFromManifests, baselineFromVersion, type BaselineResult } from '../../src/review/baseline.ts';
import { listVersions } from '../../src/doc/versions.ts';
import { docStore } from '../state/doc-store.ts';
import { reviewDocStore, useReviewDoc } from '../state/review-doc-store.ts';
import { notify, setSession } from '../state/session-store.ts';
import { Modal } from '../panels/Modal.tsx';
import { setBaseline, setReview } from './review-store.ts';

type Source = 'manifests' | 'version' | 'file';

export function startReview(r: BaselineResult, versionId?: string): boolean {
  if (!r.ok) return false;
  setBaseline({ model: r.model, label: r.label, ...(versionId ? { versionId } : {}) });
  setSession({ bottomTab: 'review', bottomOpen: true });
  if (r.warnings.length) notify(`Baseline read with ${r.warnings.length} note${r.warnings.length === 1 ? '' : 's'}: ${r.warnings.slice(0, 2).join('; ')}`);
  return true;
}

export function BaselineDialog() {
  const review = useReviewDoc((s) => s.review);
  const versions = listVersions(review);
  const [source, setSource] = useState<Source>(versions.length ? 'version' : 'manifests');
  const [text, setText] = useState('');
  const [versionId, setVersionId] = useState(versions[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const close = () => setReview({ baselineDialog: false });

  const use = (r: BaselineResult, vid?: string) => {
    if (!r.ok) return setError(r.error);
    startReview(r, vid);
    close();
  };
  const fromManifests = (files: { name: string; text: string }[]) => use(baselineFromManifests(files, docStore.getState().doc.model));
  const readFiles = async (list: FileList | null) => {
    const files = [...(list ?? [])];
    if (!files.length) return;
    const loaded = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    if (source === 'file') {
      const f = loaded[0];
      use(baselineFromDesignFile(f.text, f.name));
    } else fromManifests(loaded);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void readFiles(e.dataTransfer.files);
  };

  return (
    <Modal title="Review against a baseline" onClose={close} testId="baseline-dialog" wide>
      <p className="hint">The canvas then marks connections added (+) and removed (−), and the bottom panel lists every change by risk, with the manifest diff.</p>
      <div className="baseline-tabs" role="radiogroup" aria-label="Baseline source">
        {([['version', 'Saved version'], ['file', 'Design file'], ['manifests', 'Manifests']] as const).map(([id, label]) => (
          <button key={id} type="button" role="radio" aria-checked={source === id} className={source === id ? 'active' : ''} onClick={() => { setSource(id); setError(null); }}>{label}</button>
        ))}
      </div>
      {source === 'version' && (
        versions.length === 0 ? (
          <p className="empty-state">This design has no saved versions yet. Use <strong>Versions → Save version</strong> to keep a snapshot, then review later changes against it.</p>
        ) : (
          <label className="field">
            <span className="field-label">Version</span>
            <select value={versionId} onChange={(e) => setVersionId(e.target.value)} aria-label="Version">
              {versions.map((v) => <option key={v.id} value={v.id}>{v.name} — {new Date(v.at).toLocaleString()}</option>)}
            </select>
          </label>
        )
      )}
      {source === 'file' && (
        <div className={`drop-zone ${dragging ? 'dragging' : ''}`} onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
          <p className="hint">A design saved with <strong>Save</strong> (<code>.netpol.json</code>). Drop it here or open it:</p>
          <div className="file-row"><input type="file" accept=".json,application/json" aria-label="Baseline design file" onChange={(e) => void readFiles(e.target.files)} /></div>
        </div>
      )}
      {source === 'manifests' && (
        <div className={`drop-zone ${dragging ? 'dragging' : ''}`} onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
          <p className="hint">Paste or drop YAML, e.g. the output of <code>kubectl get ns,deploy,svc,netpol -A -o yaml</code>. Policies alone are compared over this design's workloads.</p>
          <textarea rows={10} value={text} onChange={(e) => setText(e.target.value)} aria-label="Baseline manifests" placeholder="apiVersion: networking.k8s.io/v1&#10;kind: NetworkPolicy&#10;…" />
          <div className="file-row"><span className="muted">or</span><input type="file" multiple accept=".yaml,.yml,.json" aria-label="Baseline manifest files" onChange={(e) => void readFiles(e.target.files)} /></div>
        </div>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={close}>Cancel</button>
        {source === 'version' && versions.length > 0 && (
          <button type="button" className="primary" onClick={() => use(baselineFromVersion(reviewDocStore.getState().review, versionId), versionId)}>Start review</button>
        )}
        {source === 'manifests' && (
          <button type="button" className="primary" disabled={!text.trim()} onClick={() => fromManifests([{ name: 'pasted manifests', text }])}>Start review</button>
        )}
      </div>
    </Modal>
  );
}
