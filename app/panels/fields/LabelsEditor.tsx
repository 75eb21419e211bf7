// Key/value rows for a label map (pod labels, namespace labels, selectors' matchLabels).

import { EditableRows } from './EditableRows.tsx';
import { duplicateKeyError, LABEL_FIELDS, labelsToRows, rowsToLabels } from './parse.ts';

export function LabelsEditor(props: {
  label: string;
  labels: Record<string, string> | undefined;
  onChange: (labels: Record<string, string>) => void;
  testId?: string;
}) {
  return (
    <EditableRows
      label={props.label}
      fields={LABEL_FIELDS}
      rows={labelsToRows(props.labels)}
      blank={{ key: '', value: '' }}
      validateList={duplicateKeyError}
      onChange={(rows) => props.onChange(rowsToLabels(rows))}
      testId={props.testId}
    />
  );
}
