// The keys of a search box with a list of results under it (WAI-ARIA combobox with a listbox and
// aria-activedescendant): one rule for "Connect to…" and Find. Pure, so it is unit tested.

export type ComboboxAction = { kind: 'move'; active: number } | { kind: 'choose'; index: number } | { kind: 'escape' } | null;

/** The active option when the list holds `count` items (the last one when the list got shorter; 0 when empty). */
export function clampActive(active: number, count: number): number {
  return Math.max(0, Math.min(active, count - 1));
}

/**
 * What a key in the box does: ArrowDown/ArrowUp move (stopping at the ends), Home/End jump,
 * Enter chooses the active option (nothing on an empty list), Escape closes. Null for any
 * other key (typing goes to the box).
 */
export function comboboxKey(key: string, active: number, count: number): ComboboxAction {
  const at = clampActive(active, count);
  switch (key) {
    case 'ArrowDown': return { kind: 'move', active: clampActive(at + 1, count) };
    case 'ArrowUp': return { kind: 'move', active: clampActive(at - 1, count) };
    case 'Home': return { kind: 'move', active: 0 };
    case 'End': return { kind: 'move', active: clampActive(count - 1, count) };
    case 'Enter': return count > 0 ? { kind: 'choose', index: at } : null;
    case 'Escape': return { kind: 'escape' };
    default: return null;
  }
}
