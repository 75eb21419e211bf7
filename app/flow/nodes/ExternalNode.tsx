import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useDocStore } from '../../state/doc-store.ts';
import type { ExternalNode as ExternalNodeType } from '../flow-types.ts';
import { hubPeersLong, hubPeersShort, type NodeTailInfo } from '../../../src/canvas/edges.ts';
import { ConnectHandles } from './ConnectHandles.tsx';
import { NodeBadges } from '../../review/NodeBadges.tsx';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Crowded overview: what this network reaches or is reached from that is not drawn (src/canvas/overview-bundles.ts). */
function ExternalTail({ tail }: { tail: NodeTailInfo }) {
  // The whole line as the tail's title: on one line in the node, a part may end in an ellipsis.
  const whole = [
    tail.to ? `⇢ ${hubPeersShort(tail.to)}` : '',
    tail.from ? `⇠ ${hubPeersShort(tail.from)}` : '',
    tail.viaLoadBalancers ? `LB ${tail.viaLoadBalancers}` : '',
    tail.more > 0 ? `+${tail.more} more` : '',
  ].filter(Boolean).join(' · ');
  return (
    <div className="ext-tail" data-testid="ext-tail" title={whole}>
      {tail.to && <span className="ns-hub" title={`Reaches ${hubPeersLong(tail.to)} on ${tail.to.ports}: select to draw them`}>⇢ {hubPeersShort(tail.to)}</span>}
      {tail.from && <span className="ns-hub" title={`Reached from ${hubPeersLong(tail.from)} on ${tail.from.ports}: select to draw them`}>⇠ {hubPeersShort(tail.from)}</span>}
      {tail.viaLoadBalancers ? (
        <span className="ns-badge ns-badge-lb" title={`Reaches ${plural(tail.viaLoadBalancers, 'load balancer')} drawn on their namespace's card ("LB n"): select it to draw the path`}>
          LB {tail.viaLoadBalancers}
        </span>
      ) : null}
      {tail.more > 0 && <span className="ns-more" title={`${plural(tail.more, 'more connection')}, not drawn: select to draw them`}>+{tail.more} more</span>}
    </div>
  );
}

function ExternalNodeImpl({ id, data }: NodeProps<ExternalNodeType>) {
  const e = useDocStore((s) => s.doc.model.externals[id]);
  if (!e) return null;
  return (
    <>
    <div className="ext-node" title={e.description ?? e.cidrs.join(', ')}>
      <div className="ext-title"><span className="ext-icon">◍</span> <span className="ext-name">{e.name}</span></div>
      <div className="ext-cidrs">{e.cidrs.length ? e.cidrs.join(', ') : <span className="muted">no addresses</span>}</div>
      {data.tail && <ExternalTail tail={data.tail} />}
      <ConnectHandles />
    </div>
    <NodeBadges nodeId={id} />
    </>
  );
}

export const ExternalNode = memo(ExternalNodeImpl);
