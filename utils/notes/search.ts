import Dexie, { type Collection } from 'dexie';
import type { SourceKind } from '../attribution/types';
import type { NotesDatabase, StoredNote } from './database';
import type { Note, Verdict } from './note';
import { noteWords, wordsOf } from './words';

export interface NoteQuery {
  /** Words the note must contain; each query word matches the start of a word (prefix search), all must match. */
  text?: string;
  verdict?: Verdict;
  tag?: string;
  site?: string;
  kind?: SourceKind;
  /** At most this many notes (all when absent). Pass one: reading thousands of notes is slow. */
  limit?: number;
}

/** Newest first; equal times by id descending, as a reversed IndexedDB index orders them. */
export const byNewest = (a: Note, b: Note) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The query's limit as a count (Infinity when absent). */
export function queryLimit(query: NoteQuery): number {
  return query.limit === undefined || Number.isNaN(query.limit) ? Infinity : Math.max(0, Math.floor(query.limit));
}

/**
 * Whether a note matches every criterion of the query. The note may be a stored record (its
 * `words` are used) or a plain note (its words are computed).
 */
export function noteMatcher(query: NoteQuery): (note: Note) => boolean {
  const words = wordsOf(query.text ?? '');
  return (note) => {
    if (query.verdict !== undefined && note.verdict !== query.verdict) return false;
    if (query.site !== undefined && note.site !== query.site) return false;
    if (query.kind !== undefined && note.claimKind !== query.kind) return false;
    if (query.tag !== undefined && !note.tags.includes(query.tag)) return false;
    if (words.length) {
      const own = (note as Partial<StoredNote>).words ?? noteWords(note);
      return words.every((word) => own.some((w) => w.startsWith(word)));
    }
    return true;
  };
}

type NoteCollection = Collection<Note, string>;

/** One condition of a query: how many notes an index says may match, and how to read them. */
interface Criterion {
  count: Promise<number>;
  /** The notes an index says may match, in no useful order. */
  candidates: () => NoteCollection;
  /** The matching notes newest first, when a compound index with createdAt gives that order. */
  newestFirst?: () => NoteCollection;
}

/**
 * Notes matching every given criterion, newest first.
 *
 * Reading note records is what costs, so the plan reads as few as it can: it asks each index how
 * many notes it holds for its criterion (IndexedDB counts cheaply), estimates the share that will
 * match, then either reads the few candidates of the most selective criterion, or walks an index
 * that is already newest first (by date, or by site / verdict / kind / tag and date) and stops at the limit.
 */
export async function searchNotes(db: NotesDatabase, query: NoteQuery = {}): Promise<Note[]> {
  const limit = queryLimit(query);
  if (limit === 0) return [];
  const words = wordsOf(query.text ?? '');
  const table = db.notes;
  // Dexie filters see the stored record, words included.
  const matches = noteMatcher(query);

  return db.transaction('r', table, async () => {
    const byDate = () => table.orderBy('createdAt').reverse() as NoteCollection;
    const compound = (index: string, value: string) => () =>
      table.where(index).between([value, Dexie.minKey], [value, Dexie.maxKey]).reverse() as NoteCollection;
    const criteria: Criterion[] = [];
    const add = (candidates: () => NoteCollection, newestFirst?: () => NoteCollection) =>
      criteria.push({ count: candidates().count(), candidates, newestFirst });
    for (const word of words) add(() => table.where('words').startsWith(word) as NoteCollection);
    if (query.tag !== undefined) {
      const tag = query.tag;
      add(
        () => table.where('tags').equals(tag) as NoteCollection,
        () => table.where('tagDates').between(`${tag}\u0000`, `${tag}\u0001`).reverse() as NoteCollection,
      );
    }
    if (query.site !== undefined) add(() => table.where('site').equals(query.site!) as NoteCollection, compound('[site+createdAt]', query.site));
    if (query.verdict !== undefined) {
      add(() => table.where('verdict').equals(query.verdict!) as NoteCollection, compound('[verdict+createdAt]', query.verdict));
    }
    if (query.kind !== undefined) {
      add(() => table.where('claimKind').equals(query.kind!) as NoteCollection, compound('[claimKind+createdAt]', query.kind));
    }
    if (criteria.length === 0) return byDate().limit(limit).toArray();

    const counts = await Promise.all(criteria.map((c) => c.count));
    if (counts.some((count) => count === 0)) return [];

    // Option 1: read every candidate of the most selective criterion.
    let driver = 0;
    for (let i = 1; i < counts.length; i++) if (counts[i]! < counts[driver]!) driver = i;
    let best: { cost: number; run: () => Promise<Note[]> } = {
      cost: counts[driver]!,
      run: async () => {
        // A multi-entry index lists a note once per matching word: keep each note once.
        const found = new Map<string, Note>();
        // (Filtered here, not by Dexie: an unfiltered read is one getAll, not a cursor step per note.)
        for (const note of await criteria[driver]!.candidates().toArray()) if (matches(note)) found.set(note.id, note);
        return [...found.values()].sort(byNewest).slice(0, limit);
      },
    };
    // A walk reads at least `limit` notes: when there are no more candidates than that, reading
    // them wins, and every note need not be counted (a full count is slow on a large store).
    if (limit !== Infinity && counts[driver]! > limit) {
      const total = await table.count();
      // Share of notes each criterion lets through (a word's count may exceed its notes: capped).
      const shares = counts.map((count) => Math.min(1, count / Math.max(total, 1)));
      const share = shares.reduce((a, b) => a * b, 1);
      // Option 2: walk all notes newest first, stopping at the limit.
      const walkAll = Math.min(total, limit / share);
      if (walkAll < best.cost) best = { cost: walkAll, run: () => byDate().filter(matches).limit(limit).toArray() };
      // Option 3: walk one criterion's notes newest first (a compound index), stopping at the limit.
      criteria.forEach((criterion, i) => {
        if (!criterion.newestFirst) return;
        const cost = Math.min(counts[i]!, limit / (share / shares[i]!));
        if (cost < best.cost) best = { cost, run: () => criterion.newestFirst!().filter(matches).limit(limit).toArray() };
      });
    }
    return best.run();
  });
}
