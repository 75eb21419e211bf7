// Editing controls of a panel or dialog, disabled up front while the design is locked (a shared
// link opened read-only, or a reviewer in a live session), instead of refusing after typing.
import type { ReactNode } from 'react';
import { useDesignLocked } from '../collab/live-store.ts';

export function LockedFieldset({ children, testId }: { children: ReactNode; testId?: string }) {
  const locked = useDesignLocked();
  return (
    <fieldset className="ro-fieldset" disabled={locked} data-testid={testId}>
      {locked && <p className="hint">Read-only: editing is off.</p>}
      {children}
    </fieldset>
  );
}
