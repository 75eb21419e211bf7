import { memo } from 'react';
import { Handle, NodeResizer, Position, type NodeProps } from '@xyflow/react';
import { useDocStore } from '../../state/doc-store.ts';
import { MIN_NAMESPACE_SIZE } from '../../../src/layout/sizes.ts';
import { CARD_SIZE, DENSE_CARD_SIZE } from '../../../src/canvas/overview.ts';
import { hubPeersLong, hubPeersShort, type NodeTailInfo } from '../../../src/canvas/edges.ts';
import type { CompactNamespaceData, NamespaceNode as NamespaceNodeType } from '../flow-types.ts';
import { NodeBadges } from '../../review/NodeBadges.tsx';
import { collapseNamespace, openNamespace } from '../../state/overview-actions.ts';
import { workloadCountsByNamespace } from '../../../src/model/counts.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function denyText(deny: { ingress: boolean; egress: boolean } | undefined): string {
  return [deny?.ingress ? 'ingress' : '', deny?.egress ? 'egress' : ''].filter(Boolean).join(' + ');
}

function shortDeny(deny: { ingress: boolean; egress: boolean } | undefined): string {
  return deny?.ingress && deny.egress ? 'in + out' : deny?.ingress ? 'in' : 'out';
}

/** What a card of a crowded overview says about its connections that are not drawn (src/canvas/overview-bundles.ts). */
function NodeTail({ tail, inner, only, split }: { tail: NodeTailInfo | undefined; inner?: number; only?: 'to'; split?: boolean }) {
  if (only === 'to') return tail?.to ? <HubTo tail={tail} /> : null;
  // `split`: with both directions summarised (kube-system), `to` is on the line above (only="to").
  const both = !!tail?.from && !!tail.to;
  return (
    <div className="ns-card-tail" data-testid="ns-tail">
      {tail?.from && (
        <span className="ns-hub" data-testid="ns-hub-from" title={`Reached from ${hubPeersLong(tail.from)} (${plural(tail.from.flows, 'flow')}) on ${tail.from.ports}: select to draw them`}>
          ⇠ {hubPeersShort(tail.from)}{both && !split ? '' : ` · ${tail.from.ports}`}
        </span>
      )}
      {tail?.to && !(both && split) && <HubTo tail={tail} />}
      {tail && tail.more > 0 && (
        <span className="ns-more" data-testid="ns-more" title={`${plural(tail.more, 'more connection')} with other namespaces, not drawn: select the namespace to draw all of its own`}>
          +{tail.more} more
        </span>
      )}
      {inner ? <span className="ns-inner" title="Connections between its own workloads">{inner} inside</span> : null}
    </div>
  );
}

function HubTo({ tail }: { tail: NodeTailInfo }) {
  const to = tail.to!;
  return (
    <span className="ns-hub" data-testid="ns-hub-to" title={`Reaches ${hubPeersLong(to)} (${plural(to.flows, 'flow')}) on ${to.ports}: select to draw them`}>
      ⇢ {hubPeersShort(to)}{tail.from ? '' : ` · ${to.ports}`}
    </span>
  );
}

/** A namespace of the overview: one card with what it holds and how exposed it is (src/canvas/overview.ts). */
function CompactNamespace({ id, data }: { id: string; data: CompactNamespaceData }) {
  const name = useDocStore((s) => s.doc.model.namespaces[id]?.name ?? '');
  const s = data.summary;
  const deny = denyText(s?.deny);
  const ext = s?.fromExternals ?? [];
  const lbs = s?.loadBalancers.length ?? 0;
  const failing = s?.failingAssertions ?? 0;
  const tail = data.tail;
  const dense = !!data.dense;
  const size = dense ? DENSE_CARD_SIZE : CARD_SIZE;
  const denyBadge = deny ? <span className="ns-deny" title={`Default deny: ${deny} (every pod isolated, nothing allowed unless a policy says so)`}>{dense ? '' : 'deny '}{shortDeny(s?.deny)}</span>
    : <span className="ns-open" title="No default deny: pods not selected by a policy accept everything">{dense ? 'open' : 'no default deny'}</span>;
  const badges = (
    <>
      {ext.length > 0 && (
        <span className="ns-badge ns-badge-ext" data-testid="ns-badge-external" title={`Reachable from ${ext.join(', ')}`}>
          ⇠ {dense ? `${ext.length} ext` : ext.length === 1 ? ext[0] : `${ext.length} networks`}
        </span>
      )}
      {lbs > 0 && <span className="ns-badge ns-badge-lb" data-testid="ns-badge-lb" title="Workloads behind a load balancer">LB {lbs}</span>}
      {failing > 0 && <span className="ns-badge ns-badge-fail" data-testid="ns-badge-assert" title="Assertions this design breaks">✗ {failing}</span>}
    </>
  );
  // The summary line's short forms (as a dense card has them): the titles say it in full.
  const shortDenyBadge = deny ? <span className="ns-deny">{shortDeny(s?.deny)}</span> : <span className="ns-open">open</span>;
  const shortBadges = (
    <>
      {ext.length > 0 && <span className="ns-badge ns-badge-ext">⇠ {ext.length} ext</span>}
      {lbs > 0 && <span className="ns-badge ns-badge-lb">LB {lbs}</span>}
      {failing > 0 && <span className="ns-badge ns-badge-fail">✗ {failing}</span>}
    </>
  );
  const summaryTitles = [
    ext.length ? `reachable from ${ext.join(', ')}` : '',
    lbs ? `${plural(lbs, 'load balancer')} in front` : '',
    failing ? `${plural(failing, 'assertion')} broken` : '',
    tail?.from ? `reached from ${hubPeersLong(tail.from)} on ${tail.from.ports}` : '',
    tail?.to ? `reaches ${hubPeersLong(tail.to)} on ${tail.to.ports}` : '',
    tail && tail.more > 0 ? `${plural(tail.more, 'more connection')} not drawn: select it to draw them` : '',
  ].filter(Boolean);
  return (
    <div
      className={`ns-card${dense ? ' dense' : ''}`}
      data-testid="ns-card"
      data-namespace={name}
      style={{ width: size.w, height: size.h, transform: `scale(${data.scale})` }}
      onDoubleClick={(e) => { e.stopPropagation(); openNamespace(id); }}
    >
      <div className="ns-card-title">
        <span className="ns-name" title={name}>{name}</span>
        <button type="button" tabIndex={-1} className="ns-toggle nodrag nopan" aria-label={`Show the workloads of ${name}`} title="Show the workloads"
          onClick={(e) => { e.stopPropagation(); openNamespace(id); }}>
          ⊕
        </button>
      </div>
      {dense ? (
        <>
          <div className="ns-card-line">
            <span className="ns-count" title={plural(s?.workloads ?? 0, 'workload')}>{s?.workloads ?? 0} wl</span>
            {denyBadge}
            {badges}
            {tail?.from && tail.to && <NodeTail tail={tail} only="to" />}
          </div>
          <NodeTail tail={tail} inner={data.innerFlows} split />
        </>
      ) : (
        <>
          <div className="ns-card-line">
            <span className="ns-count">{plural(s?.workloads ?? 0, 'workload')}</span>
            {denyBadge}
          </div>
          <div className="ns-card-badges">
            {badges}
            {data.innerFlows > 0 && <span className="ns-inner" title="Connections between its own workloads">{plural(data.innerFlows, 'flow')} inside</span>}
            {tail && <NodeTail tail={tail} />}
          </div>
          {/* Zoomed out (src/canvas/card-detail.ts): the two lines above give way to this one, larger. */}
          <div className="ns-card-summary" data-testid="ns-card-summary" title={[plural(s?.workloads ?? 0, 'workload'), deny ? `default deny ${deny}` : 'no default deny', ...summaryTitles].join(' · ')}>
            {shortDenyBadge}
            {shortBadges}
            {tail?.from && <span className="ns-hub">⇠ {hubPeersShort(tail.from)}</span>}
            {tail?.to && <span className="ns-hub">⇢ {hubPeersShort(tail.to)}</span>}
            {tail && tail.more > 0 && <span className="ns-more">+{tail.more} more</span>}
          </div>
        </>
      )}
      <Handle type="source" position={Position.Right} className="hidden-handle" isConnectable={false} />
      <Handle type="target" position={Position.Left} className="hidden-handle" isConnectable={false} />
    </div>
  );
}

function NamespaceNodeImpl({ id, selected, data }: NodeProps<NamespaceNodeType>) {
  const name = useDocStore((s) => s.doc.model.namespaces[id]?.name ?? '');
  const count = useDocStore((s) => workloadCountsByNamespace(s.doc.model).get(id) ?? 0);
  const defaults = useDocStore((s) => s.doc.model.namespaceDefaults[id]);
  if (data.compact) return <CompactNamespace id={id} data={data.compact} />;
  const deny = denyText({ ingress: !!defaults?.denyIngress, egress: !!defaults?.denyEgress });
  return (
    <div className="ns-node" data-namespace={name}>
      <NodeResizer isVisible={selected} minWidth={MIN_NAMESPACE_SIZE.w} minHeight={MIN_NAMESPACE_SIZE.h} color="#64748b" />
      <div className="ns-header">
        <span className="ns-kind">namespace</span>
        <span className="ns-name" title={name}>{name}</span>
        <span className="ns-count">{plural(count, 'workload')}</span>
        {deny && <span className="ns-deny" title="Default deny (design by intent)">deny {deny}</span>}
        {data.collapsible && (
          <button type="button" tabIndex={-1} className="ns-toggle nodrag nopan" aria-label={`Collapse ${name}`} title="Draw as one node"
            onClick={(e) => { e.stopPropagation(); collapseNamespace(id); }}>
            ⊖
          </button>
        )}
      </div>
      {data.hiddenFlows ? (
        <div className="ns-hidden-flows" data-testid="ns-hidden-flows" title="Too many to draw readably: select a workload to see its own connections">
          {data.hiddenFlows} connections inside · select a workload to see its own
        </div>
      ) : null}
      {/* Edges aggregated per namespace pair attach here. */}
      <Handle type="source" position={Position.Right} className="hidden-handle" isConnectable={false} />
      <Handle type="target" position={Position.Left} className="hidden-handle" isConnectable={false} />
      <NodeBadges nodeId={id} namespace />
    </div>
  );
}

export const NamespaceNode = memo(NamespaceNodeImpl);
