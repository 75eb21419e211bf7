// Right-hand side panel: Inspect, Policies, Cluster policies, Explain, Comments, Paths and Assertions tabs.

import './panels.css';
import type { RightTab } from '../state/session-store.ts';
import { setSession, useSessionStore } from '../state/session-store.ts';
import { Inspector } from './inspector/Inspector.tsx';
import { PoliciesTab } from './policies/PoliciesTab.tsx';
import { ClusterPoliciesTab } from './cluster-policies/ClusterPoliciesTab.tsx';
import { ExplainPanel } from './explain/ExplainPanel.tsx';
import { Tabs } from './Tabs.tsx';
import { CommentsPanel } from '../comments/CommentsPanel.tsx';
import { PathsPanel } from '../lb/PathsPanel.tsx';
import { AssertionsPanel } from '../assertions/AssertionsPanel.tsx';
import { useFailingAssertions } from '../assertions/useFailing.ts';
import type { TabDef } from './Tabs.tsx';
import { AssertionsIcon, ClusterTiersIcon, CommentsIcon, ExplainIcon, InspectIcon, PathsIcon, PoliciesIcon } from './tab-icons.tsx';

const TABS: TabDef<RightTab>[] = [
  { id: 'inspect', label: 'Inspect', icon: <InspectIcon /> },
  { id: 'policies', label: 'Policies', icon: <PoliciesIcon /> },
  { id: 'cluster', label: 'Cluster policies', short: 'Tiers', icon: <ClusterTiersIcon /> },
  { id: 'explain', label: 'Explain', icon: <ExplainIcon /> },
  { id: 'comments', label: 'Comments', icon: <CommentsIcon /> },
  { id: 'paths', label: 'Paths', icon: <PathsIcon /> },
  { id: 'assertions', label: 'Assertions', icon: <AssertionsIcon />, badgeLabel: 'failing' },
];

export function RightPanel() {
  const tab = useSessionStore((s) => s.rightTab);
  const failing = useFailingAssertions();
  const tabs = failing ? TABS.map((t) => (t.id === 'assertions' ? { ...t, badge: failing } : t)) : TABS;
  return (
    <aside className="right-panel panel" aria-label="Details" id="side-panel" tabIndex={-1}>
      <Tabs label="Details" tabs={tabs} active={tab} onSelect={(rightTab) => setSession({ rightTab })} />
      <div className="panel-body" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'inspect' && <Inspector />}
        {tab === 'policies' && <PoliciesTab />}
        {tab === 'cluster' && <ClusterPoliciesTab />}
        {tab === 'explain' && <ExplainPanel />}
        {tab === 'comments' && <CommentsPanel />}
        {tab === 'paths' && <PathsPanel />}
        {tab === 'assertions' && <AssertionsPanel />}
      </div>
    </aside>
  );
}
