// Opens the Assertions list in the right panel.
import { setSession } from '../state/session-store.ts';

export function showAssertions(): void {
  setSession({ rightTab: 'assertions' });
}
