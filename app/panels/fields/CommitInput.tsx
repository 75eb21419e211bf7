// A text input that keeps its own draft and writes to the design only on Enter or blur, so one
// edit is one undo step. Invalid drafts stay visible with their message and are not committed.

import { useEffect, useId, useState } from 'react';

export type Validate = (text: string) => string | null;

export interface CommitInputProps {
  label: string;
  value: string;
  onCommit: (text: string) => void;
  validate?: Validate;
  placeholder?: string;
  /** Hide the visible label (the input keeps it as its accessible name). */
  hideLabel?: boolean;
  className?: string;
  testId?: string;
  disabled?: boolean;
  /** Called on each keystroke with the draft, e.g. to highlight what a selector would match. */
  onDraft?: (text: string) => void;
}

export function CommitInput(props: CommitInputProps) {
  const { label, value, onCommit, validate, placeholder, hideLabel, className, testId, disabled, onDraft } = props;
  const [draft, setDraft] = useState(value);
  const id = useId();
  // An outside change (undo, another field, a peer) replaces the draft.
  useEffect(() => {
    setDraft(value);
  }, [value]);

  const error = validate ? validate(draft) : null;
  const commit = () => {
    if (draft === value) return;
    if (error) return;
    onCommit(draft);
  };

  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      <input
        id={id}
        className={error ? 'invalid' : undefined}
        value={draft}
        placeholder={placeholder}
        disabled={disabled}
        data-testid={testId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        spellCheck={false}
        onChange={(e) => {
          setDraft(e.target.value);
          onDraft?.(e.target.value);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(value);
            onDraft?.(value);
          }
        }}
      />
      {error && (
        <div id={`${id}-err`} className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
