// Top bar: design name, files, history, layout, edge view and the legend.
import { useRef, useState, type ChangeEvent } from 'react';
import { renameDoc } from '../../src/doc/commands.ts';
import { FILE_EXTENSION, parseDesignFile, serializeDoc } from '../../src/doc/file-format.ts';
import { exportManifests } from '../../src/k8s/export.ts';
import { commitDoc, docStore, replaceDoc, useDocStore, useHistoryFlags } from '../state/doc-store.ts';
import { redo, undo } from '../state/history-actions.ts';
import { autoLayoutDesign } from '../state/layout-actions.ts';
import { notify, setSession, useSessionStore, type EdgeView } from '../state/session-store.ts';
import { requestFitView } from '../state/view-requests.ts';
import { LbToolbarButtons } from '../lb/ToolbarButtons.tsx';
import { ReviewToolbar } from '../review/ReviewToolbar.tsx';

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const fileBase = (name: string) => name.trim().replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'design';

const VIEWS: { view: EdgeView; label: string; hint: string }[] = [
  { view: 'allowed', label: 'Allowed', hint: 'Show allowed connections' },
  { view: 'denied-too', label: 'Denied too', hint: 'Also show denied connections around the selection' },
  { view: 'selection', label: 'Selection', hint: 'Only connections of the selected nodes' },
];

function DesignName() {
  const name = useDocStore((s) => s.doc.name);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft.trim()) commitDoc((d) => renameDoc(d, draft.trim()));
    setDraft(null);
  };
  return (
    <input
      className="design-name"
      aria-label="Design name"
      value={draft ?? name}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}

export function Toolbar() {
  const { canUndo, canRedo } = useHistoryFlags();
  const view = useSessionStore((s) => s.edgeView);
  const fileInput = useRef<HTMLInputElement>(null);
  const [legendOpen, setLegendOpen] = useState(false);

  const downloadYaml = () => {
    const doc = docStore.getState().doc;
    download(`${fileBase(doc.name)}.yaml`, exportManifests(doc.model), 'application/yaml');
  };
  const saveFile = () => {
    const doc = docStore.getState().doc;
    download(`${fileBase(doc.name)}${FILE_EXTENSION}`, serializeDoc(doc), 'application/json');
  };
  const openFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const parsed = parseDesignFile(await file.text());
    if (!parsed.ok) {
      notify(`Could not open ${file.name}: ${parsed.error}. Your current design is unchanged.`, 'error');
      return;
    }
    // One undo step, not a history reset: Undo brings the previous design back.
    replaceDoc(parsed.doc, { record: true });
    setSession({ selection: [], explain: null, editingPolicyId: null });
    requestFitView();
    const opened = parsed.warnings.length ? `Opened ${file.name} with corrections: ${parsed.warnings.slice(0, 3).join('; ')}` : `Opened ${file.name}`;
    notify(`${opened}. Undo returns to your previous design.`);
  };

  return (
    <header className="toolbar">
      <span className="brand">NetPol Designer</span>
      <DesignName />
      <div className="tool-group">
        <button type="button" onClick={() => setSession({ importOpen: true })}>Import</button>
        <button type="button" onClick={downloadYaml} title="Export the design as Kubernetes manifests">Download YAML</button>
        <button type="button" onClick={saveFile} title="Save the design (layout included) to a file">Save</button>
        <button type="button" onClick={() => fileInput.current?.click()} title="Open a saved design file">Open</button>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden onChange={openFile} data-testid="open-file" />
      </div>
      <div className="tool-group">
        <button type="button" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)" aria-label="Undo">↶</button>
        <button type="button" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)" aria-label="Redo">↷</button>
        <button type="button" onClick={() => void autoLayoutDesign()}>Auto layout</button>
      </div>
      <LbToolbarButtons />
      <ReviewToolbar />
      <div className="tool-group segmented" role="radiogroup" aria-label="Edges">
        <span className="seg-label">Edges</span>
        {VIEWS.map((v) => (
          <button
            key={v.view}
            type="button"
            role="radio"
            aria-checked={view === v.view}
            className={view === v.view ? 'active' : ''}
            title={v.hint}
            onClick={() => setSession({ edgeView: v.view })}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div className="tool-group legend-wrap">
        <button type="button" aria-expanded={legendOpen} onClick={() => setLegendOpen((o) => !o)}>Legend</button>
        {legendOpen && <Legend />}
      </div>
    </header>
  );
}

export function Legend() {
  return (
    <div className="legend" role="note" aria-label="Legend">
      <div><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" className="lg-allow" /></svg> allowed connection (ports)</div>
      <div><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" className="lg-deny" /></svg> denied (around the selection)</div>
      <div><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" className="lg-intent" /></svg> intent, met ✓</div>
      <div><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" className="lg-intent-blocked" /></svg> intent, blocked ✗</div>
      <div><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" className="lg-service" /></svg> load balancer → backends</div>
      <div><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" stroke="#d97706" strokeWidth="2.2" strokeDasharray="7 3" /></svg> external → load balancer (admitted ports)</div>
      <div><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" stroke="#dc2626" strokeWidth="3" strokeDasharray="3 3" /></svg> assertion violated ✗</div>
      <div><span className="lg-box lg-selected" /> selected · others dimmed</div>
    </div>
  );
}
