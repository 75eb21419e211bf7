// Toolbar entries of the load-balancer features: "Cluster" (assumptions) and "Patterns"
// (templates), plus the assertion dialog, mounted once here.
import { useState } from 'react';
import { ClusterDialog } from '../cluster/ClusterDialog.tsx';
import { TemplatesDialog } from '../templates/TemplatesDialog.tsx';
import { AssertDialog } from '../assertions/AssertDialog.tsx';
import { useDocStore } from '../state/doc-store.ts';

export function LbToolbarButtons() {
  const [open, setOpen] = useState<'cluster' | 'patterns' | null>(null);
  const profile = useDocStore((s) => s.doc.model.cluster.profile.name);
  return (
    <div className="tool-group lb-tools">
      <button type="button" onClick={() => setOpen('patterns')} title="Apply a design pattern (public entry, strict egress, namespace isolation)">Patterns</button>
      <button type="button" onClick={() => setOpen('cluster')} title={`Cluster assumptions (profile: ${profile})`}>Cluster</button>
      <div className="lb-dialogs">
        {open === 'cluster' && <ClusterDialog onClose={() => setOpen(null)} />}
        {open === 'patterns' && <TemplatesDialog onClose={() => setOpen(null)} />}
        <AssertDialog />
      </div>
    </div>
  );
}
