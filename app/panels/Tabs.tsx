// A small accessible tab strip (role=tablist) shared by the right and bottom panels.

export interface TabDef<T extends string> {
  id: T;
  label: string;
  badge?: number;
}

export function Tabs<T extends string>(props: { label: string; tabs: TabDef<T>[]; active: T; onSelect: (id: T) => void; children?: React.ReactNode }) {
  return (
    <div className="tabs" role="tablist" aria-label={props.label}>
      {props.tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={props.active === t.id}
          className={props.active === t.id ? 'tab active' : 'tab'}
          onClick={() => props.onSelect(t.id)}
        >
          {t.label}
          {t.badge ? <span className="badge">{t.badge}</span> : null}
        </button>
      ))}
      {props.children}
    </div>
  );
}
