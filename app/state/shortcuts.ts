// Global keyboard shortcuts. Ignored while typing in a field or editor, so text inputs keep
// their own undo and copy/paste. Delete/Backspace is handled by React Flow (onDelete).
import { copySelection, duplicateSelection, pasteClipboard } from './clipboard.ts';
import { redo, undo } from './history-actions.ts';

function isTyping(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || !!t.closest('.cm-editor');
}

export function installShortcuts(target: Window = window): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || isTyping(e.target)) return;
    if (document.querySelector('[aria-modal="true"]')) return; // a dialog owns the keyboard
    const k = e.key.toLowerCase();
    if (k === 'z' && !e.shiftKey) undo();
    else if ((k === 'z' && e.shiftKey) || k === 'y') redo();
    else if (k === 'd') duplicateSelection();
    else if (k === 'c') copySelection();
    else if (k === 'v') pasteClipboard();
    else return;
    e.preventDefault();
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
