import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

export type LiveState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/**
 * The result of a Dexie query, kept up to date as the database changes (in this page or any
 * other page of the extension). Re-subscribes when `deps` change.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' });
  // A layout effect subscribes right after the render; a plain effect would wait for the next frame.
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error) => setState({ status: 'error', error }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}
