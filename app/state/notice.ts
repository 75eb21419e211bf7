// A notice that describes the selection ("Selected. Its explanation is in the Explain tab.") is
// about that selection only: once the selection is something else, it would mislead.

export interface Notice {
  text: string;
  kind: 'info' | 'error';
  /** The selection the notice describes: it goes when the selection changes. */
  about?: readonly string[];
}

/** Whether `notice` describes a selection other than `selection` (and so should go). */
export function noticeOutlived(notice: Notice | null, selection: readonly string[]): boolean {
  if (!notice?.about) return false;
  return notice.about.length !== selection.length || notice.about.some((id, i) => selection[i] !== id);
}
