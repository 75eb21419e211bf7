// With exactly two assertion endpoints selected on the canvas (workloads, external networks,
// load balancers), offers "Assert…": mark the pair "must reach" / "must not reach".
import { useShallow } from 'zustand/react/shallow';
import { useDocStore } from '../state/doc-store.ts';
import { useSessionStore } from '../state/session-store.ts';
import { isAssertEndpoint, isLb, shortName } from './endpoints.ts';
import { useDesignLocked } from '../collab/live-store.ts';
import { openAssertDialog } from './assert-ui.ts';

export function AssertPairBar() {
  const selection = useSessionStore(useShallow((s) => s.selection));
  const model = useDocStore((s) => s.doc.model);
  const locked = useDesignLocked();
  if (selection.length !== 2 || !selection.every((id) => isAssertEndpoint(model, id))) return null;
  let [a, b] = selection;
  if (isLb(a) && isLb(b)) return null;
  if (isLb(a)) [a, b] = [b, a]; // a load balancer is always the destination
  return (
    <div className="explain-bar assert-bar">
      <button type="button" disabled={locked} onClick={() => openAssertDialog({ fromId: a, toId: b })}
        title={locked ? 'Read-only: assertions cannot be added to this design' : 'Record what must (not) be possible between these two, checked after every edit'}>
        Assert {shortName(model, a)} → {shortName(model, b)}…
      </button>
    </div>
  );
}
