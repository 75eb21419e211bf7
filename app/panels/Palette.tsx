// Things to drag onto the canvas. HTML5 drag and drop: the canvas reads the item kind on drop
// and places it at the pointer (src/doc/commands-drop.ts decides what the drop means).
import type { DragEvent } from 'react';
import type { PaletteItem } from '../../src/doc/commands-drop.ts';
import { PALETTE_MIME } from '../flow/palette-mime.ts';

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
  return (
    <nav className="palette" aria-label="Palette">
      <h2>Add</h2>
      {ITEMS.map((i) => (
        <div
          key={i.item}
          className={`palette-item palette-${i.item}`}
          draggable
          onDragStart={(e) => onDragStart(e, i.item)}
          title={i.hint}
          data-testid={`palette-${i.item}`}
          role="button"
          aria-label={`Drag to add: ${i.title}`}
        >
          <span className="palette-icon" aria-hidden>{i.icon}</span>
          <span>{i.title}</span>
        </div>
      ))}
      <p className="palette-help">
        Drag onto the canvas. Draw a flow from a node's right dot to another node to allow it.
      </p>
      <h2>Keys</h2>
      <dl className="keys">
        <dt>Shift+drag</dt><dd>box select</dd>
        <dt>Ctrl+click</dt><dd>add to selection</dd>
        <dt>Del</dt><dd>delete</dd>
        <dt>Ctrl+D</dt><dd>duplicate</dd>
        <dt>Ctrl+C/V</dt><dd>copy / paste</dd>
        <dt>Ctrl+Z/Y</dt><dd>undo / redo</dd>
      </dl>
    </nav>
  );
}
