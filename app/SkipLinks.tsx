// The first Tab stops of the page: skip the toolbar and palette to the canvas (its one Tab
// stop: the focused or selected node, app/flow/use-canvas-keys.ts) or to the side panel.
import type { MouseEvent } from 'react';

function focusCanvas(e: MouseEvent) {
  e.preventDefault();
  const stop = document.querySelector<HTMLElement>('#canvas .react-flow__node[tabindex="0"]');
  (stop ?? document.getElementById('canvas'))?.focus();
}

function focusPanels(e: MouseEvent) {
  e.preventDefault();
  const panel = document.getElementById('side-panel');
  const first = panel?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"], button, input, select, textarea, a[href]');
  (first ?? panel)?.focus();
}

export function SkipLinks() {
  return (
    <div className="skip-links">
      <a href="#canvas" className="skip-link" onClick={focusCanvas}>Skip to canvas</a>
      <a href="#side-panel" className="skip-link" onClick={focusPanels}>Skip to panels</a>
    </div>
  );
}
