// Transient UI state of the assertions feature (the "add assertion" dialog). Never saved.
import { createStore, useStore } from 'zustand';

export interface AssertDraft {
  fromId: string;
  toId: string;
}

export const assertUi = createStore<{ draft: AssertDraft | null }>()(() => ({ draft: null }));

export function useAssertDraft(): AssertDraft | null {
  return useStore(assertUi, (s) => s.draft);
}

export function openAssertDialog(draft: AssertDraft | null): void {
  assertUi.setState({ draft });
}
