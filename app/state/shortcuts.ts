// Global keyboard shortcuts. Ignored while typing in a field or editor, so text inputs keep
// their own undo and copy/paste. Delete/Backspace is handled by React Flow (onDelete).
import { copySelection, duplicateSelection, pasteClipboard } from './clipboard.ts';
import { redo, undo } from './history-actions.ts';
import { setSession } from './session-store.ts';
import { startConnect } from './connect-actions.ts';

function isTyping(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || !!t.closest('.cm-editor');
}

export interface Shortcut {
  /** What people read in menus and the key list, e.g. "Ctrl+K". */
  keys: string[];
  label: string;
  matches: (e: KeyboardEvent) => boolean;
  run: () => void;
}

const ctrl = (e: KeyboardEvent, k: string, shift = false) => (e.ctrlKey || e.metaKey) && !e.altKey && e.shiftKey === shift && e.key.toLowerCase() === k;

/** The one list of keyboard shortcuts (menus and the palette's key list read labels from here). */
export const SHORTCUTS: Shortcut[] = [
  { keys: ['Ctrl+Z'], label: 'Undo', matches: (e) => ctrl(e, 'z'), run: undo },
  { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], label: 'Redo', matches: (e) => ctrl(e, 'z', true) || ctrl(e, 'y'), run: redo },
  { keys: ['Ctrl+D'], label: 'Duplicate', matches: (e) => ctrl(e, 'd'), run: duplicateSelection },
  { keys: ['Ctrl+C'], label: 'Copy', matches: (e) => ctrl(e, 'c'), run: copySelection },
  { keys: ['Ctrl+V'], label: 'Paste', matches: (e) => ctrl(e, 'v'), run: pasteClipboard },
  {
    keys: ['/', 'Ctrl+K'], label: 'Find workload, namespace or policy',
    matches: (e) => ctrl(e, 'k') || (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey),
    run: () => setSession({ searchOpen: true }),
  },
  {
    keys: ['C'], label: 'Connect to…',
    matches: (e) => e.key.toLowerCase() === 'c' && !e.ctrlKey && !e.metaKey && !e.altKey,
    run: startConnect,
  },
];

/** The keys of a shortcut as menus show them, e.g. "C" for "Connect to…". */
export function shortcutKeys(label: string): string | undefined {
  return SHORTCUTS.find((s) => s.label === label)?.keys.join(' / ');
}

export function installShortcuts(target: Window = window): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (isTyping(e.target)) return;
    if (document.querySelector('[aria-modal="true"]')) return; // a dialog owns the keyboard
    const hit = SHORTCUTS.find((s) => s.matches(e));
    if (!hit) return;
    hit.run();
    e.preventDefault();
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
