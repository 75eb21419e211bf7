import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useDocStore } from '../../state/doc-store.ts';
import type { WorkloadNode as WorkloadNodeType } from '../flow-types.ts';
import { ConnectHandles } from './ConnectHandles.tsx';
import { NodeBadges } from '../../review/NodeBadges.tsx';

/** Labels people recognise a workload by, shown first. */
const KEY_LABELS = ['app', 'app.kubernetes.io/name', 'component', 'tier', 'role'];

const KIND_ABBR: Record<string, string> = {
  Pod: 'pod', Deployment: 'deploy', StatefulSet: 'sts', DaemonSet: 'ds', ReplicaSet: 'rs',
  ReplicationController: 'rc', Job: 'job', CronJob: 'cron',
};

function WorkloadNodeImpl({ id }: NodeProps<WorkloadNodeType>) {
  const w = useDocStore((s) => s.doc.model.workloads[id]);
  const labels = useDocStore(useShallow((s) => {
    const l = s.doc.model.workloads[id]?.podLabels ?? {};
    const keys = Object.keys(l).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    return keys.slice(0, 2).map((k) => `${k.replace(/^app\.kubernetes\.io\//, '')}=${l[k]}`);
  }));
  if (!w) return null;
  const ports = w.ports.map((p) => `${p.name ? `${p.name} ` : ''}${p.containerPort}${p.protocol && p.protocol !== 'TCP' ? `/${p.protocol}` : ''}`);
  return (
    <>
    <div className="wl-node" title={`${w.kind} ${w.name}`}>
      <div className="wl-title">
        <span className="wl-name">{w.name}</span>
        <span className="wl-kind" title={w.kind}>{KIND_ABBR[w.kind] ?? w.kind}</span>
      </div>
      <div className="wl-labels">
        {labels.length === 0 ? <span className="muted">no labels</span> : labels.map((l) => <span key={l} className="chip">{l}</span>)}
      </div>
      <div className="wl-ports" title={ports.join(' · ') || undefined}>{ports.length ? ports.join(' · ') : <span className="muted">no ports</span>}</div>
      <ConnectHandles />
    </div>
    <NodeBadges nodeId={id} />
    </>
  );
}

function rank(k: string): number {
  const i = KEY_LABELS.indexOf(k);
  return i === -1 ? KEY_LABELS.length : i;
}

export const WorkloadNode = memo(WorkloadNodeImpl);
