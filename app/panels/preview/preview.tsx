// Dev-only page (served by `vite` at /app/panels/preview/) that mounts the panels around a
// placeholder canvas, so they can be looked at and screenshotted on their own. Not in the build.

import { createRoot } from 'react-dom/client';
import { importManifests } from '../../../src/k8s/import.ts';
import { importIntoDoc } from '../../../src/doc/commands.ts';
import { emptyDoc } from '../../../src/model/factory.ts';
import { replaceDoc, docStore } from '../../state/doc-store.ts';
import { setSession, sessionStore } from '../../state/session-store.ts';
import { BottomPanel } from '../BottomPanel.tsx';
import { ImportDialog } from '../ImportDialog.tsx';
import { IntentDialog } from '../IntentDialog.tsx';
import { RightPanel } from '../RightPanel.tsx';

const files = import.meta.glob('../../../samples/online-shop/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const params = new URLSearchParams(location.search);
if (!params.has('empty')) {
  const res = importManifests(Object.entries(files).map(([name, text]) => ({ name, text })));
  replaceDoc(importIntoDoc(emptyDoc('Online shop'), res.model, {}), { record: false });
}
const session = params.get('session');
if (session) setSession(JSON.parse(session));

function Preview() {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 400px', gridTemplateRows: '1fr auto', height: '100vh', fontFamily: 'system-ui, sans-serif' }}>
      <div style={{ background: '#eef1f6', display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#8a93a3' }}>(canvas)</div>
      <div style={{ gridRow: '1 / span 2', gridColumn: 2, minHeight: 0 }}>
        <RightPanel />
      </div>
      <div style={{ height: 280, display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        <BottomPanel />
      </div>
      <ImportDialog />
      <IntentDialog />
    </div>
  );
}

Object.assign(window, { __preview: { docStore, sessionStore, setSession } });
createRoot(document.getElementById('root')!).render(<Preview />);
