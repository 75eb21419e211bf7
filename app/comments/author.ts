// The comment author's name: asked once, remembered in this browser (never in the design).

import { useSyncExternalStore } from 'react';

export const AUTHOR_KEY = 'netpol-designer:author';

const listeners = new Set<() => void>();

export function getAuthor(): string {
  try {
    return localStorage.getItem(AUTHOR_KEY) ?? '';
  } catch {
    return '';
  }
}

export function setAuthor(name: string): void {
  try {
    localStorage.setItem(AUTHOR_KEY, name.trim());
  } catch {
    // storage disabled: the name is used for this comment only
  }
  for (const l of listeners) l();
}

export function useAuthor(): string {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    getAuthor,
  );
}
