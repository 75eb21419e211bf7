// Bottom drawer: YAML / Matrix / Problems tabs, collapsible.

import './panels.css';
import type { BottomTab } from '../state/session-store.ts';
import { setSession, useSessionStore } from '../state/session-store.ts';
import { useProblemCounts } from './bottom/problem-counts.ts';
import { MatrixView } from './bottom/MatrixView.tsx';
import { ProblemsView } from './bottom/ProblemsView.tsx';
import { YamlView } from './bottom/YamlView.tsx';
import { Tabs } from './Tabs.tsx';
import { DiffTab, ReviewTab } from '../review/ReviewTab.tsx';

export function BottomPanel() {
  const tab = useSessionStore((s) => s.bottomTab);
  const open = useSessionStore((s) => s.bottomOpen);
  // The badge counts errors and warnings; the Problems list states the same number and the info apart.
  const problems = useProblemCounts().all.flagged;
  const tabs: { id: BottomTab; label: string; badge?: number; badgeLabel?: string }[] = [
    { id: 'yaml', label: 'YAML' },
    { id: 'matrix', label: 'Matrix' },
    { id: 'problems', label: 'Problems', badge: problems, badgeLabel: problems === 1 ? 'error or warning' : 'errors and warnings' },
    { id: 'review', label: 'Review' },
    { id: 'diff', label: 'YAML diff' },
  ];
  return (
    <section className={`bottom-panel panel ${open ? 'open' : 'closed'}`} aria-label="Output">
      <Tabs label="Output" tabs={tabs} active={tab} onSelect={(bottomTab) => setSession({ bottomTab, bottomOpen: true })}>
        <span className="spacer" />
        <button
          type="button"
          className="icon-btn collapse-btn"
          aria-label={open ? 'Collapse bottom panel' : 'Expand bottom panel'}
          aria-expanded={open}
          onClick={() => setSession({ bottomOpen: !open })}
        >
          {open ? '▾' : '▴'}
        </button>
      </Tabs>
      {open && (
        <div className="bottom-body" role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {tab === 'yaml' && <YamlView />}
          {tab === 'matrix' && <MatrixView />}
          {tab === 'problems' && <ProblemsView />}
          {tab === 'review' && <ReviewTab />}
          {tab === 'diff' && <DiffTab />}
        </div>
      )}
    </section>
  );
}
