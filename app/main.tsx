import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App.tsx';
import { loadInitialDesign } from './state/startup.ts';
import { startAutosave } from './state/autosave.ts';
import { docStore } from './state/doc-store.ts';
import { notify } from './state/session-store.ts';
import { installTestApi } from './test-api.ts';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Load first, then start saving, so the loaded design is not written back needlessly and a
// corrupt autosave is set aside before anything overwrites it.
// The e2e test API appears only then too, so a test never races the initial load (a test's
// own design would otherwise be replaced by the example arriving late).
void loadInitialDesign().finally(() => {
  startAutosave(docStore, localStorage, (msg) => notify(msg, 'error'));
  if (import.meta.env.MODE === 'e2e') installTestApi();
});
