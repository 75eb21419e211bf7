// The read-only CodeMirror editor of the YAML tab. Its own module so that CodeMirror (a large
// part of the bundle) is loaded after the canvas's first render (YamlView imports it lazily),
// not before the first paint.

import { useEffect, useRef } from 'react';
import { EditorView, basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { yaml } from '@codemirror/lang-yaml';

export default function YamlEditor({ text }: { text: string }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);

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

  return <div className="cm-host" ref={host} data-testid="yaml-view" />;
}
