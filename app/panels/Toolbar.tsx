// Top bar: design name; File, Design and Review menus; undo/redo; the edge view and the legend.
// The dialogs the menus open are mounted here (review dialogs and the assertion dialog too).
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { renameDoc } from '../../src/doc/commands.ts';
import { FILE_EXTENSION, parseDesignFile, serializeDoc } from '../../src/doc/file-format.ts';
import { ALL_EXPORT_KINDS, exportManifests } from '../../src/k8s/export.ts';
import { newDesign } from '../state/design-files.ts';
import { commitDoc, docStore, useDocStore, useHistoryFlags } from '../state/doc-store.ts';
import { reviewDocStore } from '../state/review-doc-store.ts';
import { loadSavedDesign } from '../state/saved-design.ts';
import { downloadText, fileBase, yamlFileName } from '../state/download.ts';
import { redo, undo } from '../state/history-actions.ts';
import { autoLayoutDesign } from '../state/layout-actions.ts';
import { startConnect } from '../state/connect-actions.ts';
import { shortcutKeys } from '../state/shortcuts.ts';
import { notify, setSession, useSessionStore, type EdgeView } from '../state/session-store.ts';
import { requestFitView } from '../state/view-requests.ts';
import { ClusterDialog } from '../cluster/ClusterDialog.tsx';
import { TemplatesDialog } from '../templates/TemplatesDialog.tsx';
import { AssertDialog } from '../assertions/AssertDialog.tsx';
import { ShareDialog } from '../share/ShareDialog.tsx';
import { ReviewDialogs } from '../review/ReviewDialogs.tsx';
import { setReview, useReviewState } from '../review/review-store.ts';
import { MenuButton, type MenuItem } from './Menu.tsx';
import { SessionBar } from '../collab/SessionBar.tsx';
import { SessionDialog } from '../collab/SessionDialog.tsx';
import { leaveLiveSession, startLiveSession } from '../collab/live-session.ts';
import { liveStore, useDesignLocked, useLive } from '../collab/live-store.ts';

const VIEWS: { view: EdgeView; label: string; hint: string }[] = [
  { view: 'allowed', label: 'Allowed', hint: 'Show allowed connections' },
  { view: 'denied-too', label: 'Denied too', hint: 'Also show denied connections around the selection' },
  { view: 'selection', label: 'Selection', hint: 'Only connections of the selected nodes' },
];

type ToolbarDialog = 'share' | 'cluster' | 'patterns' | null;

function DesignName() {
  const name = useDocStore((s) => s.doc.name);
  const locked = useDesignLocked();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft.trim()) commitDoc((d) => renameDoc(d, draft.trim()));
    setDraft(null);
  };
  return (
    <input
      className="design-name"
      aria-label="Design name"
      title={name}
      value={draft ?? name}
      readOnly={locked}
      aria-readonly={locked || undefined}
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
  const profile = useDocStore((s) => s.doc.model.cluster.profile.name);
  const reviewing = useReviewState((s) => s.baseline !== null);
  const live = useLive((s) => s.active);
  const fileInput = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<ToolbarDialog>(null);
  // Read-only (shared link, live reviewer): what would change the design is disabled up front.
  const locked = useDesignLocked();
  const edits = (item: MenuItem): MenuItem => (locked ? { ...item, disabled: true, hint: 'Read-only: editing is off' } : item);

  const downloadYaml = (withWorkloads = false) => {
    const doc = docStore.getState().doc;
    const text = exportManifests(doc.model, withWorkloads ? { kinds: ALL_EXPORT_KINDS } : {});
    downloadText(yamlFileName(withWorkloads ? `${doc.name} with workloads` : doc.name), text, 'application/yaml');
  };
  const saveFile = () => {
    const doc = docStore.getState().doc;
    downloadText(`${fileBase(doc.name)}${FILE_EXTENSION}`, serializeDoc(doc, reviewDocStore.getState().review), 'application/json');
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
    // One undo step, not a history reset: Undo brings the previous design (and its review) back.
    if (!loadSavedDesign(parsed, { record: true })) return;
    setSession({ selection: [], explain: null, editingPolicyId: null });
    requestFitView();
    const opened = parsed.warnings.length ? `Opened ${file.name} with corrections: ${parsed.warnings.slice(0, 3).join('; ')}` : `Opened ${file.name}`;
    notify(`${opened}. Undo returns to your previous design.`);
  };

  const fileItems: MenuItem[] = [
    edits({ label: 'New design', hint: 'An empty design (Undo brings this one back)', onSelect: newDesign }),
    edits({ label: 'Import', hint: 'Kubernetes manifests (YAML or JSON): replace or merge', onSelect: () => setSession({ importOpen: true }), separator: true }),
    edits({ label: 'Open design file', hint: `A saved design (${FILE_EXTENSION})`, onSelect: () => fileInput.current?.click(), separator: true }),
    { label: 'Save design file', hint: 'The design with its layout, comments and versions', onSelect: saveFile },
    { label: 'Download YAML', hint: 'Namespaces, Services, NetworkPolicies and cluster policies', onSelect: () => downloadYaml(), separator: true },
    { label: 'Download YAML with workloads', hint: 'Also Deployments etc. with the designed labels and ports, so netpol analyze sees the canvas', onSelect: () => downloadYaml(true) },
  ];
  const designItems: MenuItem[] = [
    edits({ label: 'Auto layout', hint: 'Arrange namespaces and workloads', onSelect: () => void autoLayoutDesign() }),
    edits({ label: 'Patterns', hint: 'Public entry, strict egress, namespace isolation', onSelect: () => setDialog('patterns'), separator: true }),
    { label: 'Cluster', hint: `Cluster assumptions (profile: ${profile})`, onSelect: () => setDialog('cluster') },
    edits({ label: 'Connect to…', hint: 'An intent from the selected node to one you pick from a list', shortcut: shortcutKeys('Connect to…'), onSelect: startConnect, separator: true }),
  ];
  const reviewItems: MenuItem[] = [
    { label: 'Share', hint: 'A read-only link to this design', onSelect: () => setDialog('share') },
    { label: 'Versions', hint: 'Save, list and compare named versions', onSelect: () => setReview({ versionsDialog: true }) },
    {
      label: 'Review',
      hint: reviewing ? 'Show the changes under review' : 'Compare with a version, a file or manifests',
      onSelect: () => (reviewing ? setSession({ bottomTab: 'review', bottomOpen: true }) : setReview({ baselineDialog: true })),
      separator: true,
    },
    { label: 'Export report', hint: 'The review as Markdown or HTML', onSelect: () => setReview({ reportDialog: true }), separator: true },
    ...(live
      ? [
        { label: 'Live session links', hint: 'Links for editors and reviewers', onSelect: () => liveStore.setState({ linksDialog: true }) },
        { label: 'Leave live session', hint: 'Keep a local copy of the design', onSelect: leaveLiveSession },
      ]
      // A shared read-only design is someone else's: a live session starts from a copy of it.
      : [edits({ label: 'Start live session', hint: 'Review this design together, live, with links for editors and reviewers', onSelect: () => void startLiveSession() })]),
  ];

  return (
    <>
      <header className="toolbar">
        <span className="brand">NetPol Designer</span>
        <DesignName />
        <nav className="tool-group menus" aria-label="Menus">
          <MenuButton label="File" items={fileItems} />
          <MenuButton label="Design" items={designItems} />
          <MenuButton label="Review" items={reviewItems} className={reviewing ? 'review-on' : ''} title={reviewing ? 'Review mode is on' : undefined} />
          <input ref={fileInput} type="file" accept=".json,application/json" hidden onChange={openFile} data-testid="open-file" />
        </nav>
        <div className="tool-group">
          <button type="button" className="icon" onClick={undo} disabled={locked || !canUndo} title="Undo (Ctrl+Z)" aria-label="Undo">↶</button>
          <button type="button" className="icon" onClick={redo} disabled={locked || !canRedo} title="Redo (Ctrl+Shift+Z)" aria-label="Redo">↷</button>
        </div>
        <span className="toolbar-spacer" />
        <SessionBar />
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
        <LegendButton />
      </header>
      {/* Outside the header, so toolbar styles do not reach into them. */}
      <div className="toolbar-dialogs">
        {dialog === 'share' && <ShareDialog onClose={() => setDialog(null)} />}
        {dialog === 'cluster' && <ClusterDialog onClose={() => setDialog(null)} />}
        {dialog === 'patterns' && <TemplatesDialog onClose={() => setDialog(null)} />}
        <AssertDialog />
        <ReviewDialogs />
        <SessionDialog />
      </div>
    </>
  );
}

function LegendButton() {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    // Capture: the canvas (d3-zoom) stops mousedown from bubbling.
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="tool-group legend-wrap" ref={wrap}>
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>Legend</button>
      {open && <Legend />}
    </div>
  );
}

export function Legend() {
  return (
    <div className="legend" role="note" aria-label="Legend">
      <div><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" className="lg-allow" /></svg> allowed connection (ports)</div>
      <div><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" className="lg-deny" /></svg> denied (around the selection)</div>
      <div><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" className="lg-cluster-deny" /></svg> denied by a cluster policy (Admin / Baseline Deny)</div>
      <div><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" className="lg-intent" /></svg> intent, met ✓</div>
      <div><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" className="lg-intent-blocked" /></svg> intent, blocked ✗</div>
      <div><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" className="lg-service" /></svg> load balancer → backends</div>
      <div><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" stroke="#d97706" strokeWidth="2.2" strokeDasharray="7 3" /></svg> external → load balancer (admitted ports)</div>
      <div><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" stroke="#dc2626" strokeWidth="3" strokeDasharray="3 3" /></svg> assertion violated ✗</div>
      <div><span className="lg-box lg-selected" /> selected · others dimmed</div>
    </div>
  );
}
