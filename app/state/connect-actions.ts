// "Connect to…": draw an intent from the keyboard. Starts from the one selected node; the
// target list (app/panels/ConnectDialog.tsx) then hands the pair to the same port dialog a
// drawn edge opens (session.pendingIntent).

import { connectSource } from '../../src/canvas/connect.ts';
import type { Id } from '../../src/model/types.ts';
import { docStore, readOnlyGate } from './doc-store.ts';
import { notify, sessionStore } from './session-store.ts';

/** Opens the target list for the selected node, or says why it cannot. */
export function startConnect(): void {
  if (readOnlyGate.reason) {
    notify(readOnlyGate.reason, 'error');
    return;
  }
  const src = connectSource(docStore.getState().doc.model, sessionStore.getState().selection);
  if (!src.ok) {
    notify(src.reason, 'error');
    return;
  }
  sessionStore.setState({ connectFrom: src.fromId, searchOpen: false });
}

/** The user picked a target: the port dialog opens for the pair. */
export function chooseConnectTarget(toId: Id): void {
  const fromId = sessionStore.getState().connectFrom;
  if (!fromId) return;
  sessionStore.setState({ connectFrom: null, pendingIntent: { fromId, toId } });
}

export function cancelConnect(): void {
  sessionStore.setState({ connectFrom: null });
}
