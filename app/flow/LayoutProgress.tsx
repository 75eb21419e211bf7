// Progress of a running layout (app/state/layout-jobs.ts), with Cancel for Auto layout. It only
// becomes visible after a short delay (styles.css), so a quick layout does not flash it.

import { cancelLayout, useLayoutJob } from '../state/layout-jobs.ts';

export function LayoutProgress() {
  const job = useLayoutJob();
  if (!job) return null;
  const pct = job.total > 0 ? Math.round((100 * job.done) / job.total) : 0;
  return (
    <div className="layout-progress" role="status" data-testid="layout-progress">
      <span>{job.label}…</span>
      <progress max={100} value={pct} aria-label={`${job.label} progress`} />
      <span className="pct">{pct}%</span>
      {job.cancellable && <button type="button" onClick={cancelLayout}>Cancel</button>}
    </div>
  );
}
