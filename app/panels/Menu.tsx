// A small accessible drop-down menu for the top bar (WAI-ARIA menu button pattern): a button
// with aria-haspopup="menu" opens a role="menu" list of role="menuitem" buttons. Enter, Space
// or ArrowDown opens it on the first item, ArrowUp on the last; arrows, Home and End move;
// Escape (or Tab, or a click outside) closes it and focus returns to the button.

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuItem {
  /** The accessible name and visible label, e.g. "Share". */
  label: string;
  /** A short second line (visual only, not part of the name). */
  hint?: string;
  /** Keyboard shortcut shown on the right (visual only). */
  shortcut?: string;
  disabled?: boolean;
  onSelect: () => void;
  /** Draw a separator above this item. */
  separator?: boolean;
}

export function MenuButton(props: { label: string; items: MenuItem[]; className?: string; title?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const focusAt = useRef<'first' | 'last' | null>(null);

  const itemEls = () => Array.from(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? []);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const openAt = (where: 'first' | 'last') => {
    focusAt.current = where;
    setOpen(true);
  };

  useEffect(() => {
    if (!open) return;
    const items = itemEls();
    (focusAt.current === 'last' ? items[items.length - 1] : items[0])?.focus();
    focusAt.current = null;
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!menu.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    // Capture: the canvas (d3-zoom) stops mousedown from bubbling.
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open]);

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      openAt(e.key === 'ArrowUp' ? 'last' : 'first');
    }
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const items = itemEls();
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      e.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(i + 1);
    else if (e.key === 'ArrowUp') move(i - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') close(false);
  };

  return (
    <div className={`menu-wrap ${props.className ?? ''}`}>
      <button
        ref={button}
        type="button"
        className={`menu-button${open ? ' open' : ''}`}
        id={`${id}-button`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        title={props.title}
        onClick={() => (open ? close(false) : openAt('first'))}
        onKeyDown={onButtonKey}
      >
        {props.label}
        <span className="caret" aria-hidden="true" />
      </button>
      {open && (
        <div ref={menu} className="menu" role="menu" id={`${id}-menu`} aria-labelledby={`${id}-button`} onKeyDown={onMenuKey}>
          {props.items.map((item) => (
            <div key={item.label} className={item.separator ? 'menu-sep-above' : undefined} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                disabled={item.disabled}
                className="menu-item"
                onClick={() => {
                  // Focus goes back to the menu button first, so a dialog the action opens
                  // returns focus there when it closes.
                  close(true);
                  item.onSelect();
                }}
              >
                <span className="mi-label">{item.label}</span>
                {item.shortcut && <kbd className="mi-shortcut" aria-hidden="true">{item.shortcut}</kbd>}
                {item.hint && <span className="mi-hint" aria-hidden="true">{item.hint}</span>}
              </button>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
