// Problems: diagnostics of the last import plus lint findings of the design. Clicking one
// selects the object it is about.

import type { Diagnostic } from '../../../src/k8s/diagnostics.ts';
import { diagnosticObjectId, formatDiagnostic } from '../../../src/k8s/diagnostics.ts';
import type { Id, Model } from '../../../src/model/types.ts';
import { useLintFindings, useEvaluated } from '../../state/reachability.ts';
import { setSession } from '../../state/session-store.ts';
import { useLastImport } from '../import-result.ts';
import { formatSplit } from '../../../src/lint/problem-counts.ts';
import { useProblemCounts } from './problem-counts.ts';

function reveal(model: Model, id: Id | undefined) {
  if (!id) return;
  if (model.policies[id]) setSession({ selection: [], rightTab: 'policies', editingPolicyId: id });
  else setSession({ selection: [id], rightTab: 'inspect' });
}

export function ProblemsView() {
  const { model } = useEvaluated();
  const last = useLastImport();
  const findings = useLintFindings();
  const diags: Diagnostic[] = last?.diagnostics ?? [];
  const counts = useProblemCounts();

  if (diags.length === 0 && findings.length === 0) {
    return <p className="empty-state pad">No problems found in the design{last ? ' or the last import' : ''}.</p>;
  }
  return (
    <div className="problems" data-testid="problems">
      <p className="problems-summary" data-testid="problems-summary">
        {formatSplit(counts.all)}
        {counts.all.info > 0 && <span className="hint"> — the tab badge counts errors and warnings</span>}
      </p>
      {diags.length > 0 && (
        <section aria-label="Import diagnostics">
          <h4 data-testid="problems-import-header">Last import: {formatSplit(counts.imports)}</h4>
          <ul>
            {diags.map((d, i) => {
              const id = diagnosticObjectId(model, d.object);
              return (
                <li key={i} className={`problem sev-${d.severity}`}>
                  <span className={`sev-dot ${d.severity}`} aria-label={d.severity} />
                  {id ? (
                    <button type="button" className="link-btn" onClick={() => reveal(model, id)}>
                      {formatDiagnostic(d)}
                    </button>
                  ) : (
                    <span>{formatDiagnostic(d)}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {findings.length > 0 && (
        <section aria-label="Lint findings">
          <h4 data-testid="problems-design-header">Design checks: {formatSplit(counts.design)}</h4>
          <ul>
            {findings.map((f, i) => (
              <li key={i} className={`problem sev-${f.severity}`}>
                <span className={`sev-dot ${f.severity}`} aria-label={f.severity} />
                <button type="button" className="link-btn" disabled={!f.objectId} onClick={() => reveal(model, f.objectId)}>
                  <code>{f.id}</code> {f.object ? `${f.object}: ` : ''}
                  {f.path ? `${f.path}: ` : ''}
                  {f.message}
                </button>
                {f.hint && <div className="hint problem-hint">{f.hint}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
