// Lists of small records (labels, ports, CIDRs, selector requirements) edited as rows. A row
// commits as a whole when focus leaves it or on Enter, so editing a key and its value is one
// undo step; a select commits at once when the row is otherwise valid. The last row is an
// empty "add" row that becomes a real row once it holds something valid.

import { useEffect, useId, useRef, useState } from 'react';

export type RowValues = Record<string, string>;

export interface FieldSpec {
  name: string;
  label: string;
  options?: readonly string[];
  placeholder?: string;
  /** Message for an invalid value, or null. Gets the whole row for cross-field rules. */
  validate?: (value: string, row: RowValues) => string | null;
  /** CSS width, e.g. '80px'. */
  width?: string;
}

export interface EditableRowsProps {
  /** Accessible name of the list, e.g. "Pod labels". */
  label: string;
  fields: FieldSpec[];
  rows: RowValues[];
  onChange: (rows: RowValues[]) => void;
  /** Values of a fresh add row (e.g. protocol TCP). */
  blank: RowValues;
  /** Problems that involve several rows (duplicate keys): message for row i, or null. */
  validateList?: (rows: RowValues[], index: number) => string | null;
  testId?: string;
}

export function EditableRows(props: EditableRowsProps) {
  const { label, fields, rows, onChange, blank, validateList, testId } = props;
  return (
    <div className="rows" role="group" aria-label={label} data-testid={testId}>
      {rows.length > 0 && (
        <div className="rows-head" aria-hidden="true">
          {fields.map((f) => (
            <span key={f.name} style={{ width: f.width, flex: f.width ? 'none' : 1 }}>
              {f.label}
            </span>
          ))}
          <span className="row-del-space" />
        </div>
      )}
      {rows.map((row, i) => (
        <Row
          key={i}
          fields={fields}
          value={row}
          rowLabel={`${label} row ${i + 1}`}
          listError={(draft) => (validateList ? validateList(rows.map((r, j) => (j === i ? draft : r)), i) : null)}
          onCommit={(next) => onChange(rows.map((r, j) => (j === i ? next : r)))}
          onDelete={() => onChange(rows.filter((_, j) => j !== i))}
        />
      ))}
      <Row
        key={`add-${rows.length}`}
        fields={fields}
        value={blank}
        isAdd
        rowLabel={`New ${label.toLowerCase()}`}
        listError={(draft) => (validateList ? validateList([...rows, draft], rows.length) : null)}
        onCommit={(next) => onChange([...rows, next])}
      />
    </div>
  );
}

interface RowProps {
  fields: FieldSpec[];
  value: RowValues;
  rowLabel: string;
  isAdd?: boolean;
  listError: (draft: RowValues) => string | null;
  onCommit: (row: RowValues) => void;
  onDelete?: () => void;
}

function sameRow(a: RowValues, b: RowValues): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? '') !== (b[k] ?? '')) return false;
  return true;
}

function Row({ fields, value, rowLabel, isAdd, listError, onCommit, onDelete }: RowProps) {
  const [draft, setDraft] = useState<RowValues>(value);
  const [tried, setTried] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  const valueKey = JSON.stringify(value);
  useEffect(() => {
    setDraft(value);
    setTried(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [valueKey]);

  const fieldErrors = fields.map((f) => (f.validate ? f.validate(draft[f.name] ?? '', draft) : null));
  const rowError = listError(draft);
  const dirty = !sameRow(draft, value);
  const valid = fieldErrors.every((e) => !e) && !rowError;

  const tryCommit = (row: RowValues) => {
    if (sameRow(row, value)) return;
    const errs = fields.some((f) => f.validate?.(row[f.name] ?? '', row));
    if (errs || listError(row)) {
      setTried(true);
      return;
    }
    onCommit(row);
    if (isAdd) setDraft(value);
  };

  // The add row shows problems only once the user tried to commit it, so an empty row is quiet.
  const showErrors = !isAdd || tried;
  const messages = [
    ...fields.map((f, i) => (fieldErrors[i] ? `${f.label}: ${fieldErrors[i]}` : null)),
    rowError,
  ].filter((m): m is string => !!m);

  return (
    <div
      ref={ref}
      className={`row ${isAdd ? 'row-add' : ''}`}
      role="group"
      aria-label={rowLabel}
      onBlur={(e) => {
        if (ref.current && e.relatedTarget instanceof Node && ref.current.contains(e.relatedTarget)) return;
        if (dirty) tryCommit(draft);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          tryCommit(draft);
        }
        if (e.key === 'Escape') setDraft(value);
      }}
    >
      <div className="row-fields">
        {fields.map((f, i) => {
          const invalid = showErrors && !!fieldErrors[i];
          const common = {
            'aria-label': `${rowLabel} ${f.label}`,
            'aria-invalid': invalid || undefined,
            'aria-describedby': invalid ? `${id}-err` : undefined,
            className: invalid ? 'invalid' : undefined,
            style: { width: f.width, flex: f.width ? 'none' : 1 },
          } as const;
          if (f.options) {
            return (
              <select
                key={f.name}
                {...common}
                value={draft[f.name] ?? ''}
                onChange={(e) => {
                  const next = { ...draft, [f.name]: e.target.value };
                  setDraft(next);
                  if (!isAdd) tryCommit(next);
                }}
              >
                {f.options.map((o) => (
                  <option key={o} value={o}>
                    {o === '' ? '(none)' : o}
                  </option>
                ))}
              </select>
            );
          }
          return (
            <input
              key={f.name}
              {...common}
              value={draft[f.name] ?? ''}
              placeholder={f.placeholder}
              spellCheck={false}
              onChange={(e) => setDraft({ ...draft, [f.name]: e.target.value })}
            />
          );
        })}
        {onDelete ? (
          <button type="button" className="icon-btn row-del" aria-label={`Remove ${rowLabel}`} title="Remove" onClick={onDelete}>
            ×
          </button>
        ) : (
          <button
            type="button"
            className="icon-btn row-del"
            aria-label={`Add ${rowLabel}`}
            title="Add"
            disabled={!dirty}
            onClick={() => tryCommit(draft)}
          >
            +
          </button>
        )}
      </div>
      {showErrors && !valid && messages.length > 0 && (
        <div id={`${id}-err`} className="field-error" role="alert">
          {messages.join(' · ')}
        </div>
      )}
    </div>
  );
}
