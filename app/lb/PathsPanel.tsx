// The Paths tab: external traffic through load balancers and node ports, hop by hop, for the
// selected external network or load balancer. Every line is the core's (src/services/paths.ts).
import '../panels/panels.css';
import './lb.css';
import { useShallow } from 'zustand/react/shallow';
import type { Model } from '../../src/model/types.ts';
import type { HopVerdict, PathResult } from '../../src/services/paths.ts';
import { serviceIdOfLoadBalancer, loadBalancerLayoutId } from '../../src/layout/sizes.ts';
import { setSession, useSessionStore } from '../state/session-store.ts';
import { useExternalPaths } from './derived.ts';

const VERDICT: Record<HopVerdict, { icon: string; word: string }> = {
  pass: { icon: '✓', word: 'passes' },
  block: { icon: '✗', word: 'dropped' },
  caveat: { icon: '!', word: 'caveat' },
  info: { icon: 'i', word: 'note' },
};
const OUTCOME: Record<PathResult['outcome'], string> = { reach: 'reaches', 'no-reach': 'does not reach', conditional: 'reaches only under conditions' };

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) m.set(key(it), [...(m.get(key(it)) ?? []), it]);
  return m;
}

export function PathsPanel() {
  const selection = useSessionStore(useShallow((s) => s.selection));
  const { model, paths, error } = useExternalPaths();
  const one = selection.length === 1 ? selection[0] : undefined;
  const svcId = one ? serviceIdOfLoadBalancer(one) : undefined;
  const ext = one ? model.externals[one] : undefined;
  const svc = svcId ? model.services[svcId] : undefined;

  if (error) return <div className="empty-state"><p>The paths could not be computed: {error}</p></div>;
  if (!ext && !svc) return <PathsOverview model={model} paths={paths} />;
  const mine = paths.filter((p) => (ext ? p.sourceId === ext.id : p.serviceId === svc!.id));
  const title = ext ? `From ${ext.name}` : `Into load balancer ${model.namespaces[svc!.namespaceId]?.name}/${svc!.name}`;
  return (
    <div className="paths" data-testid="paths-panel">
      <h3 className="explain-title">{title}</h3>
      {mine.length === 0 && (
        <div className="empty-state">
          {ext
            ? <p>No load balancer or node port in the design: {ext.name} has no way in through a Service. Add a load balancer from the palette.</p>
            : <p>No external network in the design. Drag an external network (e.g. the Internet) from the palette to see its paths into this load balancer.</p>}
        </div>
      )}
      {[...groupBy(mine, (p) => `${p.sourceId}>${p.serviceId}`).values()].map((g) => <PairPaths key={`${g[0].sourceId}>${g[0].serviceId}`} group={g} />)}
    </div>
  );
}

function PairPaths({ group }: { group: PathResult[] }) {
  const head = group[0];
  const byVia = groupBy(group, (p) => p.via);
  return (
    <section className="path-pair">
      <h4>{head.sourceName} → {head.serviceName}</h4>
      {[...byVia.entries()].map(([via, ps]) => (
        <div key={via} className="path-via">
          <div className="sub-label">{via === 'loadbalancer' ? 'Through the load balancer' : 'Through the node ports (bypasses the load balancer)'}</div>
          <ul className="path-list">
            {ps.map((p, i) => <PathItem key={i} p={p} />)}
          </ul>
        </div>
      ))}
    </section>
  );
}

function PathItem({ p }: { p: PathResult }) {
  const port = `${p.port.port}/${p.port.protocol}${p.port.name ? ` (${p.port.name})` : ''}`;
  const target = p.backendName ? `${p.backendName}${p.targetPort !== undefined ? ` :${p.targetPort}` : ''}` : 'no backend';
  const part = p.cidrs.length && p.cidrs.join(', ') !== '' ? p.cidrs : [];
  return (
    <li className={`path-item outcome-${p.outcome}`}>
      <div className="path-line">
        <span className={`tag ${p.outcome === 'reach' ? 'ok' : p.outcome === 'no-reach' ? 'bad' : 'warn'}`}>{OUTCOME[p.outcome]}</span>
        <span><strong>{port}</strong> → {target}</span>
      </div>
      {part.length > 0 && part.length <= 3 && <div className="hint">source part: {part.join(', ')}</div>}
      <ol className="hops">
        {p.hops.map((h, i) => (
          <li key={i} className={`hop hop-${h.verdict}`}>
            <span className="hop-icon" aria-label={VERDICT[h.verdict].word} title={VERDICT[h.verdict].word}>{VERDICT[h.verdict].icon}</span>
            <span>{h.text}</span>
          </li>
        ))}
      </ol>
    </li>
  );
}

function PathsOverview({ model, paths }: { model: Model; paths: PathResult[] }) {
  const pairs = [...groupBy(paths.filter((p) => p.via === 'loadbalancer'), (p) => `${p.sourceId}>${p.serviceId}`).values()];
  return (
    <div className="paths" data-testid="paths-panel">
      <div className="empty-state">
        <p><strong>Select an external network or a load balancer</strong> to follow its traffic hop by hop: source ranges, the address the pod sees, the port mapping and the policy decision.</p>
      </div>
      {pairs.length > 0 && (
        <ul className="path-overview">
          {pairs.map((g) => {
            const ok = g.filter((p) => p.outcome === 'reach').length;
            return (
              <li key={`${g[0].sourceId}>${g[0].serviceId}`}>
                <button type="button" className="link-btn" onClick={() => setSession({ selection: [g[0].sourceId] })}>{g[0].sourceName}</button>
                {' → '}
                <button type="button" className="link-btn" onClick={() => setSession({ selection: [loadBalancerLayoutId(g[0].serviceId)] })}>{g[0].serviceName}</button>
                <span className="hint"> · {ok} of {g.length} paths reach</span>
              </li>
            );
          })}
        </ul>
      )}
      {pairs.length === 0 && Object.keys(model.services).length === 0 && <p className="hint">The design has no load balancer yet.</p>}
    </div>
  );
}
