// The designer's shell: toolbar on top, palette left, canvas centre with the bottom drawer
// below it, the side panel right; dialogs on top.
import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Toolbar } from './panels/Toolbar.tsx';
import { SkipLinks } from './SkipLinks.tsx';
import { Palette } from './panels/Palette.tsx';
import { RightPanel } from './panels/RightPanel.tsx';
import { BottomPanel } from './panels/BottomPanel.tsx';
import { ImportDialog } from './panels/ImportDialog.tsx';
import { IntentDialog } from './panels/IntentDialog.tsx';
import { Canvas } from './flow/Canvas.tsx';
import { MoveConfirmDialog } from './flow/MoveConfirmDialog.tsx';
import { SearchDialog } from './panels/SearchDialog.tsx';
import { ConnectDialog } from './panels/ConnectDialog.tsx';
import { setSession, useSessionStore } from './state/session-store.ts';
import { installShortcuts } from './state/shortcuts.ts';
import { useDocStore } from './state/doc-store.ts';
import { windowTitle } from './state/design-files.ts';

function Notice() {
  const notice = useSessionStore((s) => s.notice);
  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    const t = setTimeout(() => setSession({ notice: null }), 6000);
    return () => clearTimeout(t);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{notice.text}</span>
      <button type="button" aria-label="Dismiss" onClick={() => setSession({ notice: null })}>×</button>
    </div>
  );
}

export function App() {
  useEffect(() => installShortcuts(), []);
  const designName = useDocStore((s) => s.doc.name);
  useEffect(() => {
    document.title = windowTitle(designName);
  }, [designName]);
  const bottomOpen = useSessionStore((s) => s.bottomOpen);
  return (
    <ReactFlowProvider>
      <div className={`app ${bottomOpen ? 'bottom-open' : 'bottom-closed'}`}>
        <SkipLinks />
        <Toolbar />
        <Palette />
        <main className="centre">
          <Canvas />
          <div className="bottom-slot">
            {/* Open: the panel's own tab strip has the collapse button. */}
            {bottomOpen ? (
              <BottomPanel />
            ) : (
              <button type="button" className="bottom-toggle" aria-expanded={false} onClick={() => setSession({ bottomOpen: true })}>
                ▴ YAML · Matrix · Problems · Review
              </button>
            )}
          </div>
        </main>
        <RightPanel />
        <Notice />
        <MoveConfirmDialog />
        <ImportDialog />
        <IntentDialog />
        <SearchDialog />
        <ConnectDialog />
      </div>
    </ReactFlowProvider>
  );
}
