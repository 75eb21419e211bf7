// Right-hand side panel: Inspector / Policies / Explanation tabs.

import './panels.css';
import type { RightTab } from '../state/session-store.ts';
import { setSession, useSessionStore } from '../state/session-store.ts';
import { Inspector } from './inspector/Inspector.tsx';
import { PoliciesTab } from './policies/PoliciesTab.tsx';
import { ExplainPanel } from './explain/ExplainPanel.tsx';
import { Tabs } from './Tabs.tsx';
import { CommentsPanel } from '../comments/CommentsPanel.tsx';
import { PathsPanel } from '../lb/PathsPanel.tsx';
import { AssertionsPanel } from '../assertions/AssertionsPanel.tsx';
import { useFailingAssertions } from '../assertions/useFailing.ts';

const TABS: { id: RightTab; label: string }[] = [
  { id: 'inspect', label: 'Inspect' },
  { id: 'policies', label: 'Policies' },
  { id: 'explain', label: 'Explain' },
  { id: 'comments', label: 'Comments' },
  { id: 'paths', label: 'Paths' },
  { id: 'assertions', label: 'Assertions' },
];

export function RightPanel() {
  const tab = useSessionStore((s) => s.rightTab);
  const failing = useFailingAssertions();
  const tabs = failing ? TABS.map((t) => (t.id === 'assertions' ? { ...t, badge: failing } : t)) : TABS;
  return (
    <aside className="right-panel panel" aria-label="Details">
      <Tabs label="Details" tabs={tabs} active={tab} onSelect={(rightTab) => setSession({ rightTab })} />
      <div className="panel-body" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'inspect' && <Inspector />}
        {tab === 'policies' && <PoliciesTab />}
        {tab === 'explain' && <ExplainPanel />}
        {tab === 'comments' && <CommentsPanel />}
        {tab === 'paths' && <PathsPanel />}
        {tab === 'assertions' && <AssertionsPanel />}
      </div>
    </aside>
  );
}
