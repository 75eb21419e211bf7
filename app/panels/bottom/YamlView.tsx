// The whole design as manifests (Namespaces, Services, NetworkPolicies) in a read-only
// CodeMirror editor, with Copy and Download. The editor is loaded on demand (YamlEditor.tsx):
// the tab is open at start, and CodeMirror in the main bundle delayed the first paint.

import { lazy, Suspense, useMemo, useState } from 'react';
import { exportManifests } from '../../../src/k8s/export.ts';
import { useDocStore } from '../../state/doc-store.ts';
import { useSettledModel } from '../../state/settled-model.ts';
import { downloadText, yamlFileName } from '../../state/download.ts';

const YamlEditor = lazy(() => import('./YamlEditor.tsx'));

export function YamlView() {
  // Settled: re-exporting every manifest (tens of ms on a 500-workload design) and replacing the
  // editor's text must not hold up the canvas's answer to an edit (nor the worker's reply that
  // carries it): this view follows the model once its evaluation is on screen.
  const model = useSettledModel();
  const name = useDocStore((s) => s.doc.name);
  const text = useMemo(() => exportManifests(model), [model]);
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied('idle'), 1500);
  };

  const download = () => downloadText(yamlFileName(name), text, 'application/yaml');

  return (
    <div className="yaml-view">
      <div className="view-toolbar">
        <span className="hint">{text ? 'Namespaces, Services, NetworkPolicies (generated ones included) and cluster policies of the design.' : 'The design is empty.'}</span>
        <span className="spacer" />
        <button type="button" onClick={() => void copy()} disabled={!text}>
          {copied === 'ok' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
        </button>
        <button type="button" onClick={download} disabled={!text}>
          Download .yaml
        </button>
      </div>
      <Suspense fallback={<p className="hint cm-host">Opening the YAML viewer…</p>}>
        <YamlEditor text={text} />
      </Suspense>
    </div>
  );
}
