// With exactly two endpoint nodes selected, offers to explain the flow between them either way
// (also for pairs with no edge, i.e. denied ones).

import { useShallow } from 'zustand/react/shallow';
import { endpointIdOf } from '../../src/policy/reachability.ts';
import { useDocStore } from '../state/doc-store.ts';
import { useEvaluated } from '../state/reachability.ts';
import { setSession, useSessionStore } from '../state/session-store.ts';

export function ExplainPairBar() {
  const selection = useSessionStore(useShallow((s) => s.selection));
  const model = useDocStore((s) => s.doc.model);
  const { reach } = useEvaluated();
  const picked = selection.filter((id) => model.workloads[id] || model.externals[id]);
  if (picked.length !== 2 || selection.length !== 2 || !reach) return null;
  const name = (id: string) => model.workloads[id]?.name ?? model.externals[id]?.name ?? id;
  const [a, b] = picked;
  const ea = endpointIdOf(reach, a);
  const eb = endpointIdOf(reach, b);
  if (!ea || !eb) return null;
  const ask = (src: string, dst: string) => setSession({ explain: { src, dst }, rightTab: 'explain' });
  return (
    <div className="explain-bar">
      <button type="button" onClick={() => ask(ea, eb)}>Explain {name(a)} → {name(b)}</button>
      <button type="button" onClick={() => ask(eb, ea)}>Explain {name(b)} → {name(a)}</button>
    </div>
  );
}
