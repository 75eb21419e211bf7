// Edits a label selector (matchLabels + matchExpressions). While focus is inside, the canvas
// highlights the workloads the selector matches (the caller computes them with the core).

import { useEffect, useRef } from 'react';
import type { LabelSelector, LabelSelectorRequirement, SelectorOperator } from '../../../src/model/types.ts';
import { validateSelector } from '../../../src/policy/selectors.ts';
import { setSession } from '../../state/session-store.ts';
import { EditableRows } from '../fields/EditableRows.tsx';
import type { RowValues } from '../fields/EditableRows.tsx';
import { LabelsEditor } from '../fields/LabelsEditor.tsx';
import { labelKeyError, labelValueError } from '../fields/parse.ts';

const OPERATORS: SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

function splitValues(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function rowToRequirement(r: RowValues): LabelSelectorRequirement {
  const op = r.operator as SelectorOperator;
  const req: LabelSelectorRequirement = { key: r.key.trim(), operator: op };
  // Exists/DoesNotExist take no values: whatever is typed there is ignored, not an error.
  if (op === 'In' || op === 'NotIn') req.values = splitValues(r.values);
  return req;
}

function valuesError(text: string, row: RowValues): string | null {
  const shapeProblem = validateSelector({ matchExpressions: [rowToRequirement(row)] }, '').find((p) => p.path.endsWith('.values'));
  if (shapeProblem) return shapeProblem.message;
  if (row.operator === 'In' || row.operator === 'NotIn') {
    for (const v of splitValues(text)) {
      const e = labelValueError(v);
      if (e) return e;
    }
  }
  return null;
}

const EXPR_FIELDS = [
  { name: 'key', label: 'Key', placeholder: 'tier', validate: labelKeyError },
  { name: 'operator', label: 'Operator', options: OPERATORS, width: '98px' },
  { name: 'values', label: 'Values (comma-separated)', placeholder: 'a, b', validate: valuesError },
];

export interface SelectorEditorProps {
  label: string;
  selector: LabelSelector;
  onChange: (sel: LabelSelector) => void;
  /** Workload ids the selector matches now; highlighted on the canvas while editing. */
  matchIds: string[];
  /** Short description of what matches, e.g. "3 pods: shop/web, …". */
  matchText: string;
  testId?: string;
  /** What the canvas highlights when focus leaves the selector (default: nothing). */
  idleHighlight?: string[];
}

export function SelectorEditor(props: SelectorEditorProps) {
  const { label, selector, onChange, matchIds, matchText, testId, idleHighlight } = props;
  const idle = idleHighlight ?? [];
  const focused = useRef(false);
  const ref = useRef<HTMLFieldSetElement>(null);
  const idsKey = matchIds.join('\n');
  useEffect(() => {
    if (focused.current) setSession({ highlight: matchIds });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [idsKey]);
  useEffect(
    () => () => {
      if (focused.current) setSession({ highlight: idle });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const exprRows: RowValues[] = (selector.matchExpressions ?? []).map((r) => ({
    key: r.key,
    operator: r.operator,
    values: (r.values ?? []).join(', '),
  }));
  const set = (patch: Partial<LabelSelector>) => {
    const next: LabelSelector = { ...selector, ...patch };
    if (next.matchLabels && Object.keys(next.matchLabels).length === 0) delete next.matchLabels;
    if (next.matchExpressions && next.matchExpressions.length === 0) delete next.matchExpressions;
    onChange(next);
  };
  const empty = !selector.matchLabels && !selector.matchExpressions?.length;

  return (
    <fieldset
      ref={ref}
      className="selector"
      data-testid={testId}
      onFocus={() => {
        if (!focused.current) {
          focused.current = true;
          setSession({ highlight: matchIds });
        }
      }}
      onBlur={(e) => {
        if (e.relatedTarget instanceof Node && ref.current?.contains(e.relatedTarget)) return;
        focused.current = false;
        setSession({ highlight: idle });
      }}
    >
      <legend>{label}</legend>
      {empty && <p className="hint">Empty selector: matches everything in its scope.</p>}
      <div className="sub-label">matchLabels</div>
      <LabelsEditor label={`${label} matchLabels`} labels={selector.matchLabels} onChange={(matchLabels) => set({ matchLabels })} />
      <div className="sub-label">matchExpressions</div>
      <EditableRows
        label={`${label} matchExpressions`}
        fields={EXPR_FIELDS}
        rows={exprRows}
        blank={{ key: '', operator: 'In', values: '' }}
        onChange={(rows) => set({ matchExpressions: rows.map(rowToRequirement) })}
      />
      <p className="matches" aria-live="polite">
        {matchText}
      </p>
    </fieldset>
  );
}
