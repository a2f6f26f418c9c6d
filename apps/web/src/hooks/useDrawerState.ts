import { useCallback, useState } from 'react';

/**
 * Open/close state for a drawer that edits one thing. Each opening gets a new `key`, so the form
 * inside starts fresh, while closing keeps the element mounted for the closing animation.
 */
export function useDrawerState<T>() {
  const [state, setState] = useState<{ subject: T; open: boolean; key: number } | null>(null);
  const open = useCallback((subject: T) => setState((s) => ({ subject, open: true, key: (s?.key ?? 0) + 1 })), []);
  const close = useCallback(() => setState((s) => (s ? { ...s, open: false } : s)), []);
  return { state, open, close };
}
