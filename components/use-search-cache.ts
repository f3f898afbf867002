import { useEffect, useState } from 'preact/hooks';
import type { NotesDatabase } from '@/utils/notes/database';
import { NotesSearchCache } from '@/utils/notes/search-cache';

/**
 * A notes search cache for this component's lifetime, and a number that changes whenever the
 * cache is loaded or dropped (a dependency for queries that read from it).
 */
export function useSearchCache(db: () => NotesDatabase): { cache: NotesSearchCache; version: number } {
  const [cache] = useState(() => new NotesSearchCache(db()));
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const unsubscribe = cache.subscribe(() => setVersion((v) => v + 1));
    return () => {
      unsubscribe();
      cache.close();
    };
  }, [cache]);
  return { cache, version };
}
