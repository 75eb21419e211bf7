// Import manifests: paste YAML/JSON or choose/drop files, see diagnostics with file, line and
// field, and replace the design or merge into it (Replace first over an empty design or the untouched
// example), as one undo step. Input that yields nothing changes nothing.
// Large inputs are read in a worker (see import-run.ts): the page stays responsive, the dialog
// shows what is happening, and Cancel stops the import without touching the design.

import { useEffect, useRef, useState } from 'react';
import './panels.css';
import type { Diagnostic } from '../../src/k8s/diagnostics.ts';
import { formatDiagnostic } from '../../src/k8s/diagnostics.ts';
import type { ImportResult, ManifestFile } from '../../src/k8s/import.ts';
import { docStore } from '../state/doc-store.ts';
import { emptyModel } from '../../src/model/factory.ts';
import { defaultImportMode, importedDesignName, type ImportMode } from '../state/design-files.ts';
import { applyImportedModel } from '../state/layout-actions.ts';
import { sessionStore, setSession, useSessionStore } from '../state/session-store.ts';
import { importHere, importInWorker, needsWorker, nextPaint, readingStatus } from './import-run.ts';
import type { ImportJob } from './import-run.ts';
import { setLastImport } from './import-result.ts';
import { useDesignLocked } from '../collab/live-store.ts';
import { Modal } from './Modal.tsx';

type Phase =
  | { kind: 'edit'; note?: string }
  | { kind: 'busy'; status: string; since?: number }
  | { kind: 'done'; imported: number; diagnostics: Diagnostic[]; counts: Record<string, number>; skipped: Record<string, number> };

/** Rough object count for the progress line: documents separated by `---`. */
function roughObjectCount(files: ManifestFile[]): number {
  return files.reduce((n, f) => n + Math.max(1, (f.text.match(/^---/gm) ?? []).length + (f.text.trimStart().startsWith('---') ? 0 : 1)), 0);
}

function importingStatus(files: ManifestFile[]): string {
  const objects = roughObjectCount(files);
  return `Importing… ${objects} object${objects === 1 ? '' : 's'}`;
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Seconds since `since`, ticking once a second while mounted (a sign of life on long reads). */
function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const s = Math.floor((now - since) / 1000);
  return s >= 1 ? <span className="hint"> {s} s</span> : null;
}

export function ImportDialog() {
  const open = useSessionStore((s) => s.importOpen);
  return open ? <ImportForm /> : null;
}

function ImportForm() {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<ManifestFile[]>(() => sessionStore.getState().importFiles);
  const [mode, setMode] = useState<ImportMode>(() => defaultImportMode(docStore.getState().doc));
  const [phase, setPhase] = useState<Phase>({ kind: 'edit' });
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const close = () => setSession({ importOpen: false, importFiles: [] });
  // A read-only design (shared link, live reviewer) takes no import: disabled up front.
  const locked = useDesignLocked();

  const addFiles = async (list: FileList | null) => {
    if (!list) return;
    const read = await Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() })));
    setFiles((old) => [...old.filter((o) => !read.some((r) => r.name === o.name)), ...read]);
    setPhase({ kind: 'edit' });
  };

  const inputs = (): ManifestFile[] => [...(text.trim() ? [{ name: 'pasted.yaml', text }] : []), ...files];

  // The running import: cancelled by Cancel, Escape, or the dialog going away.
  const job = useRef<{ job: ImportJob; abort: AbortController } | null>(null);
  useEffect(() => () => void cancelRun(), []);

  function cancelRun(): boolean {
    const j = job.current;
    if (!j) return false;
    job.current = null;
    j.job.cancel();
    j.abort.abort();
    return true;
  }

  const cancel = () => {
    if (cancelRun()) setPhase({ kind: 'edit', note: 'Import cancelled; the design is unchanged.' });
  };

  const run = async () => {
    const all = inputs();
    if (all.length === 0) return;
    const abort = new AbortController();
    const offThread = needsWorker(all);
    let result: ImportResult | null = null;
    // If the design changes while the import is read (the page stays usable), read it again
    // against the new design rather than overwrite the change with a stale merge.
    for (;;) {
      const current = docStore.getState().doc.model;
      // Replace reads the manifests on their own; Merge reads them over the current design.
      const base = mode === 'replace' ? emptyModel() : current;
      let started: ImportJob;
      if (offThread) {
        setPhase({ kind: 'busy', status: readingStatus(all), since: Date.now() });
        started = importInWorker(all, base, () => setPhase({ kind: 'busy', status: importingStatus(all) }));
      } else {
        setPhase({ kind: 'busy', status: importingStatus(all) });
        started = importHere(all, base);
      }
      job.current = { job: started, abort };
      result = await started.result;
      if (!result || abort.signal.aborted) return;
      if (mode === 'replace' || docStore.getState().doc.model === current) break;
    }
    const imported = total(result.counts);
    if (offThread && imported > 0) {
      // Applying a large result takes a moment on this thread: say so before it starts.
      setPhase({ kind: 'busy', status: 'Building the design…', since: Date.now() });
      await nextPaint();
      if (abort.signal.aborted) return;
    }
    // One undo step; an empty design is laid out from scratch, otherwise new objects are
    // placed beside the existing ones.
    if (imported > 0 && !(await applyImportedModel(result.model, { replace: mode === 'replace', name: importedDesignName(all), undoable: true, signal: abort.signal }))) return;
    if (abort.signal.aborted) return;
    job.current = null;
    setLastImport({ diagnostics: result.diagnostics, counts: result.counts, skipped: result.skipped });
    if (imported > 0 && result.diagnostics.length === 0) {
      close();
      return;
    }
    setPhase({ kind: 'done', imported, diagnostics: result.diagnostics, counts: result.counts, skipped: result.skipped });
  };

  const busy = phase.kind === 'busy';
  return (
    <Modal title="Import manifests" onClose={busy ? cancel : close} testId="import-dialog" wide>
      {locked && <p className="hint" data-testid="import-locked">Read-only: importing is off for this design.</p>}
      <fieldset className="ro-fieldset" disabled={locked}>
      <div
        className={`drop-zone ${dragging ? 'dragging' : ''}`}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void addFiles(e.dataTransfer.files);
        }}
      >
        <label className="field-label" htmlFor="import-text">
          Paste YAML or JSON (several documents separated by ---)
        </label>
        <textarea
          id="import-text"
          data-testid="import-text"
          rows={12}
          spellCheck={false}
          value={text}
          disabled={busy}
          placeholder={'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n...'}
          onChange={(e) => {
            setText(e.target.value);
            if (phase.kind === 'done' || (phase.kind === 'edit' && phase.note)) setPhase({ kind: 'edit' });
          }}
        />
        <div className="file-row">
          <button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>
            Choose files…
          </button>
          <span className="hint">or drop .yaml / .yml / .json files here</span>
          <input
            ref={fileInput}
            type="file"
            multiple
            accept=".yaml,.yml,.json,application/json,text/yaml"
            data-testid="import-files"
            hidden
            onChange={(e) => {
              void addFiles(e.target.files);
              e.target.value = '';
            }}
          />
        </div>
        {files.length > 0 && (
          <ul className="file-list" aria-label="Files to import">
            {files.map((f) => (
              <li key={f.name}>
                {f.name} <span className="hint">({Math.ceil(f.text.length / 1024)} KB)</span>
                <button type="button" className="icon-btn" aria-label={`Remove ${f.name}`} onClick={() => setFiles(files.filter((o) => o !== f))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <fieldset className="import-mode" disabled={busy}>
        <legend>Into the design</legend>
        <label className="check">
          <input type="radio" name="import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />
          Replace the design (a new design from these manifests)
        </label>
        <label className="check">
          <input type="radio" name="import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />
          Merge into the current design
        </label>
        <p className="hint">Either way, Undo brings the design back as it was.</p>
      </fieldset>
      {busy && (
        <p className="progress" role="status" data-testid="import-status">
          {phase.status}
          {phase.since !== undefined && <Elapsed key={phase.status} since={phase.since} />}
        </p>
      )}
      {phase.kind === 'edit' && phase.note && (
        <p className="hint" role="status">
          {phase.note}
        </p>
      )}
      </fieldset>
      {phase.kind === 'done' && <ImportReport phase={phase} />}
      <div className="dialog-buttons">
        <button type="button" onClick={busy ? cancel : close}>
          {phase.kind === 'done' && phase.imported > 0 ? 'Close' : 'Cancel'}
        </button>
        <button type="button" className="primary" disabled={locked || busy || inputs().length === 0} onClick={() => void run()}>
          Import
        </button>
      </div>
    </Modal>
  );
}

function ImportReport({ phase }: { phase: Extract<Phase, { kind: 'done' }> }) {
  const errors = phase.diagnostics.filter((d) => d.severity === 'error').length;
  const kinds = Object.entries(phase.counts)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const skipped = Object.entries(phase.skipped)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  return (
    <div className="import-report" data-testid="import-report">
      {phase.imported > 0 ? (
        <p className="ok">
          Imported {phase.imported} object{phase.imported === 1 ? '' : 's'} ({kinds}).{' '}
          {errors > 0 ? 'The problems below were left out; everything else was imported.' : ''}
        </p>
      ) : (
        <p className="field-error">Nothing was imported; the design is unchanged.</p>
      )}
      {skipped && <p className="hint">Not modelled, skipped: {skipped}.</p>}
      {phase.diagnostics.length > 0 && (
        <ul className="diagnostics" aria-label="Import problems">
          {phase.diagnostics.map((d, i) => (
            <li key={i} className={`sev-${d.severity}`}>
              {formatDiagnostic(d)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
