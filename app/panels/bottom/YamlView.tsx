// The whole design as manifests (Namespaces, Services, NetworkPolicies) in a read-only
// CodeMirror editor, with Copy and Download.

import { useEffect, useMemo, useRef, useState } from 'react';
import { EditorView, basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { yaml } from '@codemirror/lang-yaml';
import { exportManifests } from '../../../src/k8s/export.ts';
import { useDocStore } from '../../state/doc-store.ts';
import { useSettledModel } from '../../state/settled-model.ts';
import { downloadText, yamlFileName } from '../../state/download.ts';

export function YamlView() {
  // Settled: re-exporting every manifest (tens of ms on a 500-workload design) and replacing the
  // editor's text must not hold up the canvas's answer to an edit (nor the worker's reply that
  // carries it): this view follows the model once its evaluation is on screen.
  const model = useSettledModel();
  const name = useDocStore((s) => s.doc.name);
  const text = useMemo(() => exportManifests(model), [model]);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');

  useEffect(() => {
    if (!host.current) return;
    view.current = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: text,
        extensions: [basicSetup, yaml(), EditorState.readOnly.of(true), EditorView.editable.of(false), EditorView.contentAttributes.of({ 'aria-label': 'Design manifests (read-only)', tabindex: '0' })],
      }),
    });
    return () => {
      view.current?.destroy();
      view.current = null;
    };
    // Created once; later texts are dispatched below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v || v.state.doc.toString() === text) return;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
  }, [text]);

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
      <div className="cm-host" ref={host} data-testid="yaml-view" />
    </div>
  );
}
