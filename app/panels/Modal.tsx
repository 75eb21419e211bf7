// A modal dialog frame: backdrop, title, Escape to close, focus moved inside on open and back
// to where it was (e.g. the menu button that opened the dialog) on close.

import { useEffect, useRef } from 'react';

export function Modal(props: { title: string; onClose: () => void; children: React.ReactNode; testId?: string; wide?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = ref.current?.querySelector<HTMLElement>('[autofocus], textarea, input, select, button');
    first?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && props.onClose()}>
      <div
        ref={ref}
        className={`dialog ${props.wide ? 'wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        data-testid={props.testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            props.onClose();
          }
        }}
      >
        <h2 className="dialog-title">{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
}
