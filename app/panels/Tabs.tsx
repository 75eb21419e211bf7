// A small accessible tab strip (role=tablist) shared by the right and bottom panels. Arrow
// keys, Home and End move between tabs (roving tabindex). Tabs with an icon are compact: the
// icon always, the label only on the active tab (the full name is the tab's accessible name
// and tooltip), so seven tabs fit one row of the 340 px side panel.

import type { KeyboardEvent, ReactNode } from 'react';

export interface TabDef<T extends string> {
  id: T;
  label: string;
  /** Shown instead of `label` on an active icon tab (the accessible name stays `label`). */
  short?: string;
  badge?: number;
  /** What the badge counts, for the accessible name ("1 failing"). */
  badgeLabel?: string;
  icon?: ReactNode;
}

export function Tabs<T extends string>(props: { label: string; tabs: TabDef<T>[]; active: T; onSelect: (id: T) => void; children?: ReactNode }) {
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = props.tabs.findIndex((t) => t.id === props.active);
    const n = props.tabs.length;
    const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (to < 0 || !(e.target as HTMLElement).matches('[role="tab"]')) return;
    e.preventDefault();
    const id = props.tabs[to]!.id;
    props.onSelect(id);
    e.currentTarget.querySelector<HTMLElement>(`#tab-${CSS.escape(id)}`)?.focus();
  };
  return (
    // Only tabs in the tablist; other controls (collapse) beside it (ARIA: a tablist owns tabs only).
    <div className="tabs">
      <div className="tablist" role="tablist" aria-label={props.label} onKeyDown={onKey}>
      {props.tabs.map((t) => {
        const active = props.active === t.id;
        const full = t.badge ? `${t.label} (${t.badge}${t.badgeLabel ? ` ${t.badgeLabel}` : ''})` : t.label;
        // The visible short label is part of the name too (speech users say what they see).
        const shown = t.icon && t.short && active ? t.short : t.label;
        const name = full.toLowerCase().includes(shown.toLowerCase()) ? full : `${shown}: ${full}`;
        return (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={active}
            tabIndex={active ? 0 : -1}
            className={`tab${active ? ' active' : ''}${t.icon ? ' icon-tab' : ''}`}
            aria-label={t.icon || t.badgeLabel ? name : undefined}
            title={t.icon || t.badgeLabel ? name : undefined}
            onClick={() => props.onSelect(t.id)}
          >
            {t.icon && <span className="tab-icon" aria-hidden="true">{t.icon}</span>}
            <span className="tab-label">{t.icon && t.short ? t.short : t.label}</span>
            {t.badge ? <span className="badge">{t.badge}</span> : null}
          </button>
        );
      })}
      </div>
      {props.children}
    </div>
  );
}
