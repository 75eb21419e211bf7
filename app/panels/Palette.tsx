// Things to drag onto the canvas. HTML5 drag and drop: the canvas reads the item kind on drop
// and places it at the pointer (src/doc/commands-drop.ts decides what the drop means). From the
// keyboard, Enter or Space places the item at the centre of the canvas view, in a free slot.
// In read-only mode the items are disabled.
import type { DragEvent, KeyboardEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { placePaletteItem, type PaletteItem } from '../../src/doc/commands-drop.ts';
import type { Id } from '../../src/model/types.ts';
import { PALETTE_MIME } from '../flow/palette-mime.ts';
import { commitDoc } from '../state/doc-store.ts';
import { notify, setSession } from '../state/session-store.ts';
import { useReadOnly } from '../share/read-only.ts';

const ITEMS: { item: PaletteItem; title: string; hint: string; icon: string }[] = [
  { item: 'namespace', title: 'Namespace', hint: 'A group of workloads; policies apply per namespace', icon: '▭' },
  { item: 'workload', title: 'Workload', hint: 'A Deployment (or other pod controller); drop it into a namespace', icon: '▣' },
  { item: 'external', title: 'External network', hint: 'Addresses outside the cluster (CIDRs)', icon: '◍' },
  { item: 'loadbalancer', title: 'Load balancer', hint: 'A Service of type LoadBalancer in a namespace', icon: '⇶' },
];

function onDragStart(e: DragEvent, item: PaletteItem) {
  e.dataTransfer.setData(PALETTE_MIME, item);
  e.dataTransfer.effectAllowed = 'copy';
}

export function Palette() {
  const { screenToFlowPosition } = useReactFlow();
  const readOnly = useReadOnly();
  const place = (item: PaletteItem) => {
    const box = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    if (!box) return;
    const centre = screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
    let created: Id | null = null;
    commitDoc((d) => {
      const r = placePaletteItem(d, item, centre);
      created = r.created;
      if (r.message) notify(r.message.text, r.message.kind);
      return r.doc;
    });
    if (created) setSession({ selection: [created], rightTab: 'inspect' });
  };
  const onKey = (e: KeyboardEvent, item: PaletteItem) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    if (!readOnly) place(item);
  };
  return (
    <nav className="palette" aria-label="Palette">
      <h2>Add</h2>
      {ITEMS.map((i) => (
        <div
          key={i.item}
          className={`palette-item palette-${i.item}`}
          draggable={!readOnly}
          onDragStart={(e) => onDragStart(e, i.item)}
          onKeyDown={(e) => onKey(e, i.item)}
          title={readOnly ? 'Read-only: editing is off' : `${i.hint} (Enter: add at the centre of the view)`}
          data-testid={`palette-${i.item}`}
          role="button"
          tabIndex={0}
          aria-disabled={readOnly || undefined}
          aria-label={`Add ${i.title}`}
        >
          <span className="palette-icon" aria-hidden>{i.icon}</span>
          <span>{i.title}</span>
        </div>
      ))}
      <p className="palette-help">
        Drag onto the canvas, or focus an item and press Enter. Draw a flow from a node's right dot to another node to allow it, or select a node and press C.
      </p>
      <h2>Keys</h2>
      <dl className="keys">
        <dt>Shift+drag</dt><dd>box select</dd>
        <dt>Ctrl+click</dt><dd>add to selection</dd>
        <dt>Del</dt><dd>delete</dd>
        <dt>Ctrl+D</dt><dd>duplicate</dd>
        <dt>Ctrl+C/V</dt><dd>copy / paste</dd>
        <dt>Ctrl+Z/Y</dt><dd>undo / redo</dd>
        <dt>C</dt><dd>connect to…</dd>
        <dt>Arrows</dt><dd>next node</dd>
        <dt>E</dt><dd>explain its links</dd>
        <dt>] / [</dt><dd>its connections</dd>
        <dt>Enter</dt><dd>select</dd>
        <dt>Esc</dt><dd>back to node</dd>
      </dl>
    </nav>
  );
}
