// A search box with its list of results (WAI-ARIA combobox + listbox, aria-activedescendant):
// type to filter, arrows/Home/End to move, Enter or a click to choose, Escape to close. Used by
// "Connect to…" (ConnectDialog) and Find (SearchDialog); the keys are combobox-keys.ts.
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { clampActive, comboboxKey } from './combobox-keys.ts';

export interface SearchListProps<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  /** The option's content (kind, title, detail). */
  renderItem: (item: T) => ReactNode;
  query: string;
  onQuery: (q: string) => void;
  onChoose: (item: T) => void;
  /** Escape in the box; leave out when the dialog around it closes on Escape itself. */
  onEscape?: () => void;
  inputLabel: string;
  placeholder: string;
  listLabel?: string;
  /** Shown as the list's only row when it is empty (nothing when null). */
  empty: ReactNode;
}

export function SearchList<T>(p: SearchListProps<T>) {
  const id = useId();
  const [active, setActive] = useState(0);
  const at = clampActive(active, p.items.length);
  const optionId = (i: number) => `${id}-option-${i}`;
  const onKey = (e: KeyboardEvent) => {
    const action = comboboxKey(e.key, at, p.items.length);
    if (!action || (action.kind === 'escape' && !p.onEscape)) return;
    e.preventDefault();
    if (action.kind === 'move') setActive(action.active);
    else if (action.kind === 'choose') p.onChoose(p.items[action.index]);
    else p.onEscape?.();
  };
  return (
    <>
      <input
        autoFocus
        type="search"
        aria-label={p.inputLabel}
        placeholder={p.placeholder}
        value={p.query}
        onChange={(e) => { p.onQuery(e.target.value); setActive(0); }}
        onKeyDown={onKey}
        role="combobox"
        aria-expanded={p.items.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={p.items.length > 0 ? optionId(at) : undefined}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={p.listLabel} className="search-results">
        {p.items.map((item, i) => (
          <li
            key={p.itemKey(item)}
            id={optionId(i)}
            role="option"
            aria-selected={i === at}
            className={i === at ? 'active' : ''}
            onMouseEnter={() => setActive(i)}
            onClick={() => p.onChoose(item)}
          >
            {p.renderItem(item)}
          </li>
        ))}
        {p.items.length === 0 && p.empty !== null && <li className="search-none">{p.empty}</li>}
      </ul>
    </>
  );
}
